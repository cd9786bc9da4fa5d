/**
 * The one place that sets up Monaco: local slim entry points (never the CDN), the two workers,
 * the createWebWorker shim monaco-yaml 5.5 needs on monaco >= 0.55, and monaco-yaml's options.
 * Imported only by the lazily loaded YamlPane, so none of it is in the initial bundle.
 */
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/yaml/register";
import { configureMonacoYaml, type JSONSchema } from "monaco-yaml";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import YamlWorker from "./yaml.worker?worker";
import { blockStringCodeActionProvider, quietFoldingProvider } from "./yamlProviderGates";

export { monaco };

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === "yaml" ? new YamlWorker() : new EditorWorker();
  },
};

// monaco >= 0.55: editor.createWebWorker requires opts.worker; monaco-yaml 5.5.1 (through
// monaco-worker-manager) still passes {label, moduleId, createData}. Without this shim validation
// fails silently (monaco-yaml#272, monaco-editor#5049).
type CreateWebWorker = typeof monaco.editor.createWebWorker;
interface LegacyWorkerOptions {
  worker?: unknown;
  moduleId: string;
  label: string;
  createData: unknown;
}
const createWebWorker: CreateWebWorker = monaco.editor.createWebWorker;
(monaco.editor as { createWebWorker: CreateWebWorker }).createWebWorker = ((
  opts: LegacyWorkerOptions,
) => {
  if (opts.worker) return createWebWorker(opts as Parameters<CreateWebWorker>[0]);
  const worker = Promise.resolve(
    self.MonacoEnvironment!.getWorker!(opts.moduleId, opts.label),
  ).then((w) => {
    w.postMessage("ignore"); // the handshake monaco's own createWebWorker performs
    w.postMessage(opts.createData);
    return w;
  });
  return createWebWorker({ ...opts, worker } as unknown as Parameters<CreateWebWorker>[0]);
}) as unknown as CreateWebWorker;

/** The workspace model's URI; schemas match it through fileMatch. */
export const WORKSPACE_URI = "file:///workspace.yaml";

const YAML_OPTIONS = {
  enableSchemaRequest: false, // offline: never fetch a schema
  // The engine validates (same CRD schemas, plus semantics); its markers are the only ones, so the
  // editor and the Problems panel always agree. monaco-yaml adds completion and hover.
  validate: false,
  completion: true,
  hover: true,
  format: { enable: false },
} as const;

/**
 * The Monaco that monaco-yaml registers its providers with: folding and code actions go through
 * the gates of ./yamlProviderGates (each call re-parses the whole file in the YAML worker). The
 * code-action gate relies on `validate: false` above: monaco-yaml then has no diagnostics of its
 * own to offer fixes for.
 */
const gatedLanguages: typeof monaco.languages = {
  ...monaco.languages,
  registerFoldingRangeProvider: (selector, provider) =>
    monaco.languages.registerFoldingRangeProvider(selector, quietFoldingProvider(provider)),
  registerCodeActionProvider: (selector, provider, metadata) =>
    monaco.languages.registerCodeActionProvider(
      selector,
      blockStringCodeActionProvider(provider),
      metadata,
    ),
};

export const monacoYaml = configureMonacoYaml(
  { ...monaco, languages: gatedLanguages } as unknown as Parameters<typeof configureMonacoYaml>[0],
  {
    ...YAML_OPTIONS,
    schemas: [],
  },
);

/** Hands the workspace schema (built from the engine's CRD schemas) to monaco-yaml. */
export function setWorkspaceSchema(schema: JSONSchema): Promise<unknown> {
  return monacoYaml.update({
    ...YAML_OPTIONS,
    schemas: [
      { uri: "inmemory://gwsim/gateway-api.schema.json", fileMatch: [WORKSPACE_URI], schema },
    ],
  });
}
