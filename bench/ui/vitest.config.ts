import { defineConfig } from "vitest/config";

/** `npm run bench:ui`'s layout comparison (bench/ui/compareLayouts.ts): never part of `npm test`. */
export default defineConfig({
  test: {
    include: ["bench/ui/compareLayouts.ts"],
    environment: "node",
    reporters: ["default"],
    silent: false,
  },
});
