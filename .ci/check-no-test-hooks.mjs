#!/usr/bin/env node
// Fails when a production build carries the e2e test hooks (window.__gwsim, __gwsimEditor): they
// belong only to `vite build --mode e2e`. Usage: node .ci/check-no-test-hooks.mjs [distDir]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const assets = join(dist, "assets");
let files;
try {
  files = readdirSync(assets).filter((f) => f.endsWith(".js"));
} catch {
  console.error(`check-no-test-hooks: ${assets} does not exist; build first (npm run build)`);
  process.exit(1);
}
if (files.length === 0) {
  console.error(`check-no-test-hooks: ${assets} holds no JavaScript; is this a build?`);
  process.exit(1);
}
const leaks = files.filter((f) => readFileSync(join(assets, f), "utf8").includes("__gwsim"));
if (leaks.length > 0) {
  console.error(
    `check-no-test-hooks: the production build contains test hooks (__gwsim) in ${leaks.join(", ")}`,
  );
  process.exit(1);
}
console.log(`check-no-test-hooks: ${files.length} scripts in ${assets}, none carries a test hook`);
