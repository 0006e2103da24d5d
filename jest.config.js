/** Every Jest suite of the workspace; `npm test` runs them all and totals the results. */
/** @type {import('jest').Config} */
export default {
  projects: ['<rootDir>/libs', '<rootDir>/api'],
};
