/**
 * The issue of a field the CRD schema does not know (validateSchema.ts): an experimental-channel
 * field, a `key:value` written without a space, or a misspelling with its "did you mean". Loaded
 * with the diagnostic words (modules/engineModules.ts): only a workspace with such a field asks.
 */
import { findMissingSpaceAfterColon } from "../load/yamlSlips";
import type { FieldPath } from "../types";
import type { JsonSchema } from "./crdSchemas";
import type { SchemaContext } from "./validateSchema";
import { printPath, type ValidationIssue } from "./validationIssue";
import { suggestValue } from "./suggestValue";

export function unknownFieldIssue(
  key: string,
  schema: JsonSchema,
  path: FieldPath,
  ctx: SchemaContext,
): ValidationIssue {
  const known = Object.keys(schema.properties ?? {});
  const base: ValidationIssue = { code: "schema.unknown-field", path, atKey: true, message: "" };
  if (ctx.experimentalFields.has(key)) {
    return {
      ...base,
      message: `${printPath(path)}: \`${key}\` is an experimental-channel field the standard-channel CRDs (v1.6.1) do not know: \`kubectl apply\` (1.27 and later validate fields strictly by default) fails on it; clients that do not ask for strict validation see the API server drop it.`,
      hint: "Install the experimental-channel CRDs in the cluster to use it, or remove it. gwsim keeps it in the YAML.",
    };
  }
  const missingSpace = findMissingSpaceAfterColon(key);
  if (missingSpace && known.includes(missingSpace.key)) {
    return {
      ...base,
      code: "schema.type",
      message: `${printPath(path)}: \`${key}\` is one word to YAML because there is no space after the colon, so \`${missingSpace.key}\` is not set.`,
      hint: `Add a space after the colon: \`${missingSpace.key}: ${missingSpace.value}\`.`,
    };
  }
  const suggestion = suggestValue(key, known);
  return {
    ...base,
    message: `${printPath(path)}: unknown field \`${key}\`: \`kubectl apply\` (1.27 and later validate fields strictly by default) fails on it; clients that do not ask for strict validation see the API server drop it.`,
    hint: suggestion
      ? `Did you mean \`${suggestion.value}\`?`
      : `Known fields here: ${known.join(", ")}.`,
  };
}
