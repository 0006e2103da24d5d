/** Every Jest suite of the workspace; `npm test` runs them all and totals the results. */
/** @type {import('jest').Config} */
export default {
  // Integration tests boot the application against PostgreSQL; a global option, not a per-project one.
  testTimeout: 30_000,
  projects: ['<rootDir>/libs', '<rootDir>/api', '<rootDir>/admin'],
};
