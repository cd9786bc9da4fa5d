import { defineConfig } from "vitest/config";
import { schemasForValidation } from "../../vite.config.ts";

/** `npm run bench:ui`'s layout comparison (bench/ui/compareLayouts.ts): never part of `npm test`. */
export default defineConfig({
  // The validator's CRD schemas as the app ships them (vite.config.ts).
  plugins: [schemasForValidation()],
  test: {
    include: ["bench/ui/compareLayouts.ts"],
    environment: "node",
    reporters: ["default"],
    silent: false,
  },
});
