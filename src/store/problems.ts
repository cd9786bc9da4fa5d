/**
 * Turns an Analysis into the rows of the Problems panel: every diagnostic, every route parentRef
 * that is not accepted, and every listener that is not ready, each in plain words with where to
 * look. The reasoning itself comes from the engine (explain, status); this only phrases it.
 */
import type {
  Analysis,
  Condition,
  GatewayStatus,
  ObjectSummary,
  ResourceKey,
  RouteParentExplain,
  Severity,
} from '../engine';

export type ProblemKind = 'diagnostic' | 'route' | 'backend' | 'listener';

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

export function computeProblems(analysis: Analysis): Problem[] {
  const objects = new Map<string, ObjectSummary>(analysis.objects.map((o) => [o.key, o]));
  return [
    ...analysis.diagnostics.map((d, i): Problem => {
      const key = d.object ? keyOf(d.object, objects) : undefined;
      const problem: Problem = {
        id: `diagnostic-${i}-${d.code}`,
        kind: 'diagnostic',
        severity: d.severity,
        message: d.path && !d.message.includes(d.path) ? `${d.path}: ${d.message}` : d.message,
        code: d.code,
        line: d.line,
        column: d.column,
      };
      if (d.hint !== undefined) problem.hint = d.hint;
      if (key !== undefined) problem.object = key;
      return problem;
    }),
    ...analysis.explain.filter((e) => !e.accepted).map((e) => routeProblem(e, objects)),
    ...backendProblems(analysis, objects),
    ...listenerProblems(analysis, objects),
  ];
}

function keyOf(ref: { kind: string; namespace?: string; name: string }, objects: Map<string, ObjectSummary>) {
  for (const o of objects.values()) {
    if (o.kind === ref.kind && o.name === ref.name && (o.namespace ?? '') === (ref.namespace ?? '')) return o.key;
  }
  return undefined;
}

/** "HTTPRoute team-b/shop": kind and namespace/name, as kubectl users say it. */
function label(key: ResourceKey, objects: Map<string, ObjectSummary>): string {
  const o = objects.get(key);
  if (!o) return key;
  return `${o.kind} ${o.namespace ? `${o.namespace}/${o.name}` : o.name}`;
}

function routeProblem(e: RouteParentExplain, objects: Map<string, ObjectSummary>): Problem {
  const ref = e.parentRef;
  const routeNamespace = objects.get(e.route)?.namespace ?? '';
  const parentName = `${ref.namespace ?? routeNamespace}/${ref.name}`.replace(/^\//, '');
  const target = ref.sectionName ? `${parentName} listener ${ref.sectionName}` : parentName;
  const failing = [
    ...e.checks.filter((c) => !c.pass).map((c) => c.detail),
    ...e.listeners.filter((l) => !l.attached).flatMap((l) => {
      const details = l.checks.filter((c) => !c.pass).map((c) => c.detail);
      const text = details.join('; ');
      if (details.length === 0 || ref.sectionName || text.startsWith(`listener ${l.listener}`)) return details;
      return [`listener ${l.listener}: ${text}`];
    }),
  ];
  const because = failing.length > 0 ? failing.join('; ') : e.message;
  const route = objects.get(e.route);
  const problem: Problem = {
    id: `route-${e.route}-${e.parentRefIndex}`,
    kind: 'route',
    severity: 'error',
    message: `${label(e.route, objects)} is not attached to ${target}: ${because}`,
    code: e.reason,
    object: e.route,
  };
  if (e.noStatusReason !== undefined) problem.hint = e.noStatusReason;
  else if (failing.length > 0 && e.message && !failing.some((f) => e.message.includes(tailOf(f)))) problem.hint = e.message;
  if (route) problem.line = route.line;
  return problem;
}

/** backendRefs a controller cannot resolve (ResolvedRefs=False): the route is accepted but that traffic fails. */
function backendProblems(analysis: Analysis, objects: Map<string, ObjectSummary>): Problem[] {
  const problems: Problem[] = [];
  for (const route of analysis.routes) {
    for (const rule of route.rules) {
      for (const ref of rule.backendRefs) {
        if (ref.valid) continue;
        const target = `${ref.kind} ${ref.namespace}/${ref.name}${ref.port !== undefined ? `:${ref.port}` : ''}`;
        const problem: Problem = {
          id: `backend-${route.key}-${rule.index}-${ref.index}`,
          kind: 'backend',
          severity: 'error',
          message: ref.message
            ? `${label(route.key, objects)} rule ${rule.index}: ${ref.message}`
            : `${label(route.key, objects)} rule ${rule.index} cannot send traffic to ${target} (${ref.reason ?? 'invalid reference'})`,
          code: ref.reason ?? 'ResolvedRefs',
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
  const i = detail.indexOf(': ');
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
      const cause = explainListener(conditions);
      const owner = objects.get(listener.owner);
      const problem: Problem = {
        id: `listener-${listener.owner}-${listener.name}`,
        kind: 'listener',
        severity: 'error',
        message: `${label(listener.owner, objects)} listener ${listener.name} (${listener.protocol} :${listener.port}) is not ready: ${cause.message}`,
        code: cause.reason,
        object: listener.owner,
      };
      if (owner) problem.line = owner.line;
      problems.push(problem);
    }
  }
  return problems;
}

function explainListener(conditions: readonly Condition[]): { reason: string; message: string } {
  const conflicted = conditions.find((c) => c.type === 'Conflicted' && c.status === 'True');
  const failed = conflicted ?? conditions.find((c) => c.type !== 'Conflicted' && c.status !== 'True');
  if (!failed) return { reason: 'NotReady', message: 'the controller does not serve it' };
  return { reason: failed.reason, message: failed.message || `${failed.type} is ${failed.status} (${failed.reason})` };
}
