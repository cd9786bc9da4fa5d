/**
 * The Problems list: every diagnostic, every route parentRef that is not accepted, every
 * backendRef a controller cannot resolve and every listener that is not ready, each in plain words
 * with where to look. The reasoning comes from the status and explain stages; this module only
 * phrases it, once, for the designer's Problems panel and for the lint findings the CLI prints.
 */
import type { Analysis } from "../analysisTypes";
import type {
  Condition,
  GatewayStatus,
  ObjectSummary,
  ResolvedBackendRef,
  RouteParentExplain,
  Severity,
} from "../types";
import { keyOfRef, objectLabel, type ResourceKey } from "./resourceKeys";

export type ProblemKind = "diagnostic" | "route" | "backend" | "listener";

export interface Problem {
  /** Stable within one analysis; used as React key and in data-testid. */
  id: string;
  kind: ProblemKind;
  severity: Severity;
  /** One sentence: what is wrong. */
  message: string;
  /** What to do about it, or the engine's detail. */
  hint?: string;
  /** A short tag: the diagnostic code or the condition reason. */
  code: string;
  object?: ResourceKey;
  line?: number;
  column?: number;
}

export function listProblems(analysis: Analysis): Problem[] {
  const objects = new Map<string, ObjectSummary>(analysis.objects.map((o) => [o.key, o]));
  const problems: Problem[] = analysis.diagnostics.map((d, i): Problem => {
    const key = d.object ? keyOfRef(d.object) : undefined;
    const problem: Problem = {
      id: `diagnostic-${i}-${d.code}`,
      kind: "diagnostic",
      severity: d.severity,
      message: d.path && !d.message.includes(d.path) ? `${d.path}: ${d.message}` : d.message,
      code: d.code,
      line: d.line,
      column: d.column,
    };
    if (d.hint !== undefined) problem.hint = d.hint;
    // Only objects the analysis knows can be selected.
    if (key !== undefined && objects.has(key)) problem.object = key;
    return problem;
  });
  const missing = locatedMissingRefs(analysis);
  for (const e of analysis.explain) {
    // An assumed parent's status is unknown, never a rejection: its located assume.parent note
    // already says so, and `gwsim check` counts no error for it either. A parent missing from the
    // input is a located ref.not-found at the parentRef that says what follows for the route: a
    // second, unlocated row would repeat it (the lint skips it the same way).
    if (e.accepted || e.unknownParent === true) continue;
    if (missing.has(`${e.route} spec.parentRefs[${e.parentRefIndex}]`)) continue;
    problems.push(routeProblem(e, objects));
  }
  for (const p of backendProblems(analysis, objects, missing)) problems.push(p);
  for (const p of listenerProblems(analysis, objects)) problems.push(p);
  return problems;
}

/**
 * "HTTPRoute shop/blog is not attached to shop/public listener http: <the checks that failed>",
 * with the explain's summary as a hint when the checks do not already say it.
 */
export function describeRouteParentProblem(
  e: RouteParentExplain,
  routeNamespace: string | undefined,
): { message: string; hint?: string } {
  const ref = e.parentRef;
  const parentNamespace = ref.namespace ?? routeNamespace;
  const parentName = parentNamespace ? `${parentNamespace}/${ref.name}` : ref.name;
  const target = ref.sectionName ? `${parentName} listener ${ref.sectionName}` : parentName;
  const failing: string[] = e.checks.filter((c) => !c.pass).map((c) => c.detail);
  for (const l of e.listeners) {
    if (l.attached) continue;
    const details = l.checks.filter((c) => !c.pass).map((c) => c.detail);
    const text = details.join("; ");
    if (details.length === 0 || ref.sectionName || text.startsWith(`listener ${l.listener}`))
      for (const d of details) failing.push(d);
    else failing.push(`listener ${l.listener}: ${text}`);
  }
  const because = failing.length > 0 ? failing.join("; ") : e.message;
  const message = `${objectLabel(e.route)} is not attached to ${target}: ${because}`;
  if (e.noStatusReason !== undefined)
    return { message, ...noStatusHint(e.noStatusReason, because) };
  if (failing.length > 0 && e.message && !failing.some((f) => e.message.includes(tailOf(f))))
    return { message, hint: e.message };
  return { message };
}

/**
 * The no-status reason often restates the message's own tail ("Gateway x is not reconciled: …")
 * and adds what follows from it ("; no controller writes status for it"): say each thing once.
 */
function noStatusHint(reason: string, because: string): { hint?: string } {
  if (because.includes(reason)) return {};
  if (!reason.startsWith(because)) return { hint: reason };
  const rest = reason.slice(because.length).replace(/^[;,.]?\s*/, "");
  return rest ? { hint: rest } : {};
}

/** "HTTPRoute shop/orders rule 0 cannot send traffic to Service payments/checkout:8080 (RefNotPermitted)". */
export function describeInvalidBackendRef(
  route: ResourceKey,
  ruleIndex: number,
  ref: ResolvedBackendRef,
): string {
  if (ref.message) return `${objectLabel(route)} rule ${ruleIndex}: ${ref.message}`;
  const target = `${ref.kind} ${ref.namespace}/${ref.name}${ref.port !== undefined ? `:${ref.port}` : ""}`;
  return `${objectLabel(route)} rule ${ruleIndex} cannot send traffic to ${target} (${ref.reason ?? "invalid reference"})`;
}

/** Why a listener is not ready, from its conditions: a conflict first, then the first false condition. */
export function explainListenerConditions(conditions: readonly Condition[]): {
  reason: string;
  message: string;
} {
  const conflicted = conditions.find((c) => c.type === "Conflicted" && c.status === "True");
  const failed =
    conflicted ?? conditions.find((c) => c.type !== "Conflicted" && c.status !== "True");
  if (!failed) return { reason: "NotReady", message: "the controller does not serve it" };
  return {
    reason: failed.reason,
    message: failed.message || `${failed.type} is ${failed.status} (${failed.reason})`,
  };
}

function routeProblem(e: RouteParentExplain, objects: Map<string, ObjectSummary>): Problem {
  const route = objects.get(e.route);
  const phrase = describeRouteParentProblem(e, route?.namespace);
  const problem: Problem = {
    id: `route-${e.route}-${e.parentRefIndex}`,
    kind: "route",
    // No status entry at all (a parent kind gwsim does not reconcile, a class not accepted) is
    // what the lint reports as a warning: the route is not refused, nothing answers for it.
    severity: e.noStatusReason === undefined ? "error" : "warning",
    message: phrase.message,
    code: e.reason,
    object: e.route,
  };
  if (phrase.hint !== undefined) problem.hint = phrase.hint;
  if (route) problem.line = route.line;
  return problem;
}

/**
 * "object key, path" of each reference a ref.not-found diagnostic is located at (a parentRef, a
 * backendRef): that diagnostic already says what follows, so no second, unlocated row repeats it.
 */
function locatedMissingRefs(analysis: Analysis): Set<string> {
  const out = new Set<string>();
  for (const d of analysis.diagnostics)
    if (d.code === "ref.not-found" && d.objectKey !== undefined && d.path !== undefined)
      out.add(`${d.objectKey} ${d.path}`);
  return out;
}

/** backendRefs a controller cannot resolve (ResolvedRefs=False): the route is accepted but that traffic fails. */
function backendProblems(
  analysis: Analysis,
  objects: Map<string, ObjectSummary>,
  missing: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const route of analysis.routes) {
    for (const rule of route.rules) {
      for (const ref of rule.backendRefs) {
        if (ref.valid) continue;
        if (missing.has(`${route.key} spec.rules[${rule.index}].backendRefs[${ref.index}]`))
          continue;
        const problem: Problem = {
          id: `backend-${route.key}-${rule.index}-${ref.index}`,
          kind: "backend",
          severity: "error",
          message: describeInvalidBackendRef(route.key, rule.index, ref),
          code: ref.reason ?? "ResolvedRefs",
          object: route.key,
        };
        const line = objects.get(route.key)?.line;
        if (line !== undefined) problem.line = line;
        problems.push(problem);
      }
    }
  }
  return problems;
}

/** The part after a detail's first ": ", which the engine's summary message tends to repeat. */
function tailOf(detail: string): string {
  const i = detail.indexOf(": ");
  return i < 0 ? detail : detail.slice(i + 2);
}

function listenerProblems(analysis: Analysis, objects: Map<string, ObjectSummary>): Problem[] {
  const problems: Problem[] = [];
  for (const gateway of analysis.gateways) {
    if (!gateway.reconciled) continue;
    const status = analysis.status[gateway.key] as GatewayStatus | undefined;
    for (const listener of gateway.listeners) {
      if (listener.ready) continue;
      const conditions = status?.listeners?.find((l) => l.name === listener.name)?.conditions ?? [];
      const cause = explainListenerConditions(conditions);
      const problem: Problem = {
        id: `listener-${listener.owner}-${listener.name}`,
        kind: "listener",
        severity: "error",
        message: `${objectLabel(listener.owner)} listener ${listener.name} (${listener.protocol} :${listener.port}) is not ready: ${cause.message}`,
        code: cause.reason,
        object: listener.owner,
      };
      const owner = objects.get(listener.owner);
      if (owner) problem.line = owner.line;
      problems.push(problem);
    }
  }
  return problems;
}
