/**
 * Integration tests talk HTTP to the real Nest app on a real PostgreSQL. One throwaway server per
 * run (global setup), a template database migrated once, a fresh database per test file.
 */
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'api-integration',
  testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Generous: CI runs these next to the browser journeys on two cores.
  testTimeout: 180_000,
  maxWorkers: 2,
};
