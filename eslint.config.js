// Lint enforces the layer boundaries of DESIGN.md §2: the engine is pure and runs unchanged in
// Node and in the Worker; the UI talks to the engine only through types and the worker client.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

const UI_LIBS = [
  "react",
  "react-dom",
  "react-dom/*",
  "@xyflow/*",
  "monaco-editor",
  "monaco-editor/*",
  "monaco-yaml",
  "@monaco-editor/*",
  "zustand",
  "zustand/*",
  "zundo",
  "comlink",
  "@tanstack/*",
  "elkjs",
  "elkjs/*",
];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-*/**",
      "node_modules/**",
      "test-results/**",
      "test-results-*/**",
      "playwright-report/**",
      ".ci-out/**",
      "fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["bin/**/*.js", "bench/**/*.mjs", "fuzz/**/*.mjs", ".ci/**/*.mjs", "scripts/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    // A spread call passes every element as an argument; past ~120,000 (fewer in a browser) the
    // stack overflows. Use a loop (engine: collections/appendAll.ts).
    files: ["src/**/*.ts", "src/**/*.tsx", "cli/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement",
          message: "push(...items) overflows the stack on long lists: use a loop or appendAll().",
        },
        {
          selector:
            "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
          message: "Math.max(...values) overflows the stack on long lists: use a loop or reduce.",
        },
      ],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: UI_LIBS,
              message: "engine/ is pure: it runs in Node and in the Worker unchanged.",
            },
            {
              group: ["**/ui/**", "**/store/**", "**/worker/**", "**/layout/**", "node:*"],
              message: "engine/ must not depend on layers above it or on Node.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "setTimeout", message: "Engine code is synchronous and deterministic." },
        { name: "setInterval", message: "Engine code is synchronous and deterministic." },
        { name: "window", message: "No DOM in the engine." },
        { name: "document", message: "No DOM in the engine." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Take `now` from AnalyzeOptions.clock." },
        { object: "Math", property: "random", message: "Use the seeded rng of the simulator." },
      ],
    },
  },
  {
    files: ["src/layout/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "@xyflow/*", "monaco-editor", "zustand", "comlink"],
              message: "layout/ is DOM-free.",
            },
            {
              group: ["**/ui/**", "**/store/**", "**/worker/**"],
              message: "layout/ must not depend on layers above it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/worker/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/ui/**", "**/store/**", "react", "react-dom"],
              message: "worker/ runs the engine; it knows nothing of the UI.",
            },
            {
              group: ["**/engine/*/**"],
              message: "Import the engine through src/engine/index.ts only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/store/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/ui/**", "react-dom", "monaco-editor", "@xyflow/*"],
              message: "store/ must not import the UI.",
            },
            {
              // The store runs in the page: at runtime it may use engine/present, whose helpers
              // are light. A value imported through the index makes the page evaluate every
              // engine module with top-level effects (the loader, the schemas, re2js): issue 11.
              regex: "(^|/)engine/(?!present(/whatIf)?$).+",
              message:
                "Import the engine through src/engine/index.ts (types, lazy modules) or engine/present.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ui/**/*.ts", "src/ui/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            // engine/present is the runtime entry the UI may import: small pure presentation helpers
            // (and engine/present/whatIf, the simulator's, and engine/present/readingQuestions, the
            // readings panel's: only lazy parts import them).
            {
              regex: "(^|/)engine(/(?!present(/whatIf|/readingQuestions)?$).*)?$",
              allowTypeImports: true,
              message:
                "The UI uses engine types (and engine/present helpers) only; results come from the worker through the store.",
            },
            {
              group: ["**/worker/engine.worker", "**/worker/engineApi"],
              message: "The UI reaches the worker only through worker/engineClient.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["cli/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/ui/**", "**/store/**", "**/worker/**"],
              message: "The CLI uses the engine only.",
            },
            {
              group: ["**/engine/*/**"],
              message: "Import the engine through src/engine/index.ts only.",
            },
          ],
        },
      ],
    },
  },
);
