// `npm run fuzz -- --count N --seed S`: builds the fuzz bundle when its sources changed (Node 20
// cannot run TypeScript; see bin/ensureBundle.js), then runs the campaign (fuzz/runFuzz.ts).
import { pathToFileURL } from "node:url";
import { ROOT, ensureBundle } from "../bin/ensureBundle.js";

const bundle = await ensureBundle("fuzz");
const { runFuzz } = await import(pathToFileURL(bundle).href);
try {
  const report = await runFuzz(process.argv.slice(2), pathToFileURL(bundle).href, ROOT);
  // `mismatches`: the incremental campaign's (`--incremental`) sessions that disagreed.
  const failures =
    report.exceptions +
    report.unclonable +
    report.unlocated +
    report.hangs +
    (report.mismatches ?? 0);
  process.exitCode = failures > 0 ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
