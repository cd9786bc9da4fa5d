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
  plugins: [react(), contentSecurityPolicy(), schemasForValidation()],
  resolve: {
    alias: [
      // monaco-worker-manager (inside monaco-yaml's worker) imports
      // 'monaco-editor/esm/vs/editor/editor.worker.js'; monaco-editor >= 0.56's exports map
      // ("./*": "./esm/vs/*.js") turns that into esm/vs/esm/vs/..., which cannot resolve.
      { find: /^monaco-editor\/esm\/vs\//, replacement: "monaco-editor/" },
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // The small engine helpers the page itself runs (null-prototype dicts, resource keys,
              // kind tables, the present runtime) get their own chunk. Left to the automatic
              // splitting they were filed into the chunk the lazy panels share, which holds the
              // engine's editor, `yaml` and re2js, and the page's first JavaScript then loaded
              // all of that for one four-line helper.
              name: "engine-base",
              // Not present/whatIf.ts: only the simulator's lazy parts import it.
              test: /[\\/]src[\\/]engine[\\/](collections[\\/]|api[\\/]|present[\\/](?!whatIf\.))/,
            },
            // The rest of the page's first JavaScript in one file, as in the worker: left to the
            // automatic splitting, modules the entry shares with a lazy chunk (the store, the
            // edit engine's loader, the default example, the engine client) went to chunks of
            // their own that the page fetched at once: more requests, and 1.8 kB more gzip.
            { name: "app-initial", tags: ["$initial"] },
          ],
        },
      },
    },
  },
});
