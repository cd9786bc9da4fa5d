// `npm run corpus`: builds the corpus-report bundle when its sources changed (Node 20 cannot run
// TypeScript; see bin/ensureBundle.js), then analyses every file of fixtures/corpus on its own.
import { pathToFileURL } from "node:url";
import { ensureBundle } from "../bin/ensureBundle.js";

const bundle = await ensureBundle("corpus");
const { runCorpusReport } = await import(pathToFileURL(bundle).href);
runCorpusReport(process.argv.slice(2));
