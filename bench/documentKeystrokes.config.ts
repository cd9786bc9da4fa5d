/**
 * Builds bench/documentKeystrokes.ts into dist-cli/documentKeystrokes.js (Node 20 runs no
 * TypeScript), with the validator's schemas as vite.cli.config.ts builds the CLI.
 * `DOC_KEYSTROKES_ENTRY` builds another copy of the driver (one linked to another tree's src/).
 */
import { defineConfig } from "vite";
import { schemasForValidation } from "./../vite.config.ts";

export default defineConfig({
  plugins: [schemasForValidation()],
  logLevel: "warn",
  publicDir: false,
  build: {
    ssr: process.env.DOC_KEYSTROKES_ENTRY ?? "bench/documentKeystrokes.ts",
    outDir: process.env.DOC_KEYSTROKES_OUT ?? "dist-cli",
    emptyOutDir: false,
    target: "node20",
    minify: false,
    copyPublicDir: false,
    rollupOptions: { output: { entryFileNames: "documentKeystrokes.js", format: "es" } },
  },
});
