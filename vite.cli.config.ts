/**
 * Builds the Node-side entry points (the `gwsim` CLI, the benchmark, the corpus report) into one self-contained
 * ES module each under dist-cli/. Node 20 cannot run TypeScript, so bin/gwsim.js and
 * bench/run.mjs run these bundles, rebuilding them first when a source is newer
 * (bin/ensureBundle.js). Dependencies stay external: they are installed next to the bundle.
 *
 * `vite build --config vite.cli.config.ts --mode gwsim|bench|fuzz|corpus`
 */
import { defineConfig } from "vite";
import { schemasForValidation } from "./vite.config.ts";

export const CLI_ENTRIES = {
  gwsim: "cli/gwsim.ts",
  bench: "bench/runBench.ts",
  fuzz: "fuzz/runFuzz.ts",
  corpus: "bench/corpus/runCorpusReport.ts",
} as const;

export default defineConfig(({ mode }) => {
  const name: keyof typeof CLI_ENTRIES =
    mode === "bench" || mode === "fuzz" || mode === "corpus" ? mode : "gwsim";
  return {
    // The validator's CRD schemas as the app ships them (vite.config.ts).
    plugins: [schemasForValidation()],
    logLevel: "warn",
    publicDir: false,
    build: {
      ssr: CLI_ENTRIES[name],
      outDir: "dist-cli",
      emptyOutDir: false,
      target: "node20",
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rollupOptions: {
        output: { entryFileNames: `${name}.js`, format: "es", codeSplitting: false },
      },
    },
  };
});
