/**
 * Makes sure dist-cli/<name>.js exists and is newer than every source it is built from, building
 * it with Vite when it is not. This is why `npx gwsim` works right after `npm ci` (which runs
 * the `prepare` script) and keeps working after a `git pull` without a manual build.
 *
 * Builds go to a private temporary folder and are renamed into place, so two processes building
 * at once never see a half-written bundle.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE_DIRS = ["src/engine", "cli", "bench", "fuzz"];
const SOURCE_FILES = ["vite.cli.config.ts", "package.json", "bin/ensureBundle.js"];

/** @returns {Promise<string>} the bundle's absolute path */
export async function ensureBundle(name) {
  const bundle = join(ROOT, "dist-cli", `${name}.js`);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSourceMtime()) return bundle;
  const tmp = join(ROOT, "dist-cli", `.build-${name}-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const { build } = await import("vite");
    await build({
      root: ROOT,
      configFile: join(ROOT, "vite.cli.config.ts"),
      mode: name,
      logLevel: "error",
      build: { outDir: tmp, emptyOutDir: true },
    });
    renameSync(join(tmp, `${name}.js`), bundle);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return bundle;
}

function newestSourceMtime() {
  let newest = 0;
  const visit = (path) => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === "node_modules" || e.name === "testdata" || e.name.startsWith(".")) continue;
      const p = join(path, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
        newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) visit(join(ROOT, d));
  for (const f of SOURCE_FILES) {
    const p = join(ROOT, f);
    if (existsSync(p)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

// `node bin/ensureBundle.js [names…]`: the npm `prepare` step. A failure here must not break
// `npm ci`; bin/gwsim.js builds again on first use and then reports the error in full.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : ["gwsim"]) {
    try {
      await ensureBundle(name);
    } catch (e) {
      console.error(
        `gwsim: could not prebuild dist-cli/${name}.js (${e instanceof Error ? e.message : String(e)}); it will be built on first use.`,
      );
    }
  }
}
