/**
 * Whether this build carries the e2e test hooks (window.__gwsim, window.__gwsimEditor). They exist
 * in the dev server and in `vite build --mode e2e`, never in the production build: Vite replaces
 * both operands with literals, so every `if (TEST_HOOKS)` branch and the modules it alone reaches
 * are dropped from `dist/`. `.ci/check-no-test-hooks.mjs` fails the build check if one slips in.
 */
export const TEST_HOOKS: boolean = import.meta.env.DEV || import.meta.env.MODE === "e2e";
