// Prints "N passed, N failed[, N skipped]" from vitest's JSON report, the line CI counts.
// A test file that fails to load has no failed test of its own; it counts as one failure.
import fs from 'node:fs';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
    console.error(`No test report at ${file}: the build or the test run failed before any test ran.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const brokenFiles = (report.testResults ?? []).filter(r => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
const failed = (report.numFailedTests ?? 0) + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
