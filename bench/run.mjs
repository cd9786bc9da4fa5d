// `npm run bench`: builds the benchmark bundle when its sources changed (Node 20 cannot run
// TypeScript; see bin/ensureBundle.js), then runs it. Figures go to stdout and bench/results.json.
import { pathToFileURL } from "node:url";
import { ensureBundle } from "../bin/ensureBundle.js";

const bundle = await ensureBundle("bench");
const { runBench } = await import(pathToFileURL(bundle).href);
await runBench(process.argv.slice(2));
