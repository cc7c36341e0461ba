/** Shared by unit and integration runs: SWC keeps decorator metadata, which Nest's injector reads. */
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@accord/raci$': path.join(__dirname, '../../libs/raci/src/index.ts'),
  },
};
