// Runs every test suite of the workspace and ends with one line `N passed, N failed` over all of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const resultsDir = mkdtempSync(join(tmpdir(), 'adaldesk-tests-'));
const suites = [
  { name: 'jest', command: process.execPath, args: ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--ci', '--json', `--outputFile=${join(resultsDir, 'jest.json')}`], report: join(resultsDir, 'jest.json') },
];

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const suite of suites) {
  const run = spawnSync(suite.command, suite.args, { stdio: 'inherit', env: process.env });
  if (!existsSync(suite.report)) {
    console.error(`${suite.name}: no results were written (exit ${run.status})`);
    failed += 1;
    exitCode = 1;
    continue;
  }
  const report = JSON.parse(readFileSync(suite.report, 'utf8'));
  passed += report.numPassedTests;
  // A suite that fails to load counts as a failure even though it ran no test.
  failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  if (run.status !== 0) exitCode = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
