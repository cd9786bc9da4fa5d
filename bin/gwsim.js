#!/usr/bin/env node
// The `gwsim` command. The CLI is TypeScript (cli/gwsim.ts); this launcher runs its bundle,
// building it first when it is missing or older than the sources (see bin/ensureBundle.js).
import { pathToFileURL } from "node:url";
import { ensureBundle } from "./ensureBundle.js";

let bundle;
try {
  bundle = await ensureBundle("gwsim");
} catch (e) {
  console.error(
    `gwsim: could not build the CLI bundle dist-cli/gwsim.js: ${e instanceof Error ? e.message : String(e)}`,
  );
  console.error("Run `npm ci` in the gwsim folder, then try again.");
  process.exit(2);
}
const { runFromNode } = await import(pathToFileURL(bundle).href);
process.exitCode = await runFromNode(process.argv.slice(2));
