import { readFileSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The built app's Content-Security-Policy, as a meta tag so any static host serves it. Scripts,
 * workers (engine, Monaco's editor and YAML workers), fonts and fetches come from the app's
 * own origin only; no remote origin is allowed anywhere, and there is no inline or eval'd script.
 * One relaxation: style-src 'unsafe-inline', because Monaco inserts <style> elements at runtime
 * (themes, decorations, the hover) and sets style attributes, and a static host cannot hand out
 * per-response nonces. Inline styles cannot run code. data: images and fonts cover the favicon and
 * small inlined assets; blob: images cover the diagram export preview. The dev server gets no
 * policy: Vite injects an inline React Refresh preamble and a websocket there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "gwsim-content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}

/**
 * d3-color for the page's build: a parser that recognises no colour. d3-color (4.5 kB gzip, most
 * of it the CSS colour names and five colour spaces) is reached only through the generic
 * interpolators of d3-interpolate and d3-transition (a transition's attr/style tween, d3's
 * `interpolate`), which test every string for a colour. The page's transitions only tween React
 * Flow's viewport (d3-zoom: interpolateZoom, or `interpolate` over arrays of numbers): no value
 * interpolated in this app is a colour, so the parser is never asked for one. Were one asked, a
 * colour string would tween as any string does (its numbers), and the colour-space interpolators,
 * which nothing here calls, say why they fail.
 */
export function withoutColourParsing(): Plugin {
  const id = "\0gwsim-d3-color-unparsed";
  const unbundled = (space: string) =>
    `export function ${space}() { throw new Error("d3-color is not bundled in gwsim's page (vite.config.ts)"); }`;
  return {
    name: "gwsim-without-colour-parsing",
    apply: "build",
    enforce: "pre",
    resolveId(source, importer) {
      if (source !== "d3-color" || importer === undefined) return null;
      return /[\\/]node_modules[\\/]d3-(interpolate|transition)[\\/]/.test(importer) ? id : null;
    },
    load(loaded) {
      if (loaded !== id) return null;
      return [
        "export function color() { return null; }",
        ...["rgb", "hsl", "lab", "hcl", "cubehelix"].map(unbundled),
      ].join("\n");
    },
  };
}

/**
 * d3-interpolate as the page's build uses it: each importer gets the interpolators it runs and,
 * in place of the others, ones that say why they fail. The page's only transitions are React
 * Flow's viewport tweens (d3-zoom: a `tween` with interpolateZoom):
 * - d3-transition uses the transform interpolators only for `attr("transform", …)` and
 *   `style("transform", …)` tweens, which parse a transform through DOMMatrix or an SVG element
 *   and decompose it: nothing here tweens a transform;
 * - React Flow (@xyflow/system) uses the generic `interpolate` (numbers, dates, arrays, objects…)
 *   only for a viewport change asked with `interpolate: "linear"`: the app never asks for one.
 * 0.8 kB gzip. The number, colour, string and zoom interpolators stay d3-interpolate's own.
 */
export function d3InterpolateAsUsed(): Plugin {
  const prefix = "\0gwsim-d3-interpolate-for:";
  const byImporter: Readonly<Record<string, { kept: string[]; unbundled: string[] }>> = {
    "d3-transition": {
      kept: ["interpolateNumber", "interpolateRgb", "interpolateString"],
      unbundled: ["interpolateTransformCss", "interpolateTransformSvg"],
    },
    "@xyflow/system": { kept: ["interpolateZoom"], unbundled: ["interpolate"] },
  };
  const real = new Map<string, string>();
  return {
    name: "gwsim-d3-interpolate-as-used",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      if (source !== "d3-interpolate" || importer === undefined) return null;
      const pkg = /[\\/]node_modules[\\/](d3-transition|@xyflow[\\/]system)[\\/]/
        .exec(importer)?.[1]
        ?.replace("\\", "/");
      if (pkg === undefined) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (resolved === null) return null;
      real.set(pkg, resolved.id);
      return `${prefix}${pkg}`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const pkg = id.slice(prefix.length);
      const plan = Object.hasOwn(byImporter, pkg) ? byImporter[pkg] : undefined;
      const from = real.get(pkg);
      if (plan === undefined || from === undefined) return null;
      return [
        `export { ${plan.kept.join(", ")} } from ${JSON.stringify(from)};`,
        ...plan.unbundled.map(
          (name) =>
            `export function ${name}() { throw new Error("d3-interpolate's ${name} is not bundled for ${pkg} in gwsim's page (vite.config.ts)"); }`,
        ),
      ].join("\n");
    },
  };
}

/**
 * The MutationCache of a client that runs no mutation (queriesOnly): what QueryClient and the
 * Subscribable base ask of it (isMutating's findAll, resumePausedMutations on focus and online,
 * clear), answered as the real cache answers when it holds none; building a mutation fails.
 */
const EMPTY_MUTATION_CACHE = `import { Subscribable } from "./subscribable.js";
export class MutationCache extends Subscribable {
  constructor(config = {}) { super(); this.config = config; }
  build() { throw new Error("mutations are left out of gwsim's page (vite.config.ts queriesOnly)"); }
  getAll() { return []; }
  find() { return undefined; }
  findAll() { return []; }
  notify() {}
  clear() {}
  resumePausedMutations() { return Promise.all([]); }
}
`;

/**
 * TanStack Query's core for the page's build without mutations and infinite queries. The app
 * uses queries only (store/workerQueries.ts, usePlatformChecks.ts: no useMutation, no infinite
 * query), but QueryClient always builds a MutationCache and Query keeps the infinite-query
 * fetch, so the bundle carried both (1.3 kB gzip). Their modules are replaced by ones that say
 * why they fail, were a mutation or an infinite query ever started. QueryClient's mutation cache
 * is one that never holds a mutation (0.3 kB gzip less than the real one, whose bookkeeping of
 * scopes and pauses has nothing to keep here): its lists are empty, resuming paused mutations
 * resumes none, and clearing clears nothing, as the real cache answers when empty, so mounting,
 * focus and online events and clear() behave as before.
 */
export function queriesOnly(): Plugin {
  const prefix = "\0gwsim-query-core-left-out:";
  const replaced: Readonly<Record<string, { from: string; code: string }>> = {
    "./mutation.js": { from: "mutationCache.js", code: "export class Mutation {" },
    "./infiniteQueryBehavior.js": {
      from: "query.js",
      code: "export function infiniteQueryBehavior() {",
    },
    "./mutationCache.js": { from: "queryClient.js", code: EMPTY_MUTATION_CACHE },
  };
  let coreDir: string | undefined;
  return {
    name: "gwsim-queries-only",
    apply: "build",
    enforce: "pre",
    resolveId(source, importer) {
      const entry = Object.hasOwn(replaced, source) ? replaced[source] : undefined;
      if (entry === undefined || importer === undefined) return null;
      const core = /[\\/]node_modules[\\/]@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/]/;
      if (!core.test(importer) || !importer.endsWith(entry.from)) return null;
      coreDir = importer.slice(0, -entry.from.length);
      return `${prefix}${source}`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const entry = replaced[id.slice(prefix.length)];
      if (entry === undefined) return null;
      if (entry.code === EMPTY_MUTATION_CACHE)
        return entry.code.replace(
          '"./subscribable.js"',
          JSON.stringify(`${coreDir}subscribable.js`),
        );
      const why = `${id.slice(prefix.length + 2, -3)} is left out of gwsim's page (vite.config.ts queriesOnly)`;
      return entry.code.startsWith("export class")
        ? `${entry.code} constructor() { throw new Error(${JSON.stringify(why)}); } }\n`
        : `${entry.code} throw new Error(${JSON.stringify(why)}); }\n`;
    },
  };
}

/** The query that asks for a CRD schema as the validator reads it (src/engine/validate/crdSchemas.ts). */
const VALIDATION_QUERY = "?validation";

/**
 * `schemas/<kind>.json?validation`: the generated CRD schema without its `description` texts.
 * The validator never reads a description (only the editor's hover shows them, and it loads the
 * full schemas on demand), and they are most of each file: 8.9 of the schemas' 17 kB gzip in the
 * engine worker's first chunk. Every build and the unit tests use this plugin, so the validator
 * is tested on exactly what ships.
 */
export function schemasForValidation(): Plugin {
  // A virtual id that does not look like JSON: the JSON plugins leave the module (plain JS) alone.
  const prefix = "\0gwsim-schema-for-validation:";
  const suffix = ".validation.js";
  return {
    name: "gwsim-schemas-for-validation",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!source.endsWith(`.json${VALIDATION_QUERY}`)) return null;
      const resolved = await this.resolve(source.slice(0, -VALIDATION_QUERY.length), importer, {
        skipSelf: true,
      });
      return resolved === null ? null : `${prefix}${resolved.id}${suffix}`;
    },
    load(id) {
      if (!id.startsWith(prefix) || !id.endsWith(suffix)) return null;
      const file = id.slice(prefix.length, -suffix.length);
      this.addWatchFile(file);
      const schema = withoutDescriptions(JSON.parse(readFileSync(file, "utf8")));
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(schema))});\n`;
    },
  };
}

/**
 * A generated CRD schema file ({source, license, kind, group, versions: [{…, schema}]}) with the
 * `description` keyword left out of every schema in it. Only the keyword: a field that is itself
 * named `description` (GatewayClass spec.description) stays a property, and values (`default`,
 * `enum`) are kept as written.
 */
export function withoutDescriptions<T>(file: T): T {
  const crd = file as { versions?: { schema?: unknown }[] };
  if (!Array.isArray(crd.versions)) return file;
  return {
    ...crd,
    versions: crd.versions.map((version) => ({
      ...version,
      schema: schemaWithoutDescriptions(version.schema),
    })),
  } as T;
}

/** Keywords whose value is a schema, and those whose value maps names to schemas. */
const SCHEMA_KEYWORDS = new Set(["items", "additionalProperties", "not"]);
const SCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties", "definitions"]);

function schemaWithoutDescriptions(schema: unknown): unknown {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === "description") continue;
    if (SCHEMA_KEYWORDS.has(keyword)) out[keyword] = schemaWithoutDescriptions(value);
    else if (SCHEMA_MAP_KEYWORDS.has(keyword) && value !== null && typeof value === "object")
      out[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, member]) => [name, schemaWithoutDescriptions(member)]),
      );
    else if (keyword === "allOf" || keyword === "anyOf" || keyword === "oneOf")
      out[keyword] = Array.isArray(value) ? value.map(schemaWithoutDescriptions) : value;
    else out[keyword] = value;
  }
  return out;
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    schemasForValidation(),
    withoutColourParsing(),
    d3InterpolateAsUsed(),
    queriesOnly(),
  ],
  resolve: {
    alias: [
      // monaco-worker-manager (inside monaco-yaml's worker) imports
      // 'monaco-editor/esm/vs/editor/editor.worker.js'; monaco-editor >= 0.56's exports map
      // ("./*": "./esm/vs/*.js") turns that into esm/vs/esm/vs/..., which cannot resolve.
      { find: /^monaco-editor\/esm\/vs\//, replacement: "monaco-editor/" },
      // zustand/traditional (React Flow's store) imports use-sync-external-store's shim build of
      // useSyncExternalStoreWithSelector, which carries a useSyncExternalStore for React < 18
      // and picks React's own on React 18+. The package's plain build is the same code calling
      // React's useSyncExternalStore directly: the same hook on React 19, 0.2 kB gzip less.
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: "use-sync-external-store/with-selector.js",
      },
    ],
  },
  // Deps reached only from workers are discovered late in dev; without this the optimizer
  // re-runs after the first load and the page reloads in full.
  optimizeDeps: { include: ["monaco-yaml/yaml.worker.js", "re2js", "yaml", "comlink"] },
  worker: {
    format: "es",
    plugins: () => [schemasForValidation()],
    // A worker's first JavaScript in one file: every module its entry imports statically. Left to
    // the automatic splitting, a helper that the entry and an on-demand engine module share
    // (diagnostic catalog, conditions, appendAll) went to a chunk of its own that the entry
    // fetches at once (a known rolldown limitation): more requests, and worse gzip than one file.
    // On-demand modules (dynamic imports) keep their own chunks.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "engine-worker-initial", tags: ["$initial"] }],
        },
        // The page's build drops the `/* @__PURE__ */` marks the minifier has already used; the
        // worker's kept all of them (179 in its first chunk). Nothing downstream reads them.
        // License comments stay.
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
  build: {
    chunkSizeWarningLimit: 5000,
    // No modulepreload polyfill (0.4 kB gzip of the first JavaScript). Of the browsers Vite's
    // default target covers, only Safari 16.4–16.x and Firefox 114 lack `<link rel=modulepreload>`;
    // they fetch a lazy chunk's imports when it runs instead of alongside it: later, never wrong.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The page's first JavaScript in one file, as in the worker: left to the automatic
            // splitting, modules the entry shares with a lazy chunk (the store, the edit engine's
            // loader, the default example, the engine client, the engine helpers the page runs)
            // went to chunks of their own that the page fetched at once: more requests, and
            // 1.8 kB more gzip. The engine helpers had a group of their own ("engine-base",
            // engine/collections, api, present): it also took the helpers only lazy chunks use
            // (conditions, address syntax…), and as a second file it cost 0.4 kB more gzip than
            // the same helpers here; lazy chunks import them from this chunk.
            { name: "app-initial", tags: ["$initial"] },
          ],
        },
      },
    },
  },
});
