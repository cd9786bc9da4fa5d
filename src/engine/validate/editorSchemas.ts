/**
 * The CRD schemas as generated, descriptions included, for the editor's completion and hover
 * (monaco-yaml). Only the editor needs the descriptions: the worker loads this module when the
 * editor first asks (worker/engineApi.ts crdSchemas), and the validator reads the smaller copy in
 * crdSchemas.ts.
 */
import backendtlspolicy from "./schemas/backendtlspolicy.json";
import gateway from "./schemas/gateway.json";
import gatewayclass from "./schemas/gatewayclass.json";
import grpcroute from "./schemas/grpcroute.json";
import httproute from "./schemas/httproute.json";
import listenerset from "./schemas/listenerset.json";
import referencegrant from "./schemas/referencegrant.json";
import tcproute from "./schemas/tcproute.json";
import tlsroute from "./schemas/tlsroute.json";
import udproute from "./schemas/udproute.json";
import type { CrdSchema } from "./crdSchemas";

// JSON imports are typed by their content; the generator guarantees the CrdSchema shape.
export const EDITOR_CRD_SCHEMAS: readonly CrdSchema[] = [
  backendtlspolicy,
  gateway,
  gatewayclass,
  grpcroute,
  httproute,
  listenerset,
  referencegrant,
  tcproute,
  tlsroute,
  udproute,
] as unknown as readonly CrdSchema[];

/**
 * One draft-07 schema for a whole multi-kind YAML file in an editor (monaco-yaml): each document
 * is checked against the CRD schema its `kind` and `apiVersion` select, through if/then, so a
 * document of any other kind is left alone.
 */
export function getEditorJsonSchema(): Record<string, unknown> {
  const branches = EDITOR_CRD_SCHEMAS.flatMap((crd) =>
    crd.versions.map((version) => ({
      if: {
        properties: { kind: { const: crd.kind }, apiVersion: { enum: version.apiVersions } },
        required: ["kind", "apiVersion"],
      },
      then: version.schema,
    })),
  );
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $comment: `${EDITOR_CRD_SCHEMAS[0]?.source ?? ""}; ${EDITOR_CRD_SCHEMAS[0]?.license ?? ""}`,
    type: "object",
    allOf: branches,
  };
}
