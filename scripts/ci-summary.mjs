// Prints "N passed, N failed[, N skipped]" from vitest's JSON reports (one or more, summed), the
// line CI counts. A test file that fails to load has no failed test of its own; it counts as one failure.
import fs from 'node:fs';

const files = process.argv.slice(2);
const missing = files.length === 0 ? ['(none given)'] : files.filter(f => !fs.existsSync(f));
if (missing.length > 0) {
    console.error(`No test report at ${missing.join(', ')}: the build or the test run failed before any test ran.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    const brokenFiles = (report.testResults ?? []).filter(r => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
    failed += (report.numFailedTests ?? 0) + brokenFiles;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
