/**
 * A Gateway's listener edited in place (a port, a protocol, allowedRoutes typed): the edit reaches
 * the Gateway's own status, model, table listeners, node and lint, and the routes that name it as a
 * parent. The proof works the Gateway's part of each stage out again, for revision n (which must
 * give revision n's results: the replica reads what the stage read) and for revision n+1, and reuses
 * everything else by reference.
 *
 * Who reads a Gateway's listeners, and what the proof does about each:
 * - status: assessGateway, buildGatewayListeners (validation, conflicts within the Gateway) and
 *   writeGatewayStatus read the Gateway, its class, the objects its listeners reference and its
 *   ListenerSets. The proof asks for no ListenerSet naming it and the same metadata, class and spec
 *   but `listeners`, and the same names, hostnames and tls per listener; what the Gateway's part
 *   reports (diagnostics, assumed objects) must read the same before and after.
 * - attachment: every route whose parentRefs name the Gateway is attached again on its own
 *   (rehostRoute.ts attachOnItsOwn) against the old and the new listeners. The old must give revision
 *   n's settled verdicts (no cross-route rule touched them); the new must give the same verdicts and
 *   attachments, so every route status, the attachedRoutes counts, the explain and attachment lists,
 *   the table's virtual hosts and the route nodes and edges stand. Routes of one kind only (the
 *   HTTPRoute/GRPCRoute clash) and no TCP/TLS/UDP route or mesh parent among them.
 * - route table: the Gateway's listeners keep their virtual hosts; the fields describeListener
 *   reads of the listener (port, protocol, ready, …) are written anew.
 * - lint: precedence findings carry a request aimed at the listener's port: the shadow rule is run
 *   over the Gateway's listeners alone (a request names its Gateway, so no other listener answers
 *   it) and must find nothing, as it found nothing in revision n. The hostname overlap rule reads
 *   every Gateway's listeners: run again. The other rules read routes, explain and names.
 * - policies: an input where a policy attaches anywhere falls back (effective policies read
 *   listeners per route).
 * - graph: the Gateway's node (its listener rows) is drawn again; its own edges must read the same.
 */
import type { Analysis, RevisionAnalysis } from "../analysisTypes";
import { isRouteKind } from "../api/kinds";
import { resourceKey, type ResourceKey } from "../api/keys";
import { hasControllerStatus } from "../drift/hasControllerStatus";
import { buildGraphEdges } from "../graph/buildGraphEdges";
import { buildGraphNodes } from "../graph/buildGraphNodes";
import { markObjectErrors } from "../graph/buildSemanticGraph";
import type { SemanticGraphInput } from "../graph/semanticGraphInput";
import type { RevisionGraph } from "../graph/edgeChunks";
import { HOSTNAME_OVERLAP_RULE_INDEX, lintRule, TABLE_RULE_INDEXES } from "../lint/lintAnalysis";
import type { LintFinding, LintInput } from "../lint/lintTypes";
import { asRecords, asString } from "../resolve/read";
import type { ResourceIndex } from "../resolve/indexResources";
import { describeListener } from "../routing/compileRouteTable";
import type { RouteTable, RouteTableListener } from "../routing/types";
import { assessGateway } from "../status/assessGateway";
import { buildGatewayListeners, type GatewayListeners } from "../status/buildGatewayListeners";
import type { StatusContext } from "../status/statusContext";
import { writeGatewayStatus } from "../status/writeGatewayStatus";
import type { Diagnostic, GatewayModel, Manifest, ObjectSummary, ResolvedRoute } from "../types";
import { attachOnItsOwn, reconciledListeners } from "./rehostRoute";

/** One side of the edit: the index, locator and context a fresh status stage would read. */
export interface GatewaySide {
  gateway: Manifest;
  ctx: () => StatusContext;
}

/** What the Gateway's part of revision n+1 is, when the proof holds. */
export interface GatewayPatch {
  status: Analysis["status"];
  gateways: Analysis["gateways"];
  listeners: ReadonlyMap<ResourceKey, GatewayListeners>;
  routeTable: RouteTable;
  lintByRule: readonly (readonly LintFinding[])[];
  /** The Gateway's node drawn again, once the diagnostics of revision n+1 are known. */
  graph: (
    objects: readonly ObjectSummary[],
    diagnostics: readonly Diagnostic[],
  ) => RevisionGraph | string;
}

export interface GatewayEditInput {
  analysis: RevisionAnalysis;
  listeners: ReadonlyMap<ResourceKey, GatewayListeners>;
  lintByRule: readonly (readonly LintFinding[])[];
  index: ResourceIndex;
  was: GatewaySide;
  now: GatewaySide;
  /** The resolved route of a key in revision n (the edit left every route as it was). */
  route: (key: ResourceKey) => ResolvedRoute | undefined;
  lint: Omit<LintInput, "routeTable" | "gateways">;
  /** Diagnostics compared as the pass compares them (apart from lines, when lines moved). */
  sameReport: (a: readonly Diagnostic[], b: readonly Diagnostic[]) => boolean;
}

/** The Gateway's part of revision n+1, or why the edit may reach further than it. */
export function gatewayListenerEdit(input: GatewayEditInput): GatewayPatch | string {
  const { analysis, was, now } = input;
  const before = was.gateway;
  const after = now.gateway;
  const shape = sameButListenerFields(before, after);
  if (shape !== undefined) return shape;
  if (hasControllerStatus(before) || hasControllerStatus(after))
    return "the Gateway carries a written status (drift compares it)";
  if (Object.keys(analysis.effectivePolicies).length > 0)
    return "policies attach in the input (effective policies read listeners)";
  const at = analysis.gateways.findIndex((g) => g.key === before.key);
  const settledModel = analysis.gateways[at];
  const settledListeners = input.listeners.get(before.key);
  if (settledModel === undefined || !settledModel.reconciled || settledListeners === undefined)
    return "the Gateway is not reconciled";
  if (analysis.gateways.some((g, i) => i !== at && g.key === before.key))
    return "the Gateway is declared twice";
  const placeholder = placeholderOf(analysis.gateways, before.key);

  // The Gateway's part of the status stage, for each revision.
  const part = (side: GatewaySide) => {
    const ctx = side.ctx();
    const assessment = assessGateway(ctx, side.gateway, placeholder);
    const built = buildGatewayListeners(ctx, side.gateway);
    return { ctx, assessment, built };
  };
  const old = part(was);
  const fresh = part(now);
  if (old.built.listenerSets.length > 0 || fresh.built.listenerSets.length > 0)
    return "a ListenerSet names the Gateway";
  const names = (b: GatewayListeners) => JSON.stringify(b.listeners.map((l) => l.name));
  if (names(old.built) !== names(settledListeners) || names(fresh.built) !== names(old.built))
    return "the Gateway's listeners are not the ones revision n settled";

  // Every route naming the Gateway attaches as before, verdict by verdict (rehostRoute.ts).
  const routesOf = routesNaming(input.index, before);
  if (typeof routesOf === "string") return routesOf;
  const reconciled = reconciledListeners(analysis, input.listeners);
  const nextListeners = new Map(reconciled);
  nextListeners.set(before.key, fresh.built);
  const attachCtx = { was: was.ctx(), now: now.ctx() };
  const settledRoutes = routeAttachments(analysis, routesOf);
  for (const m of routesOf) {
    const route = input.route(m.key);
    if (route === undefined) return "a route naming the Gateway is not resolved";
    const w = attachOnItsOwn(attachCtx.was, m, route, reconciled);
    const n = attachOnItsOwn(attachCtx.now, m, route, nextListeners);
    if (w.mesh || n.mesh) return "a route naming the Gateway has a mesh parent";
    const settled = settledRoutes.get(m.key);
    if (
      JSON.stringify([w.explain, w.attachments]) !==
      JSON.stringify([settled?.explain ?? [], settled?.attachments ?? []])
    )
      return "revision n's verdicts for a route naming the Gateway read other routes";
    if (JSON.stringify([w.explain, w.attachments]) !== JSON.stringify([n.explain, n.attachments]))
      return "a route attaches to the edited Gateway otherwise";
  }
  // Counted as computeRouteStatuses counts them: the attachments stand, so the counts do.
  const counted = (b: GatewayListeners) =>
    b.listeners.forEach((l, i) => {
      l.attachedRoutes = settledListeners.listeners[i]?.attachedRoutes ?? 0;
    });
  counted(old.built);
  counted(fresh.built);
  const oldWritten = writeGatewayStatus(old.ctx, old.built, old.assessment);
  const written = writeGatewayStatus(fresh.ctx, fresh.built, fresh.assessment);
  const modelOf = (w: typeof written, a: typeof old.assessment): GatewayModel => {
    const model: GatewayModel = { ...w.model };
    if (a.backendClientCertificate !== undefined)
      model.backendClientCertificate = a.backendClientCertificate;
    if (settledModel.assumed !== undefined) model.assumed = settledModel.assumed;
    return model;
  };
  const oldModel = modelOf(oldWritten, old.assessment);
  const model = modelOf(written, fresh.assessment);
  if (
    JSON.stringify(oldModel) !== JSON.stringify(settledModel) ||
    JSON.stringify(oldWritten.status) !== JSON.stringify(analysis.status[before.key])
  )
    return "the Gateway's status is not the one revision n wrote";
  if (model.reconciled !== oldModel.reconciled || oldWritten.listenerSets.length > 0)
    return "the Gateway's reconciliation changed";
  // The Gateway's findings stand where they are in the status stage's list: they must read alike.
  const alike = (a: StatusContext, b: StatusContext) =>
    input.sameReport(a.diagnostics, b.diagnostics) &&
    JSON.stringify([...a.assumptions.values()].map((x) => x.object)) ===
      JSON.stringify([...b.assumptions.values()].map((x) => x.object));
  if (!alike(old.ctx, fresh.ctx) || !alike(attachCtx.was, attachCtx.now))
    return "what the Gateway's status reports changed";

  const status = { ...analysis.status, [before.key]: written.status };
  const gateways = analysis.gateways.slice();
  gateways[at] = model;
  const listeners = new Map(input.listeners);
  listeners.set(before.key, fresh.built);

  const routeTable = patchTableListeners(analysis.routeTable, oldModel, model);
  if (typeof routeTable === "string") return routeTable;
  const lintByRule = patchGatewayLint(input, routeTable, gateways, before.key);
  if (typeof lintByRule === "string") return lintByRule;

  const graph = (objects: readonly ObjectSummary[], diagnostics: readonly Diagnostic[]) =>
    patchGatewayNode(analysis, before, after, { status, gateways, objects, diagnostics });
  return { status, gateways, listeners, routeTable, lintByRule, graph };
}

/**
 * Why the edit changed more of the Gateway than what its listeners' ports, protocols and
 * allowedRoutes say (undefined when it did not).
 */
function sameButListenerFields(before: Manifest, after: Manifest): string | undefined {
  const { listeners: was, ...restBefore } = before.spec;
  const { listeners: now, ...restAfter } = after.spec;
  const meta = (m: Manifest) =>
    JSON.stringify([m.labels, m.annotations, m.creationTimestamp, m.generation, m.body["status"]]);
  if (meta(before) !== meta(after) || JSON.stringify(restBefore) !== JSON.stringify(restAfter))
    return "the Gateway changed outside its listeners";
  const a = asRecords(was);
  const b = asRecords(now);
  if (!Array.isArray(was) || !Array.isArray(now) || a.length !== b.length)
    return "listeners were added or removed";
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    // A name is read by sectionName and every attachment; a hostname by every attachment's
    // effective hostnames; tls by the Secrets and grants it references.
    for (const field of ["name", "hostname", "tls"])
      if (JSON.stringify(x[field]) !== JSON.stringify(y[field]))
        return `a listener's ${field} changed`;
  }
  return undefined;
}

/** The placeholder address number computeStatus gives the Gateway: its rank among reconciled keys. */
function placeholderOf(gateways: readonly GatewayModel[], key: ResourceKey): string {
  const keys = [...new Set(gateways.filter((g) => g.reconciled).map((g) => g.key))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const n = keys.indexOf(key) + 1;
  return `203.0.113.${((Math.max(n, 1) - 1) % 254) + 1}`;
}

/**
 * The modelled routes whose parentRefs may name the Gateway (by name: a superset, each attached
 * again), or why the proof does not cover them.
 */
function routesNaming(index: ResourceIndex, gateway: Manifest): Manifest[] | string {
  const out: Manifest[] = [];
  const kinds = new Set<string>();
  for (const [kind, list] of index.byKind) {
    if (!isRouteKind(kind)) continue;
    for (const m of list) {
      if (!m.modelled) continue;
      const names = asRecords(m.spec["parentRefs"]).some(
        (ref) => asString(ref["name"]) === gateway.name,
      );
      if (!names) continue;
      if (kind !== "HTTPRoute" && kind !== "GRPCRoute")
        return `a ${kind} names the Gateway (its cross-route notes read listener protocols)`;
      if (index.byKey.get(m.key) !== m) return "a route naming the Gateway is declared twice";
      kinds.add(kind);
      out.push(m);
    }
  }
  if (kinds.size > 1) return "HTTPRoutes and GRPCRoutes name the Gateway (their clash reads hosts)";
  return out;
}

/** Revision n's explain and attachments of the given routes, each in list order. */
function routeAttachments(
  analysis: Pick<Analysis, "explain" | "attachments">,
  routes: readonly Manifest[],
): Map<ResourceKey, { explain: Analysis["explain"]; attachments: Analysis["attachments"] }> {
  const out = new Map<
    ResourceKey,
    { explain: Analysis["explain"]; attachments: Analysis["attachments"] }
  >();
  for (const m of routes) out.set(m.key, { explain: [], attachments: [] });
  for (const x of analysis.explain) out.get(x.route)?.explain.push(x);
  for (const a of analysis.attachments) out.get(a.route)?.attachments.push(a);
  return out;
}

/**
 * The table with the Gateway's listeners described from the new model, each keeping its virtual
 * hosts (the attachments and the listener hostnames they read stand).
 */
function patchTableListeners(
  table: RouteTable,
  oldModel: GatewayModel,
  model: GatewayModel,
): RouteTable | string {
  const listeners = table.listeners.slice();
  let k = 0;
  for (let i = 0; i < listeners.length; i++) {
    const was = listeners[i] as RouteTableListener;
    if (was.gateway !== model.key) continue;
    const oldListener = oldModel.listeners[k];
    const listener = model.listeners[k++];
    if (oldListener === undefined || listener === undefined)
      return "the Gateway's table listeners do not line up";
    const describe = (g: GatewayModel, l: typeof listener) =>
      describeListener({
        gateway: g,
        listener: l,
        ready: l.ready && g.reconciled,
        virtualHosts: [],
      });
    const described = (x: RouteTableListener) => {
      const { virtualHosts: _hosts, ...fields } = x;
      return JSON.stringify(fields);
    };
    if (described(describe(oldModel, oldListener)) !== described(was))
      return "the Gateway's table listener is not the one revision n described";
    listeners[i] = { ...describe(model, listener), virtualHosts: was.virtualHosts };
  }
  if (k !== model.listeners.length) return "the Gateway's table listeners do not line up";
  return { ...table, listeners };
}

/**
 * The lint findings with the rules that read the Gateway's listeners settled: the shadow rule must
 * find nothing on them (as in revision n, where it found nothing at all), the overlap rule runs again.
 */
function patchGatewayLint(
  input: GatewayEditInput,
  routeTable: RouteTable,
  gateways: readonly GatewayModel[],
  gateway: ResourceKey,
): readonly (readonly LintFinding[])[] | string {
  const shadowRule = TABLE_RULE_INDEXES.find((i) => i !== HOSTNAME_OVERLAP_RULE_INDEX);
  if (shadowRule === undefined) return "the lint rules moved";
  if ((input.lintByRule[shadowRule] ?? []).length > 0)
    return "revision n finds shadowed matches (their requests may aim at the edited listener)";
  const own: RouteTable = { listeners: routeTable.listeners.filter((l) => l.gateway === gateway) };
  if (lintRule(shadowRule, { ...input.lint, gateways, routeTable: own }).length > 0)
    return "the edited Gateway's listeners shadow matches";
  const overlaps = lintRule(HOSTNAME_OVERLAP_RULE_INDEX, { ...input.lint, gateways, routeTable });
  const was = input.lintByRule[HOSTNAME_OVERLAP_RULE_INDEX] ?? [];
  if (JSON.stringify(overlaps) === JSON.stringify(was)) return input.lintByRule;
  const out = input.lintByRule.slice();
  out[HOSTNAME_OVERLAP_RULE_INDEX] = overlaps;
  return out;
}

/**
 * The graph with the Gateway's node drawn again (its listener rows read the model and status),
 * once drawn the same way for revision n to check it gives revision n's node; its own edges (class,
 * certificates) must read as before. A string says why not.
 */
function patchGatewayNode(
  analysis: RevisionAnalysis,
  before: Manifest,
  after: Manifest,
  next: DrawnSide,
): RevisionGraph | string {
  const graph = analysis.graph;
  const drawn = (m: Manifest, side: DrawnSide) => {
    const input: SemanticGraphInput = {
      objects: side.objects.filter((o) => o.key === m.key),
      manifests: [m],
      status: side.status,
      explain: [],
      gateways: side.gateways.filter((g) => g.key === m.key),
      routes: [],
      attachments: [],
      policies: [],
      assumptions: analysis.assumptions,
    };
    const own = side.diagnostics.filter((d) => ownerKey(d) === m.key);
    const [node] = markObjectErrors(buildGraphNodes(input), own);
    return { node, edges: JSON.stringify(buildGraphEdges(input).edges) };
  };
  const was = drawn(before, analysis);
  const now = drawn(after, next);
  const at = graph.nodes.findIndex((n) => n.id === before.key);
  if (
    now.node === undefined ||
    at < 0 ||
    JSON.stringify(was.node) !== JSON.stringify(graph.nodes[at])
  )
    return "the Gateway's node is not the one revision n drew";
  if (was.edges !== now.edges) return "the Gateway's own edges changed";
  if (JSON.stringify(now.node) === JSON.stringify(graph.nodes[at])) return graph;
  const nodes = graph.nodes.slice();
  nodes[at] = now.node;
  return { ...graph, nodes };
}

/** What the Gateway's node is drawn from, in one revision. */
interface DrawnSide {
  status: Analysis["status"];
  gateways: readonly GatewayModel[];
  objects: readonly ObjectSummary[];
  diagnostics: readonly Diagnostic[];
}

function ownerKey(d: Diagnostic): ResourceKey | undefined {
  const o = d.object;
  return o === undefined ? undefined : resourceKey(o.kind, o.namespace, o.name);
}
