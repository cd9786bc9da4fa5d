/**
 * A trace's wording (reasons, details, effects, notes) with long user values capped, as
 * diagnostics are (print/capValue.ts). The data a trace carries (the request, keys, targets,
 * matches) is left whole. Parts of a trace may be shared with the router (dropped rules,
 * backend shares): a part whose wording changes is copied, never written in place, and a trace
 * without a long word comes back as it is.
 */
import { capLongWords, MAX_SHOWN_VALUE } from "../print/capValue";
import type { RequestTrace } from "./traceTypes";

export function capTraceWording(trace: RequestTrace): RequestTrace {
  trace.gatewayReason = capLongWords(trace.gatewayReason);
  trace.listeners = capEach(trace.listeners, ["reason"]);
  if (trace.virtualHost) trace.virtualHost = capFields(trace.virtualHost, ["reason"]);
  trace.candidates = mapChanged(trace.candidates, (c) => {
    const conditions = capEach(c.conditions, ["detail"]);
    const capped = capFields(c, ["skipped"]);
    return conditions === c.conditions && capped === c ? c : { ...capped, conditions };
  });
  if (trace.droppedRules) trace.droppedRules = capEach(trace.droppedRules, ["reason"]);
  if (trace.tieBreak) trace.tieBreak = capFields(trace.tieBreak, ["detail"]);
  trace.filters = capEach(trace.filters, ["effect"]);
  trace.attributes = capEach(trace.attributes, ["value", "note"]);
  if (trace.attempts) trace.attempts = capEach(trace.attempts, ["detail"]);
  if (trace.mesh) {
    const routes = capEach(trace.mesh.routes, ["reason"]);
    const mesh = capFields(trace.mesh, ["serviceReason"]);
    trace.mesh = routes === trace.mesh.routes && mesh === trace.mesh ? mesh : { ...mesh, routes };
  }
  const o = trace.outcome;
  const backends = capEach(o.backends, ["reason", "assumed", "assumedGrant", "reading"]);
  const backend =
    o.backend === undefined
      ? undefined
      : capFields(o.backend, ["reason", "assumed", "assumedGrant", "reading"]);
  const mirrors = capEach(o.mirrors, ["reason", "assumed", "assumedGrant"]);
  const outcome = capFields(o, ["reason"]);
  if (backends !== o.backends || backend !== o.backend || mirrors !== o.mirrors || outcome !== o) {
    trace.outcome = { ...outcome, backends, mirrors };
    if (backend !== undefined) trace.outcome.backend = backend;
  }
  return trace;
}

/** The object, or a copy with its long-worded fields capped. */
function capFields<T extends object>(item: T, keys: readonly (keyof T & string)[]): T {
  let out = item;
  for (const key of keys) {
    const value = item[key];
    if (typeof value !== "string" || value.length <= MAX_SHOWN_VALUE) continue;
    const capped = capLongWords(value);
    if (capped === value) continue;
    if (out === item) out = { ...item };
    (out as Record<string, unknown>)[key] = capped;
  }
  return out;
}

function capEach<T extends object>(list: T[], keys: readonly (keyof T & string)[]): T[] {
  return mapChanged(list, (item) => capFields(item, keys));
}

/** The list, or a copy when some item changed. */
function mapChanged<T>(list: T[], f: (item: T) => T): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    const next = f(item);
    if (next !== item) (out ??= list.slice())[i] = next;
  }
  return out ?? list;
}
