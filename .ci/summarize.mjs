// Sums the vitest and Playwright JSON reports into the one closing line CI reads.
// A missing or unreadable report counts as a failure, so a suite that did not run cannot pass.
import { readFileSync } from "node:fs";

const [unitPath, e2ePath, stepRc] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

try {
  const unit = JSON.parse(readFileSync(unitPath, "utf8"));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  if (unit.numTotalTests === 0) failed += 1;
} catch {
  console.error(`no unit report at ${unitPath}`);
  failed += 1;
}
try {
  const { stats } = JSON.parse(readFileSync(e2ePath, "utf8"));
  passed += stats.expected;
  failed += stats.unexpected + (stats.flaky ?? 0);
  skipped += stats.skipped;
} catch {
  console.error(`no e2e report at ${e2ePath}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed > 0 || stepRc !== "0" ? 1 : 0);
