/**
 * One JSON Schema for the whole workspace file, for monaco-yaml's completion and hover: each YAML
 * document picks the CRD schema of its own kind and apiVersion through `if`/`then` (monaco-yaml
 * applies one schema per file; yaml-language-server checks every document against it).
 * Validation stays with the engine, so the editor shows one set of markers, the Problems panel's.
 */
import type { CrdSchema, JsonSchema } from "../../engine";

export interface WorkspaceSchema {
  $schema: string;
  type: "object";
  allOf: { if: KindCondition; then: JsonSchema }[];
}

interface KindCondition {
  type: "object";
  properties: { kind: { const: string }; apiVersion: { enum: string[] } };
  required: string[];
}

export function buildYamlSchema(crds: readonly CrdSchema[]): WorkspaceSchema {
  const allOf = crds.flatMap((crd) =>
    crd.versions.map((version): WorkspaceSchema["allOf"][number] => ({
      if: {
        type: "object",
        properties: {
          kind: { const: crd.kind },
          apiVersion: { enum: version.apiVersions },
        },
        required: ["kind", "apiVersion"],
      },
      then: version.schema,
    })),
  );
  return { $schema: "http://json-schema.org/draft-07/schema#", type: "object", allOf };
}
