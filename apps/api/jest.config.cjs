module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'api',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
