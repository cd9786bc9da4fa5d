import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * `npm run bench:ui`: the UI benchmark against the PRODUCTION build (dist-bench-ui/, no test
 * hooks), served by `vite preview`. Not part of `npm test`: figures are measured, never asserted.
 * BENCH_UI_PORT picks the preview port (several checkouts on one machine each use their own);
 * BENCH_UI_DIST serves another build instead (e.g. a baseline's, built with `vite build --outDir`),
 * so two builds can be measured alternately by the same bench code.
 */
const PORT = Number(process.env.BENCH_UI_PORT ?? 4180);
const DIST = process.env.BENCH_UI_DIST ?? "dist-bench-ui";
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.bench\.ts$/,
  outputDir: `../../test-results-bench-ui-${PORT}`,
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      // Debian's chromium when installed, else Playwright's own browser.
      ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: "../..",
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
