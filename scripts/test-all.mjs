// Runs every check of the workspace — lint, formatting, the admin build the browser tests use, and
// every Jest suite (unit, integration against PostgreSQL and Redis, browser) — and ends with one line
// `N passed, N failed` over all of them. Each non-Jest step counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const resultsDir = mkdtempSync(join(tmpdir(), 'adaldesk-tests-'));
const jestReport = join(resultsDir, 'jest.json');
const node = process.execPath;
const steps = [
  { name: 'lint (eslint)', command: node, args: ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings=0'] },
  {
    name: 'formatting (prettier)',
    command: node,
    args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.', '--log-level=warn'],
  },
  {
    name: 'type check (admin)',
    command: node,
    args: ['node_modules/typescript/bin/tsc', '-p', 'admin/tsconfig.json', '--noEmit'],
  },
  {
    name: 'admin build',
    command: 'npm',
    args: ['run', 'build', '--silent', '-w', 'admin', '--', '--logLevel', 'warn'],
  },
  {
    name: 'jest',
    command: node,
    args: [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--ci',
      '--json',
      `--outputFile=${jestReport}`,
    ],
    report: jestReport,
  },
];

let passed = 0;
let failed = 0;
for (const step of steps) {
  console.log(`\n== ${step.name}`);
  const run = spawnSync(step.command, step.args, { stdio: 'inherit', env: process.env });
  if (!step.report) {
    if (run.status === 0) passed += 1;
    else {
      failed += 1;
      console.error(`${step.name}: failed (exit ${run.status})`);
    }
    continue;
  }
  if (!existsSync(step.report)) {
    console.error(`${step.name}: no results were written (exit ${run.status})`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(step.report, 'utf8'));
  passed += report.numPassedTests;
  // A suite that fails to load counts as a failure even though it ran no test.
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  if (run.status !== 0 && report.numFailedTests + report.numRuntimeErrorTestSuites === 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
