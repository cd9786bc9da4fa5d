/**
 * compareStatus: the status a controller would write that differs between two configurations:
 * every condition of Gateways, listeners (with attachedRoutes), route parents, policy ancestors
 * and condition-only objects (GatewayClass…). Conditions are compared by status and reason; the
 * message rides along so a reader learns why in words. Objects present on one side only are
 * reported as appearing or disappearing.
 */
import type { ResourceKey } from "../api/keys";
import type { ParentReference } from "../api/spec";
import type { Condition, ObjectStatus, StatusReport } from "../types";
import type { StatusChange } from "./types";

interface FieldValue {
  value: string;
  message?: string;
}

export function compareStatus(before: StatusReport, after: StatusReport): StatusChange[] {
  const changes: StatusChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const a = flatten(Object.hasOwn(before, key) ? before[key] : undefined);
    const b = flatten(Object.hasOwn(after, key) ? after[key] : undefined);
    const fields = [...new Set([...a.keys(), ...b.keys()])];
    for (const field of fields) {
      const was = a.get(field) ?? { value: "(absent)" };
      const now = b.get(field) ?? { value: "(absent)" };
      if (was.value === now.value) continue;
      const change: StatusChange = {
        object: key as ResourceKey,
        field,
        before: was.value,
        after: now.value,
        sentence: `${describeKey(key)} ${field}: ${was.value} → ${now.value}`,
      };
      if (was.message !== undefined) change.beforeMessage = was.message;
      if (now.message !== undefined) change.afterMessage = now.message;
      changes.push(change);
    }
  }
  return changes;
}

/** Field label → rendered value, for the fields a what-if reports, in the order a controller writes them. */
function flatten(status: ObjectStatus | undefined): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  if (status === undefined) return out;
  if ("listeners" in status) {
    putAll(out, "", status.conditions);
    for (const l of status.listeners) {
      out.set(`listener ${l.name} attachedRoutes`, { value: String(l.attachedRoutes) });
      putAll(out, `listener ${l.name} `, l.conditions);
    }
  } else if ("parents" in status) {
    for (const p of status.parents)
      putAll(out, `parent ${printParentRef(p.parentRef)} `, p.conditions);
  } else if ("ancestors" in status) {
    for (const a of status.ancestors)
      putAll(out, `ancestor ${printParentRef(a.ancestorRef)} `, a.conditions);
  } else {
    putAll(out, "", status.conditions);
  }
  return out;
}

function putAll(
  out: Map<string, FieldValue>,
  prefix: string,
  conditions: readonly Condition[],
): void {
  for (const c of conditions)
    out.set(`${prefix}${c.type}`, { value: `${c.status} (${c.reason})`, message: c.message });
}

function printParentRef(ref: ParentReference): string {
  const ns = ref.namespace !== undefined ? `${ref.namespace}/` : "";
  const section = ref.sectionName !== undefined ? `/${ref.sectionName}` : "";
  const port = ref.port !== undefined ? `:${ref.port}` : "";
  return `${ref.kind ?? "Gateway"} ${ns}${ref.name ?? "?"}${section}${port}`;
}

/** "HTTPRoute/team-b/shop" → "HTTPRoute team-b/shop". */
function describeKey(key: string): string {
  const slash = key.indexOf("/");
  return slash < 0 ? key : `${key.slice(0, slash)} ${key.slice(slash + 1).replace(/^\//, "")}`;
}
