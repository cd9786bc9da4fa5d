/**
 * The status part of `gwsim check`: per Gateway and ListenerSet its conditions and listeners, per route each
 * parent with Accepted/ResolvedRefs, and for a parent that did not accept the route, the
 * attachment checks that failed (from analysis.explain). Names and messages from the manifests
 * are escaped (escapeTerminal): one line of this text is always one line on the screen.
 */
import type { Analysis } from "../analysisTypes";
import { ConditionType } from "../api/conditions";
import { parseResourceKey } from "../api/keys";
import { isRouteKind, kindDisplayRank } from "../api/kinds";
import type {
  Condition,
  GatewayStatus,
  ObjectStatus,
  ResourceKey,
  RouteParentExplain,
  RouteStatus,
} from "../types";
import { escapeTerminal as esc } from "./escapeTerminal";

export function printStatusSummary(analysis: Analysis): string {
  const lines: string[] = [];
  const keys = Object.keys(analysis.status) as ResourceKey[];
  // A route none of whose parents is in the input (or reconciled) gets no status entry (spec
  // 2.4), but it is still listed with why, so no route of the input goes unmentioned.
  const listed = new Set<string>(keys);
  for (const x of analysis.explain) {
    if (listed.has(x.route)) continue;
    listed.add(x.route);
    keys.push(x.route);
  }
  // A route with no parentRefs at all has neither: it attaches to nothing (a delegated child
  // route of some implementations looks like this), which must be said, not left out.
  const parentless = new Set<string>();
  for (const r of analysis.routes) {
    if (listed.has(r.key)) continue;
    listed.add(r.key);
    parentless.add(r.key);
    keys.push(r.key);
  }
  keys.sort(byKindThenName);
  // Each route's explain entries, found once: filtering the whole list per route made a
  // 17,000-route check spend 100 s here (quadratic).
  const explainOf = groupByRoute(analysis.explain);
  for (const key of keys) {
    const ref = parseResourceKey(key);
    const id = esc(`${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`);
    const status = Object.hasOwn(analysis.status, key) ? analysis.status[key] : undefined;
    if (!status && parentless.has(key)) {
      lines.push(`${id}: no status (no parentRefs: it attaches to no Gateway or Service)`);
      continue;
    }
    if (!status) {
      lines.push(`${id}: no status (no parent in the input writes it)`);
      for (const ex of explainOf.get(key) ?? [])
        for (const line of printWhyNoStatus(ex)) lines.push(line);
      continue;
    }
    // A ListenerSet's status has the Gateway's shape: its own conditions, then its listeners.
    if ((ref.kind === "Gateway" || ref.kind === "ListenerSet") && isGatewayStatus(status)) {
      lines.push(`${id}: ${printConditions(status.conditions)}`);
      // A Gateway that is not accepted or programmed says why, as its listeners do: a class that
      // is not accepted or an unusable address has no listener line to explain it.
      for (const line of printWhyUnhealthy(status.conditions, "  ")) lines.push(line);
      for (const l of status.listeners) {
        lines.push(
          `  listener ${esc(l.name)}: attachedRoutes ${l.attachedRoutes}; ${printConditions(l.conditions)}`,
        );
        // A listener that is not accepted, not programmed, unresolved or conflicted serves
        // nothing (or less) and often has no diagnostic: say why in the controller's words.
        for (const line of printWhyUnhealthy(l.conditions, "    ")) lines.push(line);
      }
    } else if (isRouteKind(ref.kind) && isRouteStatus(status)) {
      lines.push(
        `${id}:${status.parents.length === 0 ? " no parent wrote status (see explain below)" : ""}`,
      );
      for (const p of status.parents) {
        const parent = `${parentKindPrefix(p.parentRef.kind)}${p.parentRef.namespace ?? ref.namespace ?? ""}/${p.parentRef.name ?? "?"}${p.parentRef.sectionName ? ` (${p.parentRef.sectionName})` : ""}`;
        lines.push(
          `  parent ${esc(parent)}: ${printConditions(p.conditions, ROUTE_PARENT_CONDITIONS)}`,
        );
        // An accepted route can still fail to resolve a backend, or lose rules the controller
        // cannot program (PartiallyInvalid, written only when True): say which and why.
        const accepted = p.conditions.some(
          (c) => c.type === ConditionType.Accepted && c.status === "True",
        );
        for (const c of p.conditions.filter(
          (c) =>
            accepted &&
            ((c.type === ConditionType.ResolvedRefs && c.status === "False") ||
              (c.type === ConditionType.PartiallyInvalid && c.status === "True")),
        )) {
          lines.push(`    ${c.type}=${c.status}: ${esc(c.message)}`);
        }
      }
      // A parent that writes no status entry did not reject the route: said as in the no-status
      // case above, not as "not accepted: Pending" (Istio's status testdata, a parentRef to a
      // Gateway of another class next to one istiod accepts).
      for (const ex of (explainOf.get(key) ?? []).filter((x) => !x.accepted))
        for (const line of ex.noStatusReason === undefined
          ? printFailedChecks(ex)
          : printWhyNoStatus(ex))
          lines.push(line);
    } else if (
      "conditions" in status &&
      Array.isArray(status.conditions) &&
      status.conditions.length > 0
    ) {
      lines.push(`${id}: ${printConditions(status.conditions)}`);
      for (const line of printWhyUnhealthy(status.conditions, "  ")) lines.push(line);
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function groupByRoute(explain: readonly RouteParentExplain[]): Map<string, RouteParentExplain[]> {
  const byRoute = new Map<string, RouteParentExplain[]>();
  for (const x of explain) {
    const list = byRoute.get(x.route);
    if (list === undefined) byRoute.set(x.route, [x]);
    else list.push(x);
  }
  return byRoute;
}

function printFailedChecks(ex: RouteParentExplain): string[] {
  const target = `${parentKindPrefix(ex.parentRef.kind)}${ex.parentRef.namespace ?? ""}${ex.parentRef.namespace ? "/" : ""}${ex.parentRef.name ?? "?"}`;
  // A parent the world assumes is not a rejection: its controller, outside the workspace, decides.
  if (ex.unknownParent === true)
    return [`  parentRefs[${ex.parentRefIndex}] (${esc(target)}): status ${esc(ex.message)}`];
  const out = [
    `  why parentRefs[${ex.parentRefIndex}] (${esc(target)}) is not accepted: ${esc(ex.reason)}${ex.message ? `: ${esc(ex.message)}` : ""}`,
  ];
  if (ex.noStatusReason) out.push(`    no status entry: ${esc(ex.noStatusReason)}`);
  for (const c of ex.checks.filter((c) => !c.pass)) out.push(`    ✗ ${c.check}: ${esc(c.detail)}`);
  for (const l of ex.listeners) {
    for (const c of l.checks.filter((c) => !c.pass))
      out.push(`    ✗ listener ${esc(l.listener)}: ${c.check}: ${esc(c.detail)}`);
  }
  return out;
}

/** A parent that wrote no status: not a rejection, so said without "not accepted". */
function printWhyNoStatus(ex: RouteParentExplain): string[] {
  if (ex.unknownParent === true) return printFailedChecks(ex);
  const target = `${parentKindPrefix(ex.parentRef.kind)}${ex.parentRef.namespace ?? ""}${ex.parentRef.namespace ? "/" : ""}${ex.parentRef.name ?? "?"}`;
  const out = [
    `  parentRefs[${ex.parentRefIndex}] (${esc(target)}): ${esc(ex.noStatusReason ?? ex.message ?? ex.reason)}`,
  ];
  for (const c of ex.checks.filter((c) => !c.pass)) out.push(`    ✗ ${c.check}: ${esc(c.detail)}`);
  return out;
}

/** A route parent's line: PartiallyInvalid too, which a controller writes only when rules drop. */
const ROUTE_PARENT_CONDITIONS = [
  ConditionType.Accepted,
  ConditionType.ResolvedRefs,
  ConditionType.PartiallyInvalid,
];

export function printConditions(
  conditions: readonly Condition[],
  only?: readonly string[],
): string {
  const shown = only ? conditions.filter((c) => only.includes(c.type)) : conditions;
  if (shown.length === 0) return "no conditions";
  return shown
    .map((c) =>
      esc(`${c.type}=${c.status}${c.reason && c.reason !== c.type ? ` (${c.reason})` : ""}`),
    )
    .join(", ");
}

/**
 * A parentRef's kind defaults to Gateway; any other (a mesh route's Service, a ListenerSet) is
 * named, or the parent reads like a Gateway of the same name.
 */
function parentKindPrefix(kind: string | undefined): string {
  return kind === undefined || kind === "Gateway" ? "" : `${kind} `;
}

/** One line per distinct message, so a conflict that fails three conditions is said once. */
function printWhyUnhealthy(conditions: readonly Condition[], indent: string): string[] {
  const typesByMessage = new Map<string, string[]>();
  for (const c of conditions.filter(isUnhealthyCondition)) {
    const types = typesByMessage.get(c.message);
    if (types) types.push(`${c.type}=${c.status}`);
    else typesByMessage.set(c.message, [`${c.type}=${c.status}`]);
  }
  const out: string[] = [];
  for (const [message, types] of typesByMessage)
    out.push(`${indent}${esc(types.join(", "))}: ${esc(message)}`);
  return out;
}

/** Conflicted and OverlappingTLSConfig are problems when True; the other types when False. */
function isUnhealthyCondition(c: Condition): boolean {
  if (c.message === "") return false;
  const problemWhenTrue =
    c.type === ConditionType.Conflicted || c.type === ConditionType.OverlappingTLSConfig;
  return c.status === (problemWhenTrue ? "True" : "False");
}

function isGatewayStatus(s: ObjectStatus): s is GatewayStatus {
  return "listeners" in s;
}

function isRouteStatus(s: ObjectStatus): s is RouteStatus {
  return "parents" in s;
}

function byKindThenName(a: string, b: string): number {
  const ra = kindDisplayRank(a.split("/")[0] ?? "");
  const rb = kindDisplayRank(b.split("/")[0] ?? "");
  return ra !== rb ? ra - rb : a.localeCompare(b);
}
