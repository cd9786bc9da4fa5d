/**
 * diffObjects: the objects a revision adds, removes and changes, by ResourceKey. An object
 * changed when what the user wrote differs: its status and the fields the API server writes
 * (resourceVersion, uid, managedFields, the last-applied annotation…) are left out, so a
 * cluster dump compared with the repository's YAML does not report noise.
 */
import type { SourceLocator } from "../load/sourceLocator";
import type { FieldPath, Manifest } from "../types";
import type { ChangedObject, DiffObject, FieldChange } from "./diffTypes";

/** Enough to see what moved; a rewritten object lists its first changes and says it was cut. */
export const MAX_FIELD_CHANGES = 20;
const SERVER_METADATA = new Set([
  "resourceVersion",
  "uid",
  "generation",
  "creationTimestamp",
  "managedFields",
  "selfLink",
]);
const SERVER_ANNOTATIONS = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  "deployment.kubernetes.io/revision",
]);
const MAX_VALUE_CHARS = 80;

export interface ObjectDiff {
  added: DiffObject[];
  removed: DiffObject[];
  changed: ChangedObject[];
}

export function diffObjects(
  base: readonly Manifest[],
  head: readonly Manifest[],
  headLocator: SourceLocator,
): ObjectDiff {
  const baseByKey = new Map(base.map((m) => [m.key, m]));
  const headByKey = new Map(head.map((m) => [m.key, m]));
  const added = head.filter((m) => !baseByKey.has(m.key)).map(describe);
  const removed = base.filter((m) => !headByKey.has(m.key)).map(describe);
  const changed: ChangedObject[] = [];
  for (const after of head) {
    const before = baseByKey.get(after.key);
    if (before === undefined) continue;
    const fields: FieldChange[] = [];
    let truncated = false;
    compareValues(userWritten(before.body), userWritten(after.body), [], (path, was, now) => {
      if (fields.length >= MAX_FIELD_CHANGES) {
        truncated = true;
        return;
      }
      fields.push({
        path: printPath(path),
        before: render(was),
        after: render(now),
        at: headLocator.locate(after, path),
      });
    });
    if (fields.length > 0) changed.push({ ...describe(after), fields, fieldsTruncated: truncated });
  }
  return { added, removed, changed };
}

function describe(m: Manifest): DiffObject {
  return {
    kind: m.kind,
    namespace: m.namespace ?? null,
    name: m.name,
    file: m.source.file,
    line: m.source.line,
  };
}

/** The object without status and without what the API server writes. */
function userWritten(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(body)) {
    if (k === "status") continue;
    if (k === "metadata" && isRecord(v)) out[k] = cleanMetadata(v);
    else out[k] = v;
  }
  return out;
}

function cleanMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(metadata)) {
    if (SERVER_METADATA.has(k)) continue;
    if (k === "annotations" && isRecord(v)) {
      const kept = Object.entries(v).filter(([a]) => !SERVER_ANNOTATIONS.has(a));
      if (kept.length > 0) out[k] = Object.fromEntries(kept);
      continue;
    }
    out[k] = v;
  }
  return out;
}

type OnChange = (path: FieldPath, before: unknown, after: unknown) => void;

/** Walks both values together and reports each differing leaf (a missing side is undefined). */
function compareValues(
  a: unknown,
  b: unknown,
  path: (string | number)[],
  onChange: OnChange,
): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      compareValues(a[i], b[i], [...path, i], onChange);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys)
      compareValues(
        Object.hasOwn(a, k) ? a[k] : undefined,
        Object.hasOwn(b, k) ? b[k] : undefined,
        [...path, k],
        onChange,
      );
    return;
  }
  if (!sameJson(a, b)) onChange(path, a, b);
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function render(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** ['spec', 'rules', 1, 'backendRefs', 0, 'weight'] → "spec.rules[1].backendRefs[0].weight". */
export function printPath(path: FieldPath): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(p)) out += out === "" ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
