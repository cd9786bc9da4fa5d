/**
 * Status for every route of every kind: per parentRef attachment, then the HTTPRoute/GRPCRoute
 * hostname clash on shared listeners (older wins), then attachedRoutes counts, ResolvedRefs and
 * PartiallyInvalid. Several TCPRoutes (or UDPRoutes) on one listener are all accepted; routing
 * sends traffic to the oldest (spec §2.4).
 */
import { phraseList } from "../print/phraseList";
import { compareByAge, describeAgeWin } from "../resolve/compareByAge";
import { ConditionType, RouteReason } from "../api/conditions";
import { isRouteKind, type RouteKind } from "../api/kinds";
import { hostnameSetsOverlap } from "../resolve/intersectHostnames";
import { describeReading, readingValue } from "../readings/readings";
import { asRecords } from "../resolve/read";
import type {
  Condition,
  Manifest,
  ResolvedRoute,
  RouteAttachment,
  RouteParentExplain,
  RouteParentStatus,
  RouteStatus,
} from "../types";
import { attachRouteParent, routeAttachment, type ParentOutcome } from "./attachRouteParent";
import { appendMeshBindings } from "../mesh/collectMeshModel";
import { isServiceParent } from "../resolve/meshOnlyRoute";
import { needEngineModule } from "../modules/engineModules";
import { MESH_KIND_RANK, type MeshBinding } from "../mesh/meshTypes";
import type { GatewayListeners } from "./buildGatewayListeners";
import type { ListenerState } from "./listenerState";
import { describeRule, resolveRoute, type RouteResolution } from "./resolveRoute";
import {
  makeCondition,
  recordAssumption,
  reportDiagnostic,
  type StatusContext,
} from "./statusContext";

/** Controller name on status entries for mesh (Service) parents, which have no GatewayClass. */
export const GWSIM_MESH_CONTROLLER = "gwsim.dev/controller";

interface RouteWork {
  m: Manifest;
  resolution: RouteResolution;
  outcomes: ParentOutcome[];
}

export interface RouteStatusResult {
  routes: ResolvedRoute[];
  explain: RouteParentExplain[];
  attachments: RouteAttachment[];
  /**
   * Each route's status beside its key, in input order (a route without parents has none). Two
   * lists, not a Map: computeStatus writes them into the report once, and a Map of every route
   * was one more table of tens of thousands of entries per analysis.
   */
  statusKeys: string[];
  statuses: RouteStatus[];
  /** Every route × Service parentRef (GAMMA), as settled here. */
  meshBindings: MeshBinding[];
  /** What mesh parents route by where it differs from `routes` (RouteResolution.meshView). */
  meshRoutes: ResolvedRoute[];
  /**
   * Where the per-route loop's diagnostics sit in ctx.diagnostics ([from, to)): each route's own
   * findings, route by route in input order. The incremental pass places an edited route's new
   * findings by this (incremental/routeDiagnostics.ts).
   */
  loopDiagnostics: readonly [number, number];
}

export function computeRouteStatuses(
  ctx: StatusContext,
  gateways: ReadonlyMap<string, GatewayListeners>,
  controllerNameOf: (gateway: Manifest) => string,
): RouteStatusResult {
  const work: RouteWork[] = [];
  // Indexed loops in this module: it runs once per analysis over every route, mostly before the
  // engine optimizes it, and each for…of step there allocates an iterator result.
  const manifests = ctx.index.manifests;
  const loopFrom = ctx.diagnostics.length;
  for (let i = 0; i < manifests.length; i++) {
    const m = manifests[i] as Manifest;
    if (!isRouteKind(m.kind) || !m.modelled) continue;
    const resolution = resolveRouteReporting(ctx, m, m.kind);
    // A loop over the count, not map(): a callback closing over the route was one more function
    // allocated per route.
    const parentRefCount = asRecords(m.spec["parentRefs"]).length;
    const outcomes = new Array<ParentOutcome>(parentRefCount);
    for (let p = 0; p < parentRefCount; p++)
      outcomes[p] = attachRouteParent(ctx, m, resolution.route, p, gateways);
    work.push({ m, resolution, outcomes });
  }
  const loopDiagnostics = [loopFrom, ctx.diagnostics.length] as const;
  resolveHttpGrpcClash(ctx, work);
  noteTcpRoutesOnTlsListeners(ctx, work);
  resolveMeshKindClash(work);

  const attachments: RouteAttachment[] = [];
  const statusKeys: string[] = [];
  const statuses: RouteStatus[] = [];
  for (let w = 0; w < work.length; w++) {
    const { m, resolution, outcomes } = work[w] as RouteWork;
    // One parentRef admits each listener at most once: only a route with several needs a set to
    // count each listener once (nearly every route has one).
    const counted = outcomes.length > 1 ? new Set<ListenerState>() : undefined;
    let written = 0;
    for (let i = 0; i < outcomes.length; i++)
      if ((outcomes[i] as ParentOutcome).explain.noStatusReason === undefined) written++;
    // Sized up front: an empty list grown by push reserves room for 17 parents.
    const parents = new Array<RouteParentStatus>(written);
    written = 0;
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i] as ParentOutcome;
      if (o.explain.noStatusReason !== undefined) continue;
      for (let j = 0; j < o.admitted.length; j++) {
        const a = o.admitted[j] as ParentOutcome["admitted"][number];
        if (counted === undefined || !counted.has(a.listener)) {
          counted?.add(a.listener);
          a.listener.attachedRoutes += 1;
        }
        attachments.push(routeAttachment(m.key, o.explain.parentRefIndex, a));
      }
      parents[written++] = parentStatus(
        ctx,
        m,
        resolution,
        o.explain,
        o.gateway ? controllerNameOf(o.gateway) : GWSIM_MESH_CONTROLLER,
      );
    }
    // A controller writes route status only through a parent it reconciles: no parents, no status.
    if (parents.length > 0) {
      statusKeys.push(m.key);
      statuses.push({ parents });
    }
  }
  // Plain loops: flatMap built a list per route only to flatten it, for tens of thousands of routes.
  const explain: RouteParentExplain[] = [];
  const meshBindings: MeshBinding[] = [];
  const meshRoutes: ResolvedRoute[] = [];
  for (let i = 0; i < work.length; i++) {
    const w = work[i] as RouteWork;
    for (let j = 0; j < w.outcomes.length; j++)
      explain.push((w.outcomes[j] as ParentOutcome).explain);
    appendMeshBindings(meshBindings, w.resolution.route, w.outcomes);
    if (w.resolution.meshView !== undefined) meshRoutes.push(w.resolution.meshView.route);
  }
  return {
    routes: work.map((w) => w.resolution.route),
    explain,
    attachments,
    statusKeys,
    statuses,
    meshBindings,
    meshRoutes,
    loopDiagnostics,
  };
}

/**
 * One route's own resolution (rules, backends), reporting what it finds into ctx: reading notes,
 * references the input lacks, objects the world assumes. Nothing here depends on other routes,
 * which is what lets the incremental pass re-resolve one edited route on its own.
 */
export function resolveRouteReporting(
  ctx: StatusContext,
  m: Manifest,
  kind: RouteKind,
): RouteResolution {
  const resolution = resolveRoute(ctx.index, m, kind, ctx.readings);
  // Indexed loops: nearly every list here is the shared empty one, and a for…of over it still
  // allocated an iterator (three per route of every analysis).
  const { readingNotes, refProblems, assumptions } = resolution;
  for (let i = 0; i < readingNotes.length; i++) {
    const n = readingNotes[i] as (typeof readingNotes)[number];
    reportDiagnostic(ctx, "reading.applied", m, n.path, n.message);
  }
  for (let i = 0; i < refProblems.length; i++) {
    const p = refProblems[i] as (typeof refProblems)[number];
    if (p.missing)
      reportDiagnostic(
        ctx,
        "ref.not-found",
        m,
        p.path,
        // Every parent that accepts the route says it; with none (e.g. a Gateway no controller
        // reconciles) the route has no status at all, so "the route reports" would mislead.
        `${p.missing} is not in the input, so each parent that accepts the route reports ResolvedRefs=False (${p.reason}) for it.`,
      );
  }
  for (let i = 0; i < assumptions.length; i++) {
    const a = assumptions[i] as (typeof assumptions)[number];
    recordAssumption(ctx, a.note, m, a.path);
  }
  // Only a route with a dropped rule can have one dropped for its regex (a located warning):
  // those words load on demand (diagnosticWordsModule.ts), like the diagnostic they raise.
  if (resolution.route.rules.some((rule) => !rule.valid))
    needEngineModule("diagnosticWords").reportInvalidRegexes(ctx, m, kind, resolution.route);
  // Only a route the grant refused for its Gateway parents has a mesh view: what it adds is
  // reported by the on-demand diagnostic words (reportMeshView.ts).
  if (resolution.meshView !== undefined)
    needEngineModule("diagnosticWords").reportMeshView(ctx, m, resolution);
  return resolution;
}

/** The status one parent writes: the settled attachment verdict, then the route's own refs and rules. */
export function parentStatus(
  ctx: StatusContext,
  m: Manifest,
  resolution: RouteResolution,
  e: RouteParentExplain,
  controllerName: string,
): RouteParentStatus {
  // makeCondition called directly: a condition factory bound to the route (conditionsFor) was a
  // closure per parent of every route, and an accepted route with resolved references (nearly
  // every one) never calls it.
  const accepted = e.accepted
    ? passingCondition(ctx, m, ConditionType.Accepted, RouteReason.Accepted, acceptedText(ctx, e))
    : makeCondition(m, ctx.now, ConditionType.Accepted, "False", e.reason, capitalize(e.message));
  // A Service parent of a route the grant refused for its Gateway parents resolves without it.
  const refProblems =
    resolution.meshView !== undefined && isServiceParent(e.parentRef)
      ? resolution.meshView.refProblems
      : resolution.refProblems;
  // Two problems or more are rare: their ranking is in the on-demand diagnostic words.
  const first =
    refProblems.length < 2
      ? refProblems[0]
      : needEngineModule("diagnosticWords").leadingRouteProblem(refProblems);
  const resolvedRefs = first
    ? makeCondition(
        m,
        ctx.now,
        ConditionType.ResolvedRefs,
        "False",
        first.reason,
        phraseList(
          refProblems.map((p) => p.message),
          "; ",
        ),
      )
    : passingCondition(
        ctx,
        m,
        ConditionType.ResolvedRefs,
        RouteReason.ResolvedRefs,
        "All references resolved",
      );
  // Written as literals of their final length: a list grown by push reserves room for 17.
  let conditions = passingPair(ctx, accepted, resolvedRefs);
  if (e.accepted && resolution.route.rules.some((r) => !r.valid)) {
    const dropped = resolution.route.rules.filter((r) => !r.valid);
    conditions = [
      accepted,
      resolvedRefs,
      makeCondition(
        m,
        ctx.now,
        ConditionType.PartiallyInvalid,
        "True",
        dropped[0]?.invalidReason ?? RouteReason.UnsupportedValue,
        `Dropped Rule(s): ${dropped.map((r) => `${describeRule(r)}: ${r.invalidMessage ?? ""}`).join("; ")}`,
      ),
    ];
  }
  return { parentRef: e.parentRef, parentRefIndex: e.parentRefIndex, controllerName, conditions };
}

/**
 * A condition with status True, shared by every route of the status run that writes the same one
 * (AdmissionMemo.passing); without a memo (a route re-resolved on its own), a new one.
 */
function passingCondition(
  ctx: StatusContext,
  m: Manifest,
  type: string,
  reason: string,
  message: string,
): Condition {
  const memo = ctx.admission?.passing;
  if (memo === undefined) return makeCondition(m, ctx.now, type, "True", reason, message);
  let byMessage = memo.get(type);
  if (byMessage === undefined) memo.set(type, (byMessage = new Map()));
  let byGeneration = byMessage.get(message);
  if (byGeneration === undefined) byMessage.set(message, (byGeneration = new Map()));
  let shared = byGeneration.get(m.generation);
  if (shared === undefined) {
    // Only the reason varies beside type and message: each type has one passing reason.
    shared = Object.freeze(makeCondition(m, ctx.now, type, "True", reason, message));
    byGeneration.set(m.generation, shared);
  }
  return shared;
}

/** `[accepted, resolvedRefs]`, one list per pair of shared conditions (AdmissionMemo.passingPair). */
function passingPair(
  ctx: StatusContext,
  accepted: Condition,
  resolvedRefs: Condition,
): Condition[] {
  const memo = ctx.admission?.passingPair;
  if (memo === undefined || !Object.isFrozen(accepted) || !Object.isFrozen(resolvedRefs))
    return [accepted, resolvedRefs];
  let byResolved = memo.get(accepted);
  if (byResolved === undefined) memo.set(accepted, (byResolved = new Map()));
  let pair = byResolved.get(resolvedRefs);
  if (pair === undefined) {
    pair = [accepted, resolvedRefs];
    byResolved.set(resolvedRefs, pair);
  }
  return pair;
}

/** "Route is accepted by …": one string per distinct sentence, shared by the routes that say it. */
function acceptedText(ctx: StatusContext, e: RouteParentExplain): string {
  const memo = ctx.admission?.acceptedCondition;
  let text = memo?.get(e.message);
  if (text === undefined) {
    text = `Route is ${e.message}`;
    memo?.set(e.message, text);
  }
  return text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const CLASHING: ReadonlySet<RouteKind> = new Set(["HTTPRoute", "GRPCRoute"]);

/**
 * An HTTPRoute and a GRPCRoute on one listener with intersecting hostnames: only the older
 * (then alphabetically first "{namespace}/{name}") is accepted there. Under the reading
 * httpGrpcSameHostname=both-accepted both stay attached (routing already sends gRPC calls to
 * GRPCRoutes first and other requests to HTTPRoutes only), and the newer route carries the note.
 */
function resolveHttpGrpcClash(ctx: StatusContext, work: RouteWork[]): void {
  const bothAccepted = readingValue(ctx.readings, "httpGrpcSameHostname") === "both-accepted";
  const byListener = new Map<
    ListenerState,
    { w: RouteWork; o: ParentOutcome; hostnames: string[] }[]
  >();
  // Listeners that hold both kinds: on any other one no route has a rival, so nothing changes
  // there and its (often thousands of) routes need no ordering by age.
  const mixed = new Set<ListenerState>();
  for (let i = 0; i < work.length; i++) {
    const w = work[i] as RouteWork;
    const kind = w.resolution.route.kind;
    if (!CLASHING.has(kind)) continue;
    for (let j = 0; j < w.outcomes.length; j++) {
      const o = w.outcomes[j] as ParentOutcome;
      for (let k = 0; k < o.admitted.length; k++) {
        const a = o.admitted[k] as ParentOutcome["admitted"][number];
        const entry = { w, o, hostnames: a.effectiveHostnames };
        const list = byListener.get(a.listener);
        if (list === undefined) byListener.set(a.listener, [entry]);
        else {
          if (list[0]?.w.resolution.route.kind !== kind) mixed.add(a.listener);
          list.push(entry);
        }
      }
    }
  }
  for (const [listener, entries] of byListener) {
    if (!mixed.has(listener)) continue;
    entries.sort((a, b) => compareByAge(a.w.m, b.w.m));
    // Kept entries per kind: a rival is only ever of the other kind, so an all-HTTPRoute listener
    // stays linear instead of scanning every kept route for each new one.
    const kept = new Map<RouteKind, typeof entries>();
    for (const entry of entries) {
      const kind = entry.w.resolution.route.kind;
      const rival = kept
        .get(kind === "HTTPRoute" ? "GRPCRoute" : "HTTPRoute")
        ?.find((k) => hostnameSetsOverlap(k.hostnames, entry.hostnames));
      if (!rival) {
        const same = kept.get(kind);
        if (same === undefined) kept.set(kind, [entry]);
        else same.push(entry);
        continue;
      }
      const rivalRoute = rival.w.resolution.route;
      const explainListener = entry.o.explain.listeners.find(
        (l) => l.listener === listener.name && l.owner === listener.owner.key,
      );
      if (bothAccepted) {
        const same = kept.get(kind);
        if (same === undefined) kept.set(kind, [entry]);
        else same.push(entry);
        const detail = `${rivalRoute.kind} ${rivalRoute.namespace}/${rivalRoute.name} serves the same hostnames on listener ${listener.name}, and both are accepted: gRPC calls go to the GRPCRoute, other requests to the HTTPRoute (${describeReading("httpGrpcSameHostname", "both-accepted")}; gwsim's default accepts only the older route)`;
        explainListener?.checks.push({ check: "route-kind", pass: true, detail });
        reportDiagnostic(
          ctx,
          "reading.applied",
          entry.w.m,
          ["spec", "parentRefs", entry.o.explain.parentRefIndex],
          `${entry.w.resolution.route.kind} ${entry.w.resolution.route.namespace}/${entry.w.resolution.route.name}: ${detail}`,
        );
        continue;
      }
      entry.o.admitted = entry.o.admitted.filter((a) => a.listener !== listener);
      const detail = `${rivalRoute.kind} ${rivalRoute.namespace}/${rivalRoute.name} ${describeAgeWin(rival.w.m, entry.w.m)} and serves the same hostnames on listener ${listener.name}; an HTTPRoute and a GRPCRoute cannot share them`;
      if (explainListener) {
        explainListener.attached = false;
        explainListener.checks.push({ check: "route-kind", pass: false, detail });
      }
      if (entry.o.admitted.length === 0 && entry.o.explain.accepted) {
        entry.o.explain.accepted = false;
        entry.o.explain.reason = RouteReason.Conflicted;
        entry.o.explain.message = detail;
      }
    }
  }
}

/**
 * Only the reading tcpRouteOnTlsTerminate=accepted lets a TCPRoute onto a TLS listener (see
 * validateListener); each such attachment is noted where it happens.
 */
function noteTcpRoutesOnTlsListeners(ctx: StatusContext, work: RouteWork[]): void {
  for (let i = 0; i < work.length; i++) {
    const w = work[i] as RouteWork;
    if (w.resolution.route.kind !== "TCPRoute") continue;
    for (const o of w.outcomes) {
      for (const a of o.admitted) {
        if (a.listener.protocol !== "TLS") continue;
        reportDiagnostic(
          ctx,
          "reading.applied",
          w.m,
          ["spec", "parentRefs", o.explain.parentRefIndex],
          `TCPRoute ${w.m.namespace ?? ""}/${w.m.name} attaches to TLS listener ${a.listener.name} (mode Terminate) and receives the decrypted stream (${describeReading("tcpRouteOnTlsTerminate", "accepted")}; gwsim's default: TLS listeners serve TLSRoute only)`,
        );
      }
    }
  }
}

/** Mesh (spec §3.9): when route kinds bind the same Service port, only the highest kind applies. */
function resolveMeshKindClash(work: RouteWork[]): void {
  const best = new Map<string, RouteKind>();
  for (let i = 0; i < work.length; i++) {
    const w = work[i] as RouteWork;
    for (let j = 0; j < w.outcomes.length; j++) {
      const o = w.outcomes[j] as ParentOutcome;
      const rank = MESH_KIND_RANK[w.resolution.route.kind];
      if (!o.mesh || !o.explain.accepted || rank === undefined) continue;
      for (const port of o.mesh.ports) {
        const key = `${o.mesh.service.key}:${port}`;
        const current = best.get(key);
        if (!current || rank < (MESH_KIND_RANK[current] ?? rank))
          best.set(key, w.resolution.route.kind);
      }
    }
  }
  for (let i = 0; i < work.length; i++) {
    const w = work[i] as RouteWork;
    const kind = w.resolution.route.kind;
    if (MESH_KIND_RANK[kind] === undefined) continue;
    for (let j = 0; j < w.outcomes.length; j++) {
      const o = w.outcomes[j] as ParentOutcome;
      if (!o.mesh || !o.explain.accepted) continue;
      const winner = o.mesh.ports
        .map((port) => best.get(`${o.mesh?.service.key}:${port}`))
        .find((k) => k !== undefined && k !== kind);
      if (
        !winner ||
        o.mesh.ports.some((port) => best.get(`${o.mesh?.service.key}:${port}`) === kind)
      )
        continue;
      o.explain.accepted = false;
      o.explain.reason = RouteReason.Conflicted;
      o.explain.message = `a ${winner} binds the same port of Service ${o.mesh.service.namespace}/${o.mesh.service.name}, and a mesh applies only one route kind per port (GRPCRoute > HTTPRoute > TLSRoute > TCPRoute)`;
    }
  }
}
