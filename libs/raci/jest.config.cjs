/** Pure domain rules: no database, no framework, so they run in the plain node environment. */
module.exports = {
  displayName: 'raci',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};
