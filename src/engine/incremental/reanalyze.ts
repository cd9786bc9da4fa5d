/**
 * The incremental pass: analyse revision n+1 from revision n, re-running only what the edit's
 * objects feed, and reusing the rest of revision n by reference (nothing reused is ever changed
 * afterwards, by this pass or by any consumer of an Analysis).
 *
 * It handles the keystroke that matters at scale: one or a few routes edited inside their rules
 * (a weight, a backend, a filter), every document where it was. For such an edit, each stage's
 * inputs are known:
 * - status: a route's attachment verdicts (and so every Gateway's and listener's status, the
 *   attachedRoutes counts, the HTTPRoute/GRPCRoute clash) read its metadata, parentRefs,
 *   hostnames and its rules' validity only; its own ResolvedRefs and PartiallyInvalid conditions
 *   read its rules. So the route's rules are resolved again and its status rewritten from the
 *   settled verdicts of revision n, once the attachment inputs are proven equal.
 * - route table: the route's entries are rebuilt; their positions stand when every entry ranks
 *   and matches as before (only what they forward to differs). When one route's entries rank
 *   anew (its path edited), they move within the virtual hosts the route serves, which its
 *   unchanged attachment inputs keep the same (rerankRoute.ts).
 * - lint: only the per-route backend rule reads backends; precedence findings read the table's
 *   matches, which stand, or, when a route re-ranked, run again and may change only the edited
 *   route's own findings (the other routes' findings and graph nodes are reused).
 * - graph: the route's node and its own edges.
 * A Service, Namespace, ReferenceGrant or policy edited in place is proven apart: by who reads it
 * (serviceEdit.ts, namespaceEdit.ts, policyEdit.ts), or by resolving again the routes that may
 * read it (grantEdit.ts). Each proof compares what revision n and n+1 give for the edited objects
 * alone; when any fails, or the edit is of another kind (an object added, removed, moved or
 * renamed, a Gateway or GatewayClass edited, another world or readings), the caller runs the full
 * pipeline. The result deep-equals a fresh analysis of the same text (revisionCache.test.ts and
 * reanalyze.test.ts check it on random edit sequences).
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import { errorMarksMoved } from "./errorMarks";
import { keyedLookup, positionIndex, positionsOf } from "./positions";
import { manifestPositions, patchIndex } from "./patchIndex";
import { appendAll } from "../collections/appendAll";
import { isRouteKind, type RouteKind } from "../api/kinds";
import type { AnalyzedRevision, StageOutputs } from "../analyze";
import { mergeDiagnostics, summarize } from "../analyze";
import type { Analysis, RevisionAnalysis } from "../analysisTypes";
import { buildGraphEdges, type MissingTarget } from "../graph/buildGraphEdges";
import { buildGraphNodes } from "../graph/buildGraphNodes";
import { markObjectErrors } from "../graph/buildSemanticGraph";
import type { GraphEdge, GraphNode } from "../graph/types";
import type { RevisionGraph } from "../graph/edgeChunks";
import { edgeAt, forEachEdge, withEdgesReplaced } from "./patchEdges";
import { withGhostsReplaced } from "./ghostNodes";
import { parseFieldPath } from "../fixits/buildSuggestedValueFixes";
import { findBackendProblems } from "../lint/findBackendProblems";
import { BACKEND_RULE_INDEX, lintRule, TABLE_RULE_INDEXES } from "../lint/lintAnalysis";
import type { LintFinding, LintInput } from "../lint/lintTypes";
import { listKind, type ResourceIndex } from "../resolve/indexResources";
import { DEFAULT_WORLD_MODE } from "../resolve/world";
import { droppedRules, routeCandidates, type Candidate } from "../routing/collectCandidates";
import type { RankKey } from "../routing/precedence";
import { rerankedEntries } from "./rerankRoute";
import { serviceEditReach } from "./serviceEdit";
import { reachesNamedService, servicesPoliciesName } from "./backendTlsReach";
import { rivalKindShares } from "./kindClash";
import { sameApartFromLines, shiftedRevision } from "./shiftLocations";
import { namespaceEditReach, withNamespacesReplaced } from "./namespaceEdit";
import { framesPointedAt, grantEditReach } from "./grantEdit";
import { policyEditReach } from "./policyEdit";
import { gatewayListenerEdit } from "./gatewayEdit";
import { mayBePolicy } from "../resolve/resolvePolicyAttachments";
import { tableRulesStand, type TableSide } from "./localTableLint";
import { patchRouteFindings, type RouteFindings } from "./routeDiagnostics";
import {
  attachOnItsOwn,
  reconciledListeners,
  rehostTable,
  sameAttachmentButHosts,
  type RouteAttachmentOnItsOwn,
} from "./rehostRoute";
import type { GatewayListeners } from "../status/buildGatewayListeners";
import { meshService } from "../mesh/collectMeshModel";
import type { MeshModel } from "../mesh/meshTypes";
import type {
  RouteTable,
  RouteTableEntry,
  RouteTableListener,
  RouteTableVirtualHost,
} from "../routing/types";
import { parentStatus, resolveRouteReporting } from "../status/computeRouteStatuses";
import { markRouteBackends } from "../status/markRouteBackends";
import { describeRule, type RouteResolution } from "../status/resolveRoute";
import { assumptionDiagnostics, type StatusContext } from "../status/statusContext";
import type { ValidatedLoad } from "../validate/loadValidated";
import type {
  AnalyzeOptions,
  Diagnostic,
  Manifest,
  ResolvedBackendRef,
  ResolvedRoute,
  RouteStatus,
  SourceFile,
  StatusReport,
} from "../types";

// The loader's side of the pass (a file loaded around its edit), in this on-demand module too.
export { reloadFile } from "../load/reloadFile";

const EPOCH = "1970-01-01T00:00:00Z";

const routePositions = positionIndex<ResolvedRoute>((r) => r.key);

/**
 * More edited objects than this in one revision is a paste or a bulk change, not a keystroke:
 * the full pipeline is as fast and simpler to trust.
 */
const MAX_EDITED_OBJECTS = 16;

export interface Reanalysis {
  /** The new revision, when reuse was proven; else undefined and `fallback` says why. */
  revision?: AnalyzedRevision;
  fallback?: string;
  /** Which proofs the reuse took (tests check each is exercised). */
  proofs?: readonly ReuseProof[];
}

/**
 * - "route-rules": a route edited inside its rules, its entries where they were;
 * - "route-rerank": a route's entries re-ranked in the hosts it serves (a path edited);
 * - "route-hosts": a route's hostnames edited, its entries moved between hosts (rehostRoute.ts);
 * - "service": a Service edited that no other object reads the change of (serviceEdit.ts);
 * - "table-rules-stand": after entries moved, the table lint rules found nothing on the hosts
 *   they moved in, so they were not run over the whole table (localTableLint.ts);
 * - "tls-policies-unread": the input holds BackendTLSPolicies, and the edited routes and Services
 *   reach none of the Services they name (backendTlsReach.ts);
 * - "no-kind-rival": a route's hostnames edited while the input holds routes of the other
 *   clashing kind, none of them on a listener the route is checked against (kindClash.ts);
 * - "lines-moved": lines were added or removed, and revision n's located results were carried to
 *   the new lines (shiftLocations.ts);
 * - "route-findings": what an edited route's references report changed (a backendRef naming a
 *   Service the input lacks), replaced in the status stage's findings (routeDiagnostics.ts);
 * - "ghosts-moved": an edited route's edge moved onto or off a missing object, the graph's
 *   ghosts drawn again from its edges (ghostNodes.ts);
 * - "namespace-labels-unread": a Namespace edited while nothing selects namespaces by label
 *   (namespaceEdit.ts);
 * - "grant-readers": a ReferenceGrant edited, the routes whose references cross into its namespace
 *   resolved again as if edited, its node, edges and the namespace frames rebuilt (grantEdit.ts);
 * - "policy-spec": a policy edited with its targetRefs as they were: only its node and summary
 *   change (policyEdit.ts);
 * - "gateway-listeners": a Gateway's listener edited (a port, a protocol, allowedRoutes), every
 *   route naming it attaching as before: the Gateway's status, model, table listeners, node and
 *   lint worked out again (gatewayEdit.ts).
 */
export type ReuseProof =
  | "route-rules"
  | "route-rerank"
  | "route-hosts"
  | "service"
  | "table-rules-stand"
  | "tls-policies-unread"
  | "no-kind-rival"
  | "lines-moved"
  | "route-findings"
  | "ghosts-moved"
  | "namespace-labels-unread"
  | "grant-readers"
  | "policy-spec"
  | "gateway-listeners";

/** One Service edited in place, proven to reach no other object (serviceEdit.ts). */
interface ServiceEdit {
  position: number;
  before: Manifest;
  after: Manifest;
}

/** One route edited in place: its manifest and resolution in revision n and n+1. */
interface RouteEdit {
  key: ResourceKey;
  position: number;
  before: Manifest;
  after: Manifest;
  kind: RouteKind;
  old: RouteResolution;
  next: RouteResolution;
  /** Set when the route's hostnames changed: its attachment on its own in each revision. */
  attach?: { was: RouteAttachmentOnItsOwn; now: RouteAttachmentOnItsOwn };
}

export function reanalyze(
  previous: AnalyzedRevision,
  sources: readonly SourceFile[],
  options: AnalyzeOptions,
  loaded: ValidatedLoad,
): Reanalysis {
  const fallback = (why: string): Reanalysis => ({ fallback: why });
  const world = options.world ?? DEFAULT_WORLD_MODE;
  if (world !== previous.analysis.world) return fallback("the world changed");
  if (!sameJson(options.readings, previous.options.readings))
    return fallback("the readings changed");
  let stages = previous.stages;
  const edited = editedPositions(stages.manifests, loaded.manifests);
  if (typeof edited === "string") return fallback(edited);
  const { changed, reparsed, linesMoved } = edited;
  // Lines added or removed: revision n's located results carried to the new lines first.
  const shifted = linesMoved ? shiftedRevision(previous, loaded, reparsed) : undefined;
  if (typeof shifted === "string") return fallback(shifted);
  if (shifted !== undefined) stages = shifted.stages;
  const sameReport = linesMoved ? sameApartFromLines : sameJson;
  if (!sameJson(stages.loadDiagnostics, loaded.loadDiagnostics))
    return fallback("what the loader reports changed");
  const index = previous.index;
  const backendTLSPolicies = listKind(index, "BackendTLSPolicy").length > 0;

  const now = (options.clock ?? (() => EPOCH))();
  const context = (idx: ResourceIndex, locator: StatusContext["locator"]): StatusContext => {
    const ctx: StatusContext = {
      index: idx,
      locator,
      now,
      diagnostics: [],
      assumptions: new Map(),
    };
    if (options.readings !== undefined) ctx.readings = options.readings;
    return ctx;
  };
  const nextIndex = patchIndex(index, {
    before: stages.manifests,
    after: loaded.manifests,
    at: shifted === undefined ? changed : shifted.movedAt,
  });

  const analysis = shifted?.analysis ?? previous.analysis;
  const settled = settledOf(analysis);
  let listeners: ReadonlyMap<string, GatewayListeners> | undefined;
  // Which of the narrower proofs the edits took (ReuseProof), for the tests that check each runs.
  let rivalFree = false;
  let tlsUnread = false;
  /** The edited route attached on its own in both revisions (rehostRoute.ts), or why not. */
  const reattach = (
    oldCtx: StatusContext,
    nextCtx: StatusContext,
    before: Manifest,
    after: Manifest,
    oldRoute: ResolvedRoute,
    nextRoute: ResolvedRoute,
  ): NonNullable<RouteEdit["attach"]> | string => {
    const kind = after.kind;
    if (kind !== "HTTPRoute" && kind !== "GRPCRoute")
      return `the hostnames of a ${kind} changed (only HTTPRoute and GRPCRoute hosts move)`;
    listeners ??= reconciledListeners(analysis, previous.listeners);
    const was = attachOnItsOwn(oldCtx, before, oldRoute, listeners);
    const now = attachOnItsOwn(nextCtx, after, nextRoute, listeners);
    if (was.mesh || now.mesh) return "the route's hostnames changed and it has a mesh parent";
    // The HTTPRoute/GRPCRoute clash reads only listeners that hold both kinds (kindClash.ts).
    if (rivalKindShares(index, analysis, kind, [was.explain, now.explain]))
      return "a route's hostnames changed on a listener where a route of the other kind may clash";
    if (listKind(index, kind === "HTTPRoute" ? "GRPCRoute" : "HTTPRoute").length > 0)
      rivalFree = true;
    if (
      !sameJson(was.explain, settled.explain(after.key)) ||
      !sameJson(was.attachments, settled.attachments(after.key))
    )
      return "revision n's verdicts for the route read other routes";
    if (!sameAttachmentButHosts(was, now))
      return "the route's hostnames changed where it attaches or its verdicts";
    if (droppedRules(oldRoute).length > 0 || droppedRules(nextRoute).length > 0)
      return "the route's hostnames changed and it has dropped rules";
    return { was, now };
  };
  // A Gateway's listener typed: its own part of each stage is worked out again (gatewayEdit.ts).
  const gatewayAt = changed.length === 1 ? (changed[0] as number) : -1;
  const gatewayBefore = stages.manifests[gatewayAt];
  const gatewayAfter = loaded.manifests[gatewayAt];
  if (
    gatewayBefore?.kind === "Gateway" &&
    gatewayAfter?.kind === "Gateway" &&
    gatewayBefore.modelled &&
    gatewayAfter.modelled
  ) {
    if (index.byKey.get(gatewayBefore.key) !== gatewayBefore)
      return fallback("the edited object is a duplicate");
    const patch = gatewayListenerEdit({
      analysis,
      listeners: previous.listeners,
      lintByRule: stages.lintByRule,
      index,
      was: { gateway: gatewayBefore, ctx: () => context(index, stages.locator) },
      now: { gateway: gatewayAfter, ctx: () => context(nextIndex, loaded.locator) },
      route: (key) => analysis.routes[positionsOf(routePositions, analysis.routes, key)[0] ?? -1],
      lint: {
        manifests: loaded.manifests,
        locator: loaded.locator,
        explain: analysis.explain,
        routes: analysis.routes,
        attachments: analysis.attachments,
        world,
        ...(analysis.readings !== undefined ? { readings: analysis.readings } : {}),
      },
      sameReport,
    });
    if (typeof patch === "string") return fallback(patch);
    if (!locatedAlike(stages, gatewayAfter, loaded.locator))
      return fallback("a finding of revision n points elsewhere in the edited document now");
    const lint = patch.lintByRule === stages.lintByRule ? analysis.lint : patch.lintByRule.flat();
    const diagnostics =
      lint === analysis.lint && sameJson(stages.validationDiagnostics, loaded.validationDiagnostics)
        ? analysis.diagnostics
        : mergeDiagnostics(
            loaded.loadDiagnostics,
            loaded.validationDiagnostics,
            stages.statusDiagnostics,
            lint,
            stages.drift,
          );
    const summary = summarize(gatewayAfter);
    let objects = analysis.objects;
    if (!sameJson(summary, objects[gatewayAt])) {
      objects = objects.slice();
      objects[gatewayAt] = summary;
    }
    const graph = patch.graph(objects, diagnostics);
    if (typeof graph === "string") return fallback(graph);
    const proofs: ReuseProof[] = ["gateway-listeners"];
    if (linesMoved) proofs.push("lines-moved");
    return {
      proofs,
      revision: {
        analysis: {
          ...analysis,
          objects,
          diagnostics,
          lint,
          explain: patch.explain,
          status: patch.status,
          gateways: patch.gateways,
          routeTable: patch.routeTable,
          graph,
        },
        sources,
        options,
        index: nextIndex,
        written: loaded.written,
        listeners: patch.listeners,
        stages: {
          ...stages,
          manifests: loaded.manifests,
          locator: loaded.locator,
          loadDiagnostics: loaded.loadDiagnostics,
          validationDiagnostics: loaded.validationDiagnostics,
          lintByRule: patch.lintByRule,
        },
      },
    };
  }
  const edits: RouteEdit[] = [];
  const services: ServiceEdit[] = [];
  const findings: RouteFindings[] = [];
  /** Objects edited in place that no other object reads (a Namespace) or whose readers are
   * resolved again below (a ReferenceGrant): their own summary, node and edges are rebuilt. */
  const ownEdits: ServiceEdit[] = [];
  const namespaces: Manifest[] = [];
  const policies: Manifest[] = [];
  const grantReaders: Manifest[] = [];
  /** A route resolved again in revision n+1 (edited, or reading an edited grant), or why not. */
  const editRoute = (i: number, before: Manifest, after: Manifest): string | undefined => {
    const kind = after.kind;
    if (!isRouteKind(kind) || !after.modelled || !before.modelled || before.kind !== kind)
      return `${after.kind} ${after.name} is not a route: others read it`;
    if (index.byKey.get(before.key) !== before) return "the edited object is a duplicate";
    if (after.body["status"] !== undefined || before.body["status"] !== undefined)
      return "the route carries a written status (drift compares it)";
    // Policy attachments read a route's key and group only (resolvePolicyAttachments): with both
    // the same, every policy's target, the effective policies and the policy edges stand.
    if (before.group !== after.group) return "the route's API group changed";
    // The route's own resolution, in each revision, on its own: what it reports must not change.
    const oldCtx = context(index, stages.locator);
    const nextCtx = context(nextIndex, loaded.locator);
    const old = resolveRouteReporting(oldCtx, before, kind);
    const next = resolveRouteReporting(nextCtx, after, kind);
    // The mesh model carries such a route's second resolution (MeshModel.routes).
    if (old.meshView !== undefined || next.meshView !== undefined)
      return "the route's Service parents see other backends than its Gateway parents";
    if (attachmentInputs(before, old.route, false) !== attachmentInputs(after, next.route, false))
      return "the route's attachment inputs changed (parents, rule validity)";
    let attach: RouteEdit["attach"];
    if (attachmentInputs(before, old.route, true) !== attachmentInputs(after, next.route, true)) {
      // Its hostnames changed: attached again on its own, it must attach where it did.
      const reattached = reattach(oldCtx, nextCtx, before, after, old.route, next.route);
      if (typeof reattached === "string") return reattached;
      attach = reattached;
    }
    // A BackendTLSPolicy reads only the Services it names (backendTlsReach.ts): a route that
    // reaches none of them, before or after, has no SNI mark and no policy's status reads it.
    const named = backendTLSPolicies ? servicesPoliciesName(index) : undefined;
    if (
      named !== undefined &&
      (reachesNamedService(old.route, named) || reachesNamedService(next.route, named))
    ) {
      // BackendTLSPolicy status reads which Services (and ports) accepted routes forward to, and
      // marks those backends with the policy's SNI (withBackendTLS): both stand when the route
      // forwards to the same Services and ports, backend by backend.
      const routesBefore = previous.analysis.routes;
      const [first] = positionsOf(routePositions, routesBefore, before.key);
      const settled = first === undefined ? undefined : routesBefore[first];
      if (settled === undefined || backendTargets(old.route) !== backendTargets(next.route))
        return "the route's backends changed and a BackendTLSPolicy reads them";
      next.route = withSettledBackendTLS(next.route, settled);
    } else if (named !== undefined) tlsUnread = true;
    // What the route's references report (a Service it names missing) is patched in place below.
    findings.push({ key: after.key, was: oldCtx.diagnostics, now: nextCtx.diagnostics });
    if (
      !sameReport(assumptionDiagnostics(oldCtx), assumptionDiagnostics(nextCtx)) ||
      !sameJson(
        [...oldCtx.assumptions.values()].map((a) => a.object),
        [...nextCtx.assumptions.values()].map((a) => a.object),
      )
    )
      return "the objects the route makes the world assume changed";
    // Its reference findings are not reused: they are replaced by the new ones (patchRouteFindings).
    if (!locatedAlike(stages, after, loaded.locator, oldCtx.diagnostics))
      return "a finding of revision n points elsewhere in the edited document now";
    const edit: RouteEdit = { key: after.key, position: i, before, after, kind, old, next };
    if (attach !== undefined) edit.attach = attach;
    edits.push(edit);
    return undefined;
  };
  for (const i of changed) {
    const before = stages.manifests[i] as Manifest;
    const after = loaded.manifests[i] as Manifest;
    const kind = after.kind;
    const own = before.kind === kind && after.modelled && before.modelled;
    // A policy of a kind gwsim does not model is read by its targetRefs all the same.
    const policy = before.kind === kind && !isRouteKind(kind) && mayBePolicy(kind);
    if (
      policy ||
      (own && (kind === "Service" || kind === "Namespace" || kind === "ReferenceGrant"))
    ) {
      if (index.byKey.get(before.key) !== before)
        return fallback("the edited object is a duplicate");
      if (kind === "Service") {
        const reach = serviceEditReach(previous.analysis, index, before, after);
        if (reach !== undefined) return fallback(reach);
        if (backendTLSPolicies) tlsUnread = true;
      } else if (kind === "Namespace") {
        const reach = namespaceEditReach(index, before, after);
        if (reach !== undefined) return fallback(reach);
        namespaces.push(after);
      } else if (policy) {
        const reach = policyEditReach(previous.analysis, before, after);
        if (reach !== undefined) return fallback(reach);
        policies.push(after);
      } else {
        const readers = grantEditReach(index, before, after);
        if (typeof readers === "string") return fallback(readers);
        appendAll(grantReaders, readers);
      }
      if (!locatedAlike(stages, after, loaded.locator))
        return fallback("a finding of revision n points elsewhere in the edited document now");
      (kind === "Service" ? services : ownEdits).push({ position: i, before, after });
      continue;
    }
    const why = editRoute(i, before, after);
    if (why !== undefined) return fallback(why);
  }
  // The routes whose references cross into an edited grant's namespace, as if edited: each is
  // resolved against the new grant, and the route proofs decide what of revision n stands.
  for (const reader of grantReaders) {
    if (edits.some((e) => e.key === reader.key)) continue;
    const [at, more] = positionsOf(manifestPositions, stages.manifests, reader.key);
    if (at === undefined || more !== undefined)
      return fallback("a route reading the edited grant is declared twice");
    const why = editRoute(at, stages.manifests[at] as Manifest, loaded.manifests[at] as Manifest);
    if (why !== undefined) return fallback(why);
  }
  if (edits.some((e) => e.attach !== undefined) && changed.length > 1)
    return fallback("a route's hostnames changed beside other edits");

  const statusFindings = patchRouteFindings(
    stages.statusDiagnostics,
    stages.statusRouteDiagnostics,
    findings,
    (key) => {
      const at = positionsOf(manifestPositions, nextIndex.manifests, key);
      return at.length === 1 ? at[0] : undefined;
    },
  );
  if (typeof statusFindings === "string") return fallback(statusFindings);
  const statusDiagnostics = statusFindings.diagnostics;
  const statusCtx = context(nextIndex, loaded.locator);
  // Copied only when a route's status reads otherwise (a weight edit writes the same conditions).
  let status: StatusReport = analysis.status;
  for (const e of edits) {
    const verdicts = e.attach?.now.explain ?? settled.explain(e.key);
    const rewritten = rewriteRouteStatus(statusCtx, analysis, e, verdicts);
    if (rewritten === "mismatch") return fallback("the route's parents changed");
    if (rewritten === undefined || sameJson(rewritten, analysis.status[e.key])) continue;
    if (status === analysis.status) status = { ...analysis.status };
    status[e.key] = rewritten;
  }
  // Kept as it was when no route changed: what is known about it (positions, the Services its
  // backendRefs name) serves the next edit too.
  let routes = analysis.routes;
  if (edits.length > 0) {
    routes = routes.slice();
    for (const e of edits)
      for (const i of positionsOf(routePositions, analysis.routes, e.key)) routes[i] = e.next.route;
    routePositions.carry(analysis.routes, routes);
  }

  // A hostname edit replaces the route's verdicts and attachments where they sat.
  let explain = analysis.explain;
  let attachments = analysis.attachments;
  for (const e of edits) {
    if (e.attach === undefined) continue;
    const xs = positionsOf(explainPositions, analysis.explain, e.key);
    const as = positionsOf(attachmentPositions, analysis.attachments, e.key);
    if (xs.length !== e.attach.now.explain.length || as.length !== e.attach.now.attachments.length)
      return fallback("the route's verdicts do not line up with revision n's");
    if (explain === analysis.explain) explain = explain.slice();
    if (attachments === analysis.attachments) attachments = attachments.slice();
    xs.forEach((at, k) => (explain[at] = e.attach?.now.explain[k] as Explain));
    as.forEach((at, k) => (attachments[at] = e.attach?.now.attachments[k] as Attachment));
  }
  explainPositions.carry(analysis.explain, explain);
  attachmentPositions.carry(analysis.attachments, attachments);

  const rehosted = edits.find((e) => e.attach !== undefined);
  const patched =
    edits.length === 0
      ? { table: analysis.routeTable, reranked: false }
      : rehosted?.attach !== undefined
        ? rehost(analysis.routeTable, rehosted, routes, analysis.attachments)
        : patchRouteTable(analysis.routeTable, edits, routes);
  if (patched === undefined) return fallback("an edited route's table entries cannot be placed");
  const routeTable = patched.table;

  let lintByRule = patchBackendFindings(stages.lintByRule, edits, routes, loaded.locator);
  const standLocally = () => {
    if (patched.touched === undefined) return false;
    const side = (
      table: RouteTable,
      idx: ResourceIndex,
      locator: StatusContext["locator"],
      list: Pick<Analysis, "routes" | "attachments" | "explain">,
    ): TableSide => ({
      table,
      index: idx,
      locator,
      route: (key) => list.routes[positionsOf(routePositions, list.routes, key)[0] ?? -1],
      attachments: (key) =>
        positionsOf(attachmentPositions, list.attachments, key).map(
          (i) => list.attachments[i] as Attachment,
        ),
      explain: (key) =>
        positionsOf(explainPositions, list.explain, key).map((i) => list.explain[i] as Explain),
    });
    return tableRulesStand(
      side(analysis.routeTable, index, stages.locator, analysis),
      side(routeTable, nextIndex, loaded.locator, { routes, attachments, explain }),
      patched.touched,
      { gateways: analysis.gateways, world, hostsMoved: patched.hostsMoved === true },
    );
  };
  const tableRulesLocal = patched.reranked && standLocally();
  if (patched.reranked && !tableRulesLocal) {
    // The precedence rules read the whole order: run again, they may speak of other routes only
    // as before (their graph nodes and findings are reused).
    const input: LintInput = {
      manifests: loaded.manifests,
      locator: loaded.locator,
      explain,
      gateways: analysis.gateways,
      routes,
      attachments,
      routeTable,
      world,
      ...(analysis.readings !== undefined ? { readings: analysis.readings } : {}),
    };
    const edited = new Set<ResourceKey>(edits.map((e) => e.key));
    const others = (findings: readonly LintFinding[]) =>
      findings.filter((f) => {
        const owner = ownerOf(f);
        return owner === undefined || !edited.has(owner);
      });
    const rules = lintByRule.slice();
    for (const i of TABLE_RULE_INDEXES) {
      const fresh = lintRule(i, input);
      if (!sameJson(others(fresh), others(rules[i] ?? [])))
        return fallback("the re-ranked route changes what precedence says of other routes");
      rules[i] = fresh;
    }
    lintByRule = rules;
  }
  const lint = lintByRule === stages.lintByRule ? analysis.lint : lintByRule.flat();
  const diagnostics =
    lint === analysis.lint &&
    statusDiagnostics === stages.statusDiagnostics &&
    sameJson(stages.validationDiagnostics, loaded.validationDiagnostics)
      ? analysis.diagnostics
      : mergeDiagnostics(
          loaded.loadDiagnostics,
          loaded.validationDiagnostics,
          statusDiagnostics,
          lint,
          stages.drift,
        );
  let objects = analysis.objects;
  for (const e of [...edits, ...services, ...ownEdits]) {
    const summary = summarize(e.after);
    if (sameJson(summary, objects[e.position])) continue;
    if (objects === analysis.objects) objects = objects.slice();
    objects[e.position] = summary;
  }

  const ghostsMoved: ReuseProof[] = [];
  const patchedGraph = patchGraph(
    analysis,
    edits,
    settled,
    { status, routes, objects, diagnostics },
    ghostsMoved,
  );
  if (patchedGraph === undefined) return fallback("an edited route's edges changed shape");
  const grants = ownEdits.filter((e) => e.after.kind === "ReferenceGrant");
  const drawnAlone = ownEdits.filter((e) => e.after.kind !== "Namespace");
  const redrawn = new Set<string>(edits.map((e) => e.key));
  for (const e of [...services, ...drawnAlone]) redrawn.add(e.after.key);
  // Against revision n's own diagnostics, whose first errors its graph shows (the shifted
  // analysis already holds the reparsed documents' new ones).
  if (errorMarksMoved(previous.analysis.diagnostics, diagnostics, redrawn))
    return fallback("an object's first error changed and its node is not drawn again");
  const withNodes = patchOwnNodes(patchedGraph, analysis, [...services, ...drawnAlone], {
    objects,
    diagnostics,
  });
  if (withNodes === undefined) return fallback("an edited Service or grant has no node of its own");
  const graph = patchGrantEdges(withNodes, grants);
  if (graph === undefined) return fallback("an edited grant admits namespaces in other entries");
  const mesh = patchMeshServices(analysis.mesh, services);

  const next: RevisionAnalysis = {
    ...analysis,
    objects,
    diagnostics,
    lint,
    status,
    routes,
    routeTable,
    graph,
    mesh,
    explain,
    attachments,
  };
  const nextStages: StageOutputs = {
    ...stages,
    manifests: loaded.manifests,
    locator: loaded.locator,
    loadDiagnostics: loaded.loadDiagnostics,
    validationDiagnostics: loaded.validationDiagnostics,
    statusDiagnostics,
    statusRouteDiagnostics: statusFindings.span,
    lintByRule,
  };
  const proofs: ReuseProof[] = [];
  if (services.length > 0) proofs.push("service");
  if (namespaces.length > 0) proofs.push("namespace-labels-unread");
  if (grants.length > 0) proofs.push("grant-readers");
  if (policies.length > 0) proofs.push("policy-spec");
  if (rehosted !== undefined) proofs.push("route-hosts");
  else if (patched.reranked) proofs.push("route-rerank");
  else if (edits.length > 0) proofs.push("route-rules");
  if (tableRulesLocal) proofs.push("table-rules-stand");
  if (tlsUnread) proofs.push("tls-policies-unread");
  if (rivalFree) proofs.push("no-kind-rival");
  if (linesMoved) proofs.push("lines-moved");
  if (statusDiagnostics !== stages.statusDiagnostics) proofs.push("route-findings");
  if (ghostsMoved.length > 0) proofs.push("ghosts-moved");
  return {
    proofs,
    revision: {
      analysis: next,
      sources,
      options,
      index:
        namespaces.length === 0
          ? nextIndex
          : { ...nextIndex, namespaces: withNamespacesReplaced(nextIndex, namespaces) },
      written: loaded.written,
      listeners: previous.listeners,
      stages: nextStages,
    },
  };
}

/**
 * Positions of the objects the edit changed, of those read again (changed, or only laid out
 * anew), and whether any object's lines moved (shiftLocations.ts), or why the edit is not in place. An unchanged document's typed body
 * is the very object of the previous analysis (the parse cache and the validation cache keep it,
 * at its new lines too), so comparing references finds the edited ones without reading them.
 */
function editedPositions(
  before: readonly Manifest[],
  after: readonly Manifest[],
): { changed: number[]; reparsed: number[]; linesMoved: boolean } | string {
  if (before.length !== after.length) return "objects were added or removed";
  const changed: number[] = [];
  const reparsed: number[] = [];
  let linesMoved = false;
  for (let i = 0; i < after.length; i++) {
    const a = before[i] as Manifest;
    const b = after[i] as Manifest;
    if (a.key !== b.key) return "an object was renamed or moved";
    if (!samePlaceInDocument(a.source, b.source)) return "an object moved to another file";
    // A `---` typed or deleted before it renumbers its document: moved like lines (shiftLocations.ts).
    if (
      a.source.line !== b.source.line ||
      a.source.endLine !== b.source.endLine ||
      a.source.docIndex !== b.source.docIndex
    )
      linesMoved = true;
    if (a.body !== b.body || a.apiVersion !== b.apiVersion || a.modelled !== b.modelled) {
      reparsed.push(i);
      // Its text changed but not what it says (a line added or removed in it): laid out anew,
      // the same object, whatever its kind (its places are found again: shiftLocations.ts).
      if (a.apiVersion === b.apiVersion && a.modelled === b.modelled && sameJson(a.body, b.body)) {
        linesMoved = true;
        continue;
      }
      changed.push(i);
      if (changed.length > MAX_EDITED_OBJECTS) return "too many objects changed";
    }
  }
  if (changed.length === 0 && !linesMoved) return "no object changed";
  return { changed, reparsed, linesMoved };
}

/** The same file, column and list item; the document index may differ (renumbered). */
function samePlaceInDocument(a: Manifest["source"], b: Manifest["source"]): boolean {
  return a.column === b.column && a.listIndex === b.listIndex && a.file === b.file;
}

/**
 * Everything about a route that the attachment verdicts of every parent read: identity and
 * age, labels, the spec but its rules, and of the rules only whether each is valid (and why).
 * `withHostnames` false leaves the hostnames out: a hostname edit is proven apart (rehostRoute.ts).
 */
function attachmentInputs(m: Manifest, route: ResolvedRoute, withHostnames: boolean): string {
  const { rules: _rules, hostnames, ...spec } = m.spec;
  return JSON.stringify([
    m.labels,
    m.annotations,
    m.creationTimestamp,
    m.generation,
    spec,
    withHostnames ? [hostnames, route.hostnames] : null,
    route.rules.map((r) => [
      r.index,
      r.name,
      r.valid,
      r.invalidReason,
      r.invalidMessage,
      describeRule(r),
    ]),
  ]);
}

/**
 * The route's status from the settled verdicts of revision n (its explains, in order) and its
 * new resolution; undefined when it writes none, "mismatch" when revision n does not line up.
 */
function rewriteRouteStatus(
  ctx: StatusContext,
  analysis: Pick<Analysis, "status">,
  e: RouteEdit,
  explain: Analysis["explain"],
): RouteStatus | undefined | "mismatch" {
  const before = analysis.status[e.key] as RouteStatus | undefined;
  const explains = explain.filter((x) => x.noStatusReason === undefined);
  if (explains.length !== (before?.parents.length ?? 0)) return "mismatch";
  if (before === undefined) return undefined;
  const parents = explains.map((x, i) =>
    parentStatus(ctx, e.after, e.next, x, before.parents[i]?.controllerName ?? ""),
  );
  return { parents };
}

/** Revision n's attachment verdicts and attachments of the edited routes, in their order. */
interface Settled {
  explain(route: ResourceKey): Analysis["explain"];
  attachments(route: ResourceKey): Analysis["attachments"];
}

type Explain = Analysis["explain"][number];
type Attachment = Analysis["attachments"][number];
// The explain and attachment lists stand from revision to revision (an in-place edit keeps them):
// their positions are found once and serve every later edit.
const explainPositions = positionIndex<Explain>((x) => x.route);
const attachmentPositions = positionIndex<Attachment>((a) => a.route);

function settledOf(analysis: Pick<Analysis, "explain" | "attachments">): Settled {
  const pick = <T>(list: readonly T[], at: readonly number[]) => at.map((i) => list[i] as T);
  return {
    explain: (route) =>
      pick(analysis.explain, positionsOf(explainPositions, analysis.explain, route)),
    attachments: (route) =>
      pick(analysis.attachments, positionsOf(attachmentPositions, analysis.attachments, route)),
  };
}

/** Every backend and mirror backend of a route, by position: valid, the Service, the port. */
function backendTargets(route: ResolvedRoute): string {
  const at = (ref: ResolvedBackendRef | undefined) =>
    ref === undefined ? null : [ref.valid, ref.target ?? null, ref.port ?? null];
  return JSON.stringify(
    route.rules.map((rule) => [
      rule.backendRefs.map(at),
      rule.filters.map((f) => at(f.mirrorBackend)),
    ]),
  );
}

/**
 * The route with the SNI marks its settled self carries (withBackendTLS), backend by backend;
 * backendTargets() proved both forward to the same Services and ports, so the marks are the ones
 * withBackendTLS would give. Shaped as withBackendTLS shapes it (new objects only where marked).
 */
function withSettledBackendTLS(route: ResolvedRoute, settled: ResolvedRoute): ResolvedRoute {
  return markRouteBackends(route, (ref, at) => {
    const rule = settled.rules[at.rule];
    const was =
      at.filter === undefined
        ? rule?.backendRefs[at.backendRef]
        : rule?.filters[at.filter]?.mirrorBackend;
    return was?.backendTLS === undefined ? ref : { ...ref, backendTLS: was.backendTLS };
  });
}

/**
 * The patched table; when entries moved (`reranked`), the hosts they moved in (listener position
 * → hostnames) and whether hosts came or went (a hostname edit), for the table lint rules.
 */
interface PatchedTable {
  table: RouteTable;
  reranked: boolean;
  touched?: ReadonlyMap<number, ReadonlySet<string>>;
  hostsMoved?: boolean;
}

/** RouteTableEntry without what it forwards to: what its rank and the lint precedence read. */
function rankedPart(entry: RouteTableEntry): string {
  const { backends: _backends, ...rest } = entry;
  return JSON.stringify(rest);
}

/**
 * The table of revision n with each edited route's entries rebuilt in place. Undefined when an
 * entry would rank or match differently (then precedence must be settled anew).
 */
function patchRouteTable(
  table: RouteTable,
  edits: readonly RouteEdit[],
  routes: readonly ResolvedRoute[],
): PatchedTable | undefined {
  const fresh = new Map<ResourceKey, Map<string, RouteTableEntry>>();
  for (const e of edits) {
    const before = routeCandidates(e.old.route);
    const after = routeCandidates(e.next.route);
    if (!sameJson(droppedRules(e.old.route), droppedRules(e.next.route))) return undefined;
    const ranked =
      before.length === after.length &&
      after.every((b, i) => {
        const a = before[i] as Candidate;
        return rankedPart(a.entry) === rankedPart(b.entry) && sameJson(a.rank, b.rank);
      });
    if (!ranked) {
      // One route re-ranked (a path edited): its entries move within the hosts it serves.
      // A route with no entry before or after serves hosts the table does not show.
      if (edits.length !== 1 || before.length === 0 || after.length === 0) return undefined;
      const reranked = rerankTable(table, e.key, after, routes);
      return reranked === undefined
        ? undefined
        : { table: reranked.table, reranked: true, touched: reranked.touched, hostsMoved: false };
    }
    const byPosition = new Map<string, RouteTableEntry>();
    for (const b of after) byPosition.set(`${b.entry.ruleIndex}:${b.entry.matchIndex}`, b.entry);
    fresh.set(e.key, byPosition);
  }
  const listeners = table.listeners.slice();
  const copied = new Set<object>();
  const own = <T extends object>(value: T, copy: () => T): T => {
    if (copied.has(value)) return value;
    const fresh = copy();
    copied.add(fresh);
    return fresh;
  };
  for (const [route, byPosition] of fresh) {
    for (const [l, v, x] of tablePlacements.find(table, route)) {
      const listener = own(listeners[l] as RouteTableListener, () => ({
        ...(listeners[l] as RouteTableListener),
        virtualHosts: (listeners[l] as RouteTableListener).virtualHosts.slice(),
      }));
      listeners[l] = listener;
      const vhost = own(listener.virtualHosts[v] as RouteTableVirtualHost, () => ({
        ...(listener.virtualHosts[v] as RouteTableVirtualHost),
        entries: (listener.virtualHosts[v] as RouteTableVirtualHost).entries.slice(),
      }));
      listener.virtualHosts[v] = vhost;
      const was = vhost.entries[x] as RouteTableEntry;
      const entry = byPosition.get(`${was.ruleIndex}:${was.matchIndex}`);
      if (entry === undefined) continue;
      // As orderCandidates builds it: the candidate's entry, its rank, then any shadow.
      const placed: RouteTableEntry = { ...entry, rank: was.rank };
      if (was.shadowedBy !== undefined) placed.shadowedBy = was.shadowedBy;
      vhost.entries[x] = placed;
    }
  }
  const patched = { ...table, listeners };
  // Every entry is where it was, for the same route: the next edit finds them the same way.
  tablePlacements.carry(table, patched);
  return { table: patched, reranked: false };
}

/**
 * The table with `route`'s entries replaced by `candidates` in every virtual host it serves, each
 * where precedence puts it (rerankRoute.ts). The other entries' ranks are read from their routes,
 * which the edit left as they were. The placements are not handed on: entries moved.
 */
function rerankTable(
  table: RouteTable,
  route: ResourceKey,
  candidates: readonly Candidate[],
  routes: readonly ResolvedRoute[],
): { table: RouteTable; touched: Map<number, Set<string>> } | undefined {
  const rankOf = ranksOf(routes);
  const listeners = table.listeners.slice();
  const hosts = new Set<string>();
  const touched = new Map<number, Set<string>>();
  for (const [l, v] of tablePlacements.find(table, route)) {
    if (hosts.has(`${l}:${v}`)) continue;
    hosts.add(`${l}:${v}`);
    const listener = listeners[l] as RouteTableListener;
    const vhost = listener.virtualHosts[v] as RouteTableVirtualHost;
    const entries = rerankedEntries(vhost.entries, route, candidates, rankOf);
    if (entries === undefined) return undefined;
    const virtualHosts =
      listener === table.listeners[l] ? listener.virtualHosts.slice() : listener.virtualHosts;
    virtualHosts[v] = { ...vhost, entries };
    listeners[l] = { ...listener, virtualHosts };
    let names = touched.get(l);
    if (names === undefined) touched.set(l, (names = new Set()));
    names.add(vhost.hostname);
  }
  return { table: { ...table, listeners }, touched };
}

/**
 * Each table entry's rank, read from its route (the edit left the other routes as they were),
 * one route's candidates worked out on first need.
 */
function ranksOf(
  routes: readonly ResolvedRoute[],
): (entry: RouteTableEntry) => RankKey | undefined {
  const ranks = new Map<ResourceKey, Map<string, RankKey>>();
  return (entry) => {
    let byPosition = ranks.get(entry.route);
    if (byPosition === undefined) {
      byPosition = new Map();
      const [at] = positionsOf(routePositions, routes, entry.route);
      const owner = at === undefined ? undefined : routes[at];
      for (const c of owner === undefined ? [] : routeCandidates(owner))
        byPosition.set(`${c.entry.ruleIndex}:${c.entry.matchIndex}`, c.rank);
      ranks.set(entry.route, byPosition);
    }
    return byPosition.get(`${entry.ruleIndex}:${entry.matchIndex}`);
  };
}

/**
 * The table with a rehosted route's entries moved to the hosts it serves now (rehostRoute.ts).
 * Always re-ranked: the precedence rules read the hosts anew.
 */
function rehost(
  table: RouteTable,
  e: RouteEdit,
  routes: readonly ResolvedRoute[],
  attachments: readonly Attachment[],
): PatchedTable | undefined {
  if (e.attach === undefined) return undefined;
  const moved = rehostTable(
    table,
    e.key,
    e.attach.was.attachments,
    e.attach.now.attachments,
    routeCandidates(e.next.route),
    ranksOf(routes),
    attachments,
    [e.old.route.hostnames, e.next.route.hostnames],
  );
  return moved === undefined
    ? undefined
    : { table: moved.table, reranked: true, touched: moved.touched, hostsMoved: true };
}

/** Where a route's entries sit in a table: listener, virtual host, entry. */
type Placement = readonly [number, number, number];

const NO_PLACEMENT: readonly Placement[] = [];

/** Every entry's route and placement (listener, virtual host, entry), in table order. */
function forEachPlacement(
  table: RouteTable,
  visit: (route: ResourceKey, l: number, v: number, x: number) => void,
): void {
  const listeners = table.listeners;
  for (let l = 0; l < listeners.length; l++) {
    const vhosts = (listeners[l] as RouteTableListener).virtualHosts;
    for (let v = 0; v < vhosts.length; v++) {
      const entries = (vhosts[v] as RouteTableVirtualHost).entries;
      for (let x = 0; x < entries.length; x++)
        visit((entries[x] as RouteTableEntry).route, l, v, x);
    }
  }
}

const tablePlacements = keyedLookup<RouteTable, readonly Placement[]>(
  (table, route) => {
    const at: Placement[] = [];
    forEachPlacement(table, (owner, l, v, x) => {
      if (owner === route) at.push([l, v, x]);
    });
    return at.length === 0 ? NO_PLACEMENT : at;
  },
  (table) => {
    const byRoute = new Map<string, Placement[]>();
    forEachPlacement(table, (route, l, v, x) => {
      const list = byRoute.get(route);
      if (list === undefined) byRoute.set(route, [[l, v, x]]);
      else list.push([l, v, x]);
    });
    return byRoute;
  },
  NO_PLACEMENT,
);

/**
 * findBackendProblems reads each route on its own, in route order: the edited routes' findings
 * replace theirs, and the other rules' findings stand.
 */
function patchBackendFindings(
  lintByRule: readonly (readonly LintFinding[])[],
  edits: readonly RouteEdit[],
  routes: readonly ResolvedRoute[],
  locator: StatusContext["locator"],
): readonly (readonly LintFinding[])[] {
  let findings = lintByRule[BACKEND_RULE_INDEX] ?? [];
  for (const e of edits) {
    const fresh = findBackendProblems({
      manifests: [e.after],
      locator,
      explain: [],
      gateways: [],
      routes: [e.next.route],
      attachments: [],
      routeTable: { listeners: [] },
    });
    const mine = positionsOf(findingOwners, findings, e.key);
    // The usual keystroke: the route's findings read as before, and every list stands.
    if (
      sameJson(
        fresh,
        mine.map((i) => findings[i]),
      )
    )
      continue;
    const kept = findings.filter((f) => ownerOf(f) !== e.key);
    // Before the first finding of a route that comes later (findings follow route order).
    const at = positionsOf(routePositions, routes, e.key)[0] ?? 0;
    let insertAt = kept.findIndex((f) => {
      const owner = ownerOf(f);
      const position =
        owner === undefined ? undefined : positionsOf(routePositions, routes, owner)[0];
      return (position ?? 0) > at;
    });
    if (insertAt < 0) insertAt = kept.length;
    const placed = kept.slice(0, insertAt);
    appendAll(placed, fresh);
    appendAll(placed, kept.slice(insertAt));
    findings = placed;
  }
  if (findings === lintByRule[BACKEND_RULE_INDEX]) return lintByRule;
  const out = lintByRule.slice();
  out[BACKEND_RULE_INDEX] = findings;
  return out;
}

function ownerOf(f: LintFinding): ResourceKey | undefined {
  const o = f.diagnostic.object;
  return o === undefined ? undefined : resourceKey(o.kind, o.namespace, o.name);
}

function diagnosticOwner(d: Diagnostic): ResourceKey | undefined {
  const o = d.object;
  return o === undefined ? undefined : resourceKey(o.kind, o.namespace, o.name);
}

// Lint finding lists and diagnostic lists stand from revision to revision unless an edit
// changes them: found once, their owners' positions serve every later edit.
const findingOwners = positionIndex<LintFinding>(ownerOf);
const diagnosticOwners = positionIndex<Diagnostic>(diagnosticOwner);

/**
 * The graph of revision n with each edited route's node and own edges rebuilt. Undefined when the
 * route's edges no longer line up one to one (another target, another count).
 */
function patchGraph(
  analysis: RevisionAnalysis,
  edits: readonly RouteEdit[],
  settled: Settled,
  next: Pick<Analysis, "status" | "routes" | "objects" | "diagnostics">,
  took: ReuseProof[],
): RevisionGraph | undefined {
  const graph = analysis.graph;
  let nodes = graph.nodes;
  // By flat position: the chunks holding them are copied once, at the end (graph/edgeChunks.ts).
  const replacedEdges = new Map<number, GraphEdge>();
  let present: Set<string> | undefined;
  let ghostsMoved = false;
  const missing = new Map<string, MissingTarget>();
  for (const e of edits) {
    const was = e.attach?.was ?? {
      explain: settled.explain(e.key),
      attachments: settled.attachments(e.key),
    };
    const now = e.attach?.now ?? was;
    const summary = next.objects[e.position];
    if (summary === undefined) return undefined;
    const input = (
      m: Manifest,
      route: ResolvedRoute,
      status: StatusReport,
      attached: Pick<Analysis, "explain" | "attachments">,
    ) => ({
      objects: [summary],
      manifests: [m],
      status,
      explain: attached.explain,
      gateways: analysis.gateways,
      routes: [route],
      attachments: attached.attachments,
      policies: [],
      assumptions: analysis.assumptions,
    });
    const ownEdges = (list: GraphEdge[]) => list.filter((x) => x.source === e.key);
    const before = ownEdges(
      buildGraphEdges(input(e.before, e.old.route, analysis.status, was)).edges,
    );
    const built = buildGraphEdges(input(e.after, e.next.route, next.status, now));
    const after = ownEdges(built.edges);
    if (before.length !== after.length) return undefined;
    const updates = new Map<string, GraphEdge>();
    for (let i = 0; i < after.length; i++) {
      const a = before[i] as GraphEdge;
      const b = after[i] as GraphEdge;
      if (a.id !== b.id || updates.has(b.id)) return undefined;
      // A new target that is not an object of the input (a Service name half typed) moves
      // the ghosts: drawn again from the edges below (ghostNodes.ts).
      if (a.target !== b.target) {
        present ??= new Set<string>(next.objects.map((o) => o.key));
        if (!present.has(a.target) || !present.has(b.target)) {
          for (const m of built.missing) if (!present.has(m.key)) missing.set(m.key, m);
          ghostsMoved = true;
        }
      }
      updates.set(b.id, b);
    }
    for (const i of edgeSources.find(graph.edgeChunks, e.key)) {
      const was = replacedEdges.get(i) ?? edgeAt(graph.edgeChunks, i);
      const edge = updates.get(was.id);
      if (edge === undefined || sameJson(edge, was)) continue;
      replacedEdges.set(i, edge);
    }
    const mine = positionsOf(diagnosticOwners, next.diagnostics, e.key);
    const [node] = markObjectErrors(
      buildGraphNodes(input(e.after, e.next.route, next.status, now)),
      mine.map((i) => next.diagnostics[i] as Diagnostic),
    );
    const [at] = positionsOf(nodeIds, graph.nodes, e.key);
    if (node === undefined || at === undefined) return undefined;
    if (sameJson(node, nodes[at])) continue;
    if (nodes === graph.nodes) nodes = nodes.slice();
    nodes[at] = node;
  }
  if (nodes === graph.nodes && replacedEdges.size === 0) return graph;
  const edgeChunks = withEdgesReplaced(graph.edgeChunks, replacedEdges);
  edgeSources.carry(graph.edgeChunks, edgeChunks);
  if (ghostsMoved && present !== undefined) {
    const assumed = new Set<string>(analysis.assumptions.map((a) => a.key));
    // The ghosts are found anew and may move: the node positions are not handed on.
    took.push("ghosts-moved");
    return withGhostsReplaced(
      { ...graph, nodes, edgeChunks },
      graph.edgeChunks,
      present,
      missing,
      assumed,
    );
  }
  nodeIds.carry(graph.nodes, nodes);
  return { ...graph, nodes, edgeChunks };
}

// The graph's lists keep their layout through an in-place edit (same ids, same sources).
const nodeIds = positionIndex<GraphNode>((n) => n.id);
/** Each route's edges by flat position in the chunks (the edges it is the source of). */
const edgeSources = keyedLookup<GraphEdge[][], readonly number[]>(
  (chunks, source) => {
    const at: number[] = [];
    forEachEdge(chunks, (edge, i) => {
      if (edge.source === source) at.push(i);
    });
    return at;
  },
  (chunks) => {
    const bySource = new Map<string, number[]>();
    forEachEdge(chunks, (edge, i) => {
      const at = bySource.get(edge.source);
      if (at === undefined) bySource.set(edge.source, [i]);
      else at.push(i);
    });
    return bySource;
  },
  [],
);

/**
 * The graph with each edited object's node rebuilt from its new spec (a Service's ports, a grant's
 * from and to, a policy's summary) and marked with its own errors; a Service's edges are the
 * routes' and a policy's its targetRefs', and stand.
 * Undefined when the node is not found.
 */
function patchOwnNodes(
  graph: RevisionGraph,
  analysis: Pick<Analysis, "status" | "policies" | "assumptions">,
  edited: readonly ServiceEdit[],
  next: Pick<Analysis, "objects" | "diagnostics">,
): RevisionGraph | undefined {
  let nodes = graph.nodes;
  for (const s of edited) {
    const summary = next.objects[s.position];
    if (summary === undefined) return undefined;
    const mine = positionsOf(diagnosticOwners, next.diagnostics, s.after.key);
    const [node] = markObjectErrors(
      buildGraphNodes({
        objects: [summary],
        manifests: [s.after],
        status: analysis.status,
        explain: [],
        gateways: [],
        routes: [],
        attachments: [],
        // A policy's node reads its attachments (and the targets the world assumes for them).
        policies: analysis.policies.filter((p) => p.policy === s.after.key),
        assumptions: analysis.assumptions,
      }),
      mine.map((i) => next.diagnostics[i] as Diagnostic),
    );
    const [at] = positionsOf(nodeIds, graph.nodes, s.after.key);
    if (node === undefined || at === undefined || node.id !== s.after.key) return undefined;
    if (sameJson(node, nodes[at])) continue;
    if (nodes === graph.nodes) nodes = nodes.slice();
    nodes[at] = node;
  }
  if (nodes === graph.nodes) return graph;
  nodeIds.carry(graph.nodes, nodes);
  return { ...graph, nodes };
}

/**
 * The graph with each edited grant's edges (grant → each namespace it admits) rebuilt where they
 * sat, and the namespace frames found again when a target changed (a frame may exist only for a
 * grant to point at). Undefined when the grant's edges do not line up one to one.
 */
function patchGrantEdges(
  graph: RevisionGraph,
  grants: readonly ServiceEdit[],
): RevisionGraph | undefined {
  const replacedEdges = new Map<number, GraphEdge>();
  let targetsMoved = false;
  for (const g of grants) {
    const edgesOf = (m: Manifest) =>
      buildGraphEdges({
        objects: [],
        manifests: [m],
        status: {},
        explain: [],
        gateways: [],
        routes: [],
        attachments: [],
        policies: [],
      }).edges;
    const after = edgesOf(g.after);
    const at = edgeSources.find(graph.edgeChunks, g.after.key);
    if (at.length !== after.length || edgesOf(g.before).length !== at.length) return undefined;
    at.forEach((i, k) => {
      const was = edgeAt(graph.edgeChunks, i);
      const edge = after[k] as GraphEdge;
      if (sameJson(edge, was)) return;
      if (edge.target !== was.target) targetsMoved = true;
      replacedEdges.set(i, edge);
    });
  }
  if (replacedEdges.size === 0) return graph;
  const edgeChunks = withEdgesReplaced(graph.edgeChunks, replacedEdges);
  edgeSources.carry(graph.edgeChunks, edgeChunks);
  const namespaces = targetsMoved
    ? framesPointedAt(graph.namespaces, edgeChunks)
    : graph.namespaces;
  return { ...graph, edgeChunks, namespaces };
}

/** The mesh's Service list with each edited Service read anew (its ports, its cluster IP). */
function patchMeshServices(mesh: MeshModel, services: readonly ServiceEdit[]): MeshModel {
  let list = mesh.services;
  for (const s of services) {
    const at = list.findIndex((x) => x.key === s.after.key);
    if (at < 0) continue;
    const fresh = meshService(s.after);
    if (sameJson(fresh, list[at])) continue;
    if (list === mesh.services) list = list.slice();
    list[at] = fresh;
  }
  return list === mesh.services ? mesh : { ...mesh, services: list };
}

/**
 * The status and lint findings reused from revision n about the edited route must point where a
 * fresh run would: a line moved inside the document (same length overall) would move them.
 */
function locatedAlike(
  stages: StageOutputs,
  after: Manifest,
  locator: StatusContext["locator"],
  replaced: readonly Diagnostic[] = [],
): boolean {
  const reused: Diagnostic[] = [];
  const fresh = new Set(replaced.map((d) => JSON.stringify(d)));
  for (const i of positionsOf(diagnosticOwners, stages.statusDiagnostics, after.key)) {
    const d = stages.statusDiagnostics[i] as Diagnostic;
    if (fresh.size === 0 || !fresh.has(JSON.stringify(d))) reused.push(d);
  }
  stages.lintByRule.forEach((findings, rule) => {
    if (rule === BACKEND_RULE_INDEX) return;
    for (const i of positionsOf(findingOwners, findings, after.key))
      reused.push((findings[i] as LintFinding).diagnostic);
  });
  for (const d of reused) {
    const path = d.path === undefined ? [] : parseFieldPath(d.path);
    if (path === undefined) return false;
    const at = locator.locate(after, path);
    const was = d as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(at)) if (was[field] !== value) return false;
  }
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
