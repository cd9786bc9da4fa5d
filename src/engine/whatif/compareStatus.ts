/**
 * compareStatus: the status a controller would write that differs between two configurations:
 * Gateway and listener conditions, listener attachedRoutes, and each route parent's Accepted and
 * ResolvedRefs. Objects present on one side only are reported as appearing or disappearing.
 */
import type { ResourceKey } from '../api/keys';
import type { ParentReference } from '../api/spec';
import type { Condition, ObjectStatus, StatusReport } from '../types';
import type { StatusChange } from './types';

const GATEWAY_CONDITIONS = ['Accepted', 'Programmed'];
const LISTENER_CONDITIONS = ['Accepted', 'Programmed', 'ResolvedRefs', 'Conflicted'];
const PARENT_CONDITIONS = ['Accepted', 'ResolvedRefs'];

export function compareStatus(before: StatusReport, after: StatusReport): StatusChange[] {
  const changes: StatusChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const a = flatten(before[key]);
    const b = flatten(after[key]);
    const fields = [...new Set([...a.keys(), ...b.keys()])];
    for (const field of fields) {
      const was = a.get(field) ?? '(absent)';
      const now = b.get(field) ?? '(absent)';
      if (was === now) continue;
      changes.push({ object: key as ResourceKey, field, before: was, after: now, sentence: `${describeKey(key)} ${field}: ${was} → ${now}` });
    }
  }
  return changes;
}

/** Field label → rendered value, for the fields a what-if reports. */
function flatten(status: ObjectStatus | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (status === undefined) return out;
  if ('listeners' in status) {
    for (const type of GATEWAY_CONDITIONS) put(out, type, status.conditions, type);
    for (const l of status.listeners) {
      out.set(`listener ${l.name} attachedRoutes`, String(l.attachedRoutes));
      for (const type of LISTENER_CONDITIONS) put(out, `listener ${l.name} ${type}`, l.conditions, type);
    }
  } else if ('parents' in status) {
    for (const p of status.parents) {
      for (const type of PARENT_CONDITIONS) put(out, `parent ${printParentRef(p.parentRef)} ${type}`, p.conditions, type);
    }
  }
  return out;
}

function put(out: Map<string, string>, field: string, conditions: readonly Condition[], type: string): void {
  const c = conditions.find((x) => x.type === type);
  if (c !== undefined) out.set(field, `${c.status} (${c.reason})`);
}

function printParentRef(ref: ParentReference): string {
  const ns = ref.namespace !== undefined ? `${ref.namespace}/` : '';
  const section = ref.sectionName !== undefined ? `/${ref.sectionName}` : '';
  const port = ref.port !== undefined ? `:${ref.port}` : '';
  return `${ref.kind ?? 'Gateway'} ${ns}${ref.name ?? '?'}${section}${port}`;
}

/** "HTTPRoute/team-b/shop" → "HTTPRoute team-b/shop". */
function describeKey(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : `${key.slice(0, slash)} ${key.slice(slash + 1).replace(/^\//, '')}`;
}
