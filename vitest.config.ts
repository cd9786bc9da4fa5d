import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { schemasForValidation } from "./vite.config.ts";

// Golden files (toMatchFileSnapshot) are written only when asked: `GOLDEN_UPDATE=1 npx vitest run`
// rewrites them (review every change by hand). Otherwise a golden that differs fails, and so does
// a new golden whose file does not exist yet ('none', instead of vitest's default 'new', which
// would silently write it on a developer's run).
const update = process.env.GOLDEN_UPDATE === "1" ? "all" : "none";

export default defineConfig({
  // The validator's CRD schemas as the app ships them (vite.config.ts).
  plugins: [schemasForValidation()],
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "cli/**/*.test.ts",
      "fuzz/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
    // The engine's on-demand modules (src/engine/modules/engineModules.ts), provided up front as
    // the CLI does: tests import engine modules directly, not through engine/index.ts.
    // By its full path: a run with another --root (goldenPolicy.test.ts) still finds it.
    setupFiles: [
      fileURLToPath(new URL("./src/engine/modules/staticEngineModules.ts", import.meta.url)),
    ],
    update,
    // A hang guard, not a speed check (no test asserts a time; speed is `npm run bench`). The
    // property tests (fast-check runs of 100+ cases) take 1–3 s alone and passed on a re-run
    // after failing at vitest's 5 s default on a CI machine running six suites on two cores;
    // 60 s is far above any loaded run and still stops a real hang.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
