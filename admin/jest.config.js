/** Pure TypeScript specs of the admin (providers, i18n); nothing here renders React. */
/** @type {import('jest').Config} */
export default {
  displayName: 'admin',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@adaldesk/libs$': '<rootDir>/../libs/src/index.ts',
    '^ra-language-russian$': '<rootDir>/jest/ra-language-russian.mjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', useESM: true }] },
};
