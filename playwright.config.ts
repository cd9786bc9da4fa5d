import { defineConfig, devices } from "@playwright/test";

// E2E_DEV=1 runs against the dev server; by default against `vite preview` of the e2e build
// (`npm run build:e2e`: the production build plus the test hooks, in dist-e2e/). The production
// dist/ has no test hooks, so the tests cannot drive it.
const DEV = !!process.env.E2E_DEV;
// PW_PORT and PW_DIST let two local runs (different builds) use their own preview server.
const PORT = Number(process.env.PW_PORT ?? (DEV ? 5173 : 4173));
const DIST = ` --outDir ${process.env.PW_DIST ?? "dist-e2e"}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.PW_PORT ? `test-results-${PORT}` : "test-results",
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: {
    command: `npx vite ${DEV ? "" : `preview${DIST} `}--host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
