// `npm run bench`: builds the benchmark bundle when its sources changed (Node 20 cannot run
// TypeScript; see bin/ensureBundle.js), then runs it. Figures go to stdout and bench/results.json.
//
// The edit case holds two revisions of the largest workspace at once (the previous one, which the
// incremental pass reuses, and the new one): at 100,000 routes that is more than Node's default
// heap limit (about 4 GB on 64-bit), so the bench runs itself again with a higher limit. The limit
// is a ceiling, not a reservation: smaller runs use what they use.
import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { getHeapStatistics } from "node:v8";
import { ensureBundle } from "../bin/ensureBundle.js";

const HEAP_MB = 8192;

if (getHeapStatistics().heap_size_limit < HEAP_MB * 1024 * 1024) {
  const again = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(again.status ?? 1);
}

const bundle = await ensureBundle("bench");
const { runBench } = await import(pathToFileURL(bundle).href);
await runBench(process.argv.slice(2));
