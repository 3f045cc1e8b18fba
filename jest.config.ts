/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

// ESM throughout: arquero and @nestjs are ESM-only, so every package is "type": "module".
const config: Config = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@hamilton-ts/source', 'node', 'node-addons'] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/examples/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default config;
