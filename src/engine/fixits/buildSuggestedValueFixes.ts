/**
 * schema.enum diagnostics whose hint suggests a value ("Did you mean "PathPrefix"?", from the
 * validator's suggestValue) → set the field to the suggested value. Reads the hint because the
 * diagnostic contract carries no structured suggestion; the fix-it tests run the real validator,
 * so a change of wording there fails here.
 */
import type { Diagnostic, FieldPath } from "../types";
import type { FixIt } from "./fixItTypes";

const SUGGESTION = /^Did you mean "([^"]+)"\?/;

export function buildSuggestedValueFixes(diagnostics: readonly Diagnostic[]): FixIt[] {
  const out: FixIt[] = [];
  for (const d of diagnostics) {
    if (d.code !== "schema.enum" || d.object === undefined || d.path === undefined) continue;
    const suggested = SUGGESTION.exec(d.hint ?? "")?.[1];
    const path = parseFieldPath(d.path);
    if (suggested === undefined || path === undefined) continue;
    const target =
      d.object.namespace === undefined
        ? { kind: d.object.kind, name: d.object.name }
        : { kind: d.object.kind, namespace: d.object.namespace, name: d.object.name };
    out.push({
      id: `suggested-value:${d.object.kind}/${d.object.namespace ?? ""}/${d.object.name}:${d.path}`,
      kind: "suggested-value",
      title: `Change ${d.path} to ${suggested}`,
      detail: `The API server rejects the value written at ${d.path}. ${d.hint ?? ""}`.trim(),
      fixes: "schema.enum",
      object: d.object,
      file: d.file,
      edits: [{ op: "setField", target, path, value: suggested }],
    });
  }
  return out;
}

/** "spec.rules[0].matches[1].path.type" → ['spec', 'rules', 0, 'matches', 1, 'path', 'type']. */
export function parseFieldPath(text: string): FieldPath | undefined {
  const out: (string | number)[] = [];
  for (const part of text.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (m === null) return undefined;
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? "").matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}
