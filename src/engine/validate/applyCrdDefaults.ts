/**
 * The API server's structural defaulting: every field the CRD schema gives a `default` and the
 * object leaves out is filled in, at every depth (list entries and map values included, and inside
 * a default just applied), before any CEL rule runs. So `tls: {certificateRefs: […]}` on a TLS
 * listener is checked as `mode: Terminate`, as the cluster sees it. The defaults come from the
 * generated CRD schemas, never from a hand list.
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting
 */
import type { JsonSchema } from "./crdSchemas";
import { isObject } from "./validationIssue";
import { setOwn } from "../collections/setOwn";

/** A defaulted copy of `value`; the input is never changed. Values of the wrong type are left as they are. */
export function applyCrdDefaults(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value))
    return schema.items ? value.map((item) => applyCrdDefaults(item, schema.items)) : value;
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema =
      schema.properties && Object.hasOwn(schema.properties, key)
        ? schema.properties[key]
        : additional(schema);
    setOwn(out, key, applyCrdDefaults(child, childSchema));
  }
  if (schema.properties) {
    for (const [key, childSchema] of Object.entries(schema.properties)) {
      if (Object.hasOwn(out, key) || childSchema.default === undefined) continue;
      // Defaults are JSON in the CRD; the copy keeps the shared schema untouched.
      setOwn(
        out,
        key,
        applyCrdDefaults(JSON.parse(JSON.stringify(childSchema.default)) as unknown, childSchema),
      );
    }
  }
  return out;
}

function additional(schema: JsonSchema): JsonSchema | undefined {
  return typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
}
