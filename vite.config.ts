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

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
  worker: { format: "es" },
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
              test: /[\\/]src[\\/]engine[\\/](collections|present|api)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
