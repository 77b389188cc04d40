// Sums vitest's and Playwright's JSON reports into the one line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const vitest = read('.tmp/vitest-report.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  if ((vitest.numTotalTestSuites ?? 0) > 0 && vitest.success === false && (vitest.numFailedTests ?? 0) === 0) failed += 1;
}
const chaos = read('.tmp/chaos-report.json');
if (chaos) {
  passed += chaos.numPassedTests ?? 0;
  failed += chaos.numFailedTests ?? 0;
}
const pw = read('.tmp/playwright-report.json');
if (pw?.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
  failed += pw.stats.unexpected ?? 0;
}
// Errors outside any test (e.g. the web server did not start) fail the run too.
if (pw?.errors?.length) failed += pw.errors.length;
if (!vitest && !pw) failed += 1;
console.log(`chaos: ${chaos ? `${chaos.numPassedTests} passed, ${chaos.numFailedTests} failed` : 'no report'}`);
console.log(`vitest: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no report'}; playwright: ${pw?.stats ? `${pw.stats.expected} passed, ${pw.stats.unexpected} failed` : 'no report'}`);
console.log(`${passed} passed, ${failed} failed`);
