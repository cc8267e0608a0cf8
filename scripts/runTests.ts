/**
 * The body of `npm test` after typecheck and lint (already inside the private keyring): vitest, the
 * renderer and main builds (the Electron spec launches dist/main), then Playwright. Both suites run
 * even if the first fails, so one run shows every failure; the last line is the plain
 * "N passed, N failed, N skipped" count over both.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Not test-results/: Playwright empties its output folder when it starts.
const resultsDir = path.resolve('test-reports');
fs.mkdirSync(resultsDir, { recursive: true });
const vitestJson = path.join(resultsDir, 'vitest.json');
const playwrightJson = path.join(resultsDir, 'playwright.json');

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(): Counts | null {
  if (!fs.existsSync(vitestJson)) return null;
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(): Counts | null {
  if (!fs.existsSync(playwrightJson)) return null;
  const report = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

fs.rmSync(vitestJson, { force: true });
fs.rmSync(playwrightJson, { force: true });
const bin = (name: string): string => path.resolve('node_modules/.bin', name);
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
// The second build runs only if the first succeeded; the status is the first failure's.
const buildStatus = run('npm', ['run', '--silent', 'build:renderer']) || run('npm', ['run', '--silent', 'build:main']);
const playwrightStatus = buildStatus === 0 ? run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }) : 1;

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
for (const [name, counts, status] of [['vitest', vitestCounts(), vitestStatus], ['playwright', playwrightCounts(), playwrightStatus]] as const) {
  if (!counts) {
    console.error(`${name}: no report was written (exit ${status})`);
    total.failed += 1;
    continue;
  }
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed + (counts.failed === 0 && status !== 0 ? 1 : 0);
  total.skipped += counts.skipped;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(vitestStatus === 0 && buildStatus === 0 && playwrightStatus === 0 && total.failed === 0 ? 0 : 1);
