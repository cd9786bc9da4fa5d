// `node scripts/bundle-report.mjs [--out <dir>] [--top <n>] [--json <file>]`: what each chunk of the
// production build holds, page and workers alike. It builds with vite (the project's config, a
// throwaway output directory) plus a reporting plugin that reads rolldown's output: every chunk's
// gzip size, the chunks the page and each worker load before anything is imported on demand (the
// entry and its static imports), and the modules that weigh most in those chunks.
//
// A module's gzip figure is its rendered code minified and compressed on its own, a group's (a
// package or a source folder) its modules' code together: the modules of one chunk compress
// better together, so these figures add up to more than the chunk's. They rank the contributors;
// the chunk lines are the real sizes (zlib level 9, kB = 1,000 B, as bench:ui).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { minifySync } from "rolldown/utils";
import { build } from "vite";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const top = Number(option("--top", "25"));
const jsonOut = option("--json", undefined);
const keepOut = option("--out", undefined);
const outDir = keepOut ?? mkdtempSync(join(tmpdir(), "gwsim-bundle-report-"));
const root = process.cwd();

const gzipKb = (text) => gzipSync(text, { level: 9 }).length / 1000;

/**
 * A module's code as the chunk renders it is not minified yet (the chunk is, as a whole): minify it
 * (inside a function, so its top-level names are mangled too; not compressed, which would drop
 * the unused function whole) before weighing it.
 */
function minifiedGzipKb(code) {
  if (code.length === 0) return 0;
  const minified = minifySync("module.js", `(function(){${code}\n})();`, {
    compress: false,
    mangle: true,
  });
  return gzipKb(minified.errors.length === 0 ? minified.code : code);
}
const kb = (n) => n.toFixed(1).padStart(7);

/** Every rolldown output (the page's build and one per worker), in the order they finish. */
const bundles = [];

function reporter() {
  return {
    name: "gwsim-bundle-report",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = [];
      for (const file of Object.values(bundle)) {
        if (file.type !== "chunk") continue;
        chunks.push({
          fileName: file.fileName,
          isEntry: file.isEntry,
          facade: file.facadeModuleId ? shortName(file.facadeModuleId) : null,
          imports: file.imports,
          dynamicImports: file.dynamicImports,
          gzipKb: gzipKb(file.code),
          modules: Object.entries(file.modules).map(([id, m]) => ({
            id: shortName(id),
            renderedKb: m.renderedLength / 1000,
            gzipKb: minifiedGzipKb(m.code ?? ""),
            code: m.code ?? "",
          })),
        });
      }
      bundles.push(chunks);
    },
  };
}

function shortName(id) {
  const clean = id.replace(/\?.*$/, "").replace(/^\0/, "");
  const inModules = clean.lastIndexOf("node_modules/");
  if (inModules >= 0) return clean.slice(inModules + "node_modules/".length);
  return clean.startsWith(root) ? relative(root, clean) : clean;
}

/** The entry chunk and every chunk it reaches through static imports. */
function initialChunks(chunks, entry) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const queue = [entry.fileName];
  while (queue.length > 0) {
    const name = queue.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    for (const next of byName.get(name)?.imports ?? []) queue.push(next);
  }
  return chunks.filter((c) => seen.has(c.fileName));
}

/** Folds a module id into what it belongs to: a package, or a source folder. */
function group(id) {
  if (!id.startsWith("src/")) {
    const parts = id.split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = id.split("/");
  return parts.slice(0, Math.min(parts.length - 1, 3)).join("/");
}

function describe(label, chunks, entry) {
  const initial = initialChunks(chunks, entry);
  const total = initial.reduce((sum, c) => sum + c.gzipKb, 0);
  const lines = [`## ${label}: ${total.toFixed(1)} kB gzip before any dynamic import`];
  for (const c of initial) lines.push(`${kb(c.gzipKb)} kB  ${c.fileName}`);
  const modules = initial.flatMap((c) => c.modules);
  const groups = new Map();
  for (const m of modules) {
    const g = groups.get(group(m.id)) ?? { gzipKb: 0, renderedKb: 0, count: 0, code: [] };
    g.renderedKb += m.renderedKb;
    g.count += 1;
    g.code.push(m.code);
    groups.set(group(m.id), g);
  }
  // A group's modules compressed together, in chunk order: close to what they add to the chunk.
  for (const g of groups.values()) {
    g.gzipKb = minifiedGzipKb(g.code.join("\n"));
    delete g.code;
  }
  lines.push(
    "",
    `top groups (the group's modules minified and gzipped together kB / rendered kB / modules):`,
  );
  for (const [name, g] of [...groups].sort((a, b) => b[1].gzipKb - a[1].gzipKb).slice(0, top))
    lines.push(`${kb(g.gzipKb)} ${kb(g.renderedKb)} ${String(g.count).padStart(4)}  ${name}`);
  lines.push("", `top modules (minified gzip kB / rendered kB):`);
  for (const m of [...modules].sort((a, b) => b.gzipKb - a.gzipKb).slice(0, top))
    lines.push(`${kb(m.gzipKb)} ${kb(m.renderedKb)}  ${m.id}`);
  const lazy = chunks.filter((c) => !initial.includes(c));
  if (lazy.length > 0) {
    lines.push("", "loaded on demand:");
    for (const c of lazy.sort((a, b) => b.gzipKb - a.gzipKb))
      lines.push(`${kb(c.gzipKb)} kB  ${c.fileName}`);
  }
  return { text: lines.join("\n"), total, initial, groups: Object.fromEntries(groups) };
}

try {
  await build({
    configFile: join(root, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
    plugins: [reporter()],
    worker: { plugins: () => [reporter()] },
  });
  const report = [];
  const summary = {};
  for (const chunks of bundles) {
    for (const entry of chunks.filter((c) => c.isEntry)) {
      const label = entry.facade ?? entry.fileName;
      const described = describe(label, chunks, entry);
      report.push(described.text);
      summary[label] = {
        initialGzipKb: Math.round(described.total * 10) / 10,
        chunks: described.initial.map((c) => ({ file: c.fileName, gzipKb: c.gzipKb })),
        modules: described.initial
          .flatMap((c) => c.modules)
          .map(({ id, renderedKb, gzipKb }) => ({ id, renderedKb, gzipKb })),
        groups: described.groups,
      };
    }
  }
  console.log(report.join("\n\n"));
  if (jsonOut !== undefined) writeFileSync(jsonOut, JSON.stringify(summary, null, 2) + "\n");
} finally {
  if (keepOut === undefined) rmSync(outDir, { recursive: true, force: true });
}
