/**
 * schema.unknown-field diagnostics whose hint suggests a known field ("Did you mean
 * `backendRefs`?", from the validator's suggestValue) → move the value under the suggested key.
 * The API server would drop the misspelt field silently, so the value would otherwise be lost.
 * applyEdits has no key rename: the value is removed and written again under the new key (its
 * own comments do not survive; everything around it does).
 */
import type { ResourceIndex } from "../resolve/indexResources";
import type { Diagnostic, FieldPath, Manifest } from "../types";
import { parseFieldPath } from "./buildSuggestedValueFixes";
import type { FixIt } from "./fixItTypes";
import { plainData } from "../validate/validateSchema";

const SUGGESTION = /^Did you mean `([^`]+)`\?/;

export function buildRenamedFieldFixes(
  diagnostics: readonly Diagnostic[],
  index: ResourceIndex,
): FixIt[] {
  const out: FixIt[] = [];
  for (const d of diagnostics) {
    if (d.code !== "schema.unknown-field" || d.object === undefined || d.path === undefined)
      continue;
    const suggested = SUGGESTION.exec(d.hint ?? "")?.[1];
    const path = parseFieldPath(d.path);
    const manifest = index.byKey.get(
      `${d.object.kind}/${d.object.namespace ?? ""}/${d.object.name}` as Manifest["key"],
    );
    if (suggested === undefined || path === undefined || manifest === undefined) continue;
    const parentPath = path.slice(0, -1);
    const parent = valueAt(manifest.body, parentPath);
    // As written, but only its JSON data: no alias cycles or YAML tags go into the edit.
    const value = plainData(valueAt(manifest.body, path), []);
    if (
      value === undefined ||
      typeof parent !== "object" ||
      parent === null ||
      Object.hasOwn(parent, suggested)
    )
      continue;
    const oldKey = String(path[path.length - 1]);
    const target =
      d.object.namespace === undefined
        ? { kind: d.object.kind, name: d.object.name }
        : { kind: d.object.kind, namespace: d.object.namespace, name: d.object.name };
    out.push({
      id: `renamed-field:${d.object.kind}/${d.object.namespace ?? ""}/${d.object.name}:${d.path}`,
      kind: "renamed-field",
      title: `Rename ${oldKey} to ${suggested}`,
      detail: `kubectl apply fails on the unknown field ${d.path}, and other clients see it dropped. Its value moves under ${suggested}.`,
      fixes: "schema.unknown-field",
      object: d.object,
      file: d.file,
      edits: [
        { op: "removeField", target, path },
        { op: "setField", target, path: [...parentPath, suggested], value },
      ],
    });
  }
  return out;
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== "object" || node === null) return undefined;
    if (!Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
