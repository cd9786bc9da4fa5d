/**
 * A Gateway's listener edited in place (a port, a protocol, allowedRoutes, a hostname no route
 * attaches under): the edit reaches
 * the Gateway's own status, model, table listeners, node and lint, and the routes that name it as a
 * parent. The proof works the Gateway's part of each stage out again, for revision n (which must
 * give revision n's results: the replica reads what the stage read) and for revision n+1, and reuses
 * everything else by reference.
 *
 * Who reads a Gateway's listeners, and what the proof does about each:
 * - status: assessGateway, buildGatewayListeners (validation, conflicts within the Gateway) and
 *   writeGatewayStatus read the Gateway, its class, the objects its listeners reference and its
 *   ListenerSets. The proof asks for no ListenerSet naming it and the same metadata, class and spec
 *   but `listeners`, and the same names and tls per listener; what the Gateway's part
 *   reports (diagnostics, assumed objects) must read the same before and after.
 * - attachment: every route whose parentRefs name the Gateway is attached again on its own
 *   (rehostRoute.ts attachOnItsOwn) against the new listeners and must give revision n's explain
 *   and attachments for it, so every route status, the attachedRoutes counts, the explain and
 *   attachment lists, the table's virtual hosts and the route nodes and edges stand. Revision n's
 *   lists are what attachOnItsOwn gave: only routes of one kind name the Gateway (no
 *   HTTPRoute/GRPCRoute clash on its listeners), no TCP/TLS/UDP route (their notes read listener
 *   protocols), no mesh parent. The explain quotes every listener's protocol, allowedRoutes and
 *   hostname in its listener checks: when only those read otherwise (the verdicts and attachments
 *   stand, sameVerdicts), the naming routes' explain entries are replaced; nothing else in the
 *   analysis reads them. A hostname may change only on a listener no route attaches to, before
 *   or after: no attachment's effective hostnames, no virtual host reads it.
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
import { asRecord, asRecords, asString } from "../resolve/read";
import type { ResourceIndex } from "../resolve/indexResources";
import { describeListener } from "../routing/compileRouteTable";
import type { RouteTable, RouteTableListener } from "../routing/types";
import { assessGateway } from "../status/assessGateway";
import { buildGatewayListeners, type GatewayListeners } from "../status/buildGatewayListeners";
import { createAdmissionMemo } from "../status/checkListenerAdmission";
import { isListenerReady, type ListenerState } from "../status/listenerState";
import { placeholderAddressOf } from "../status/placeholderAddress";
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
  /** Revision n's list, or a copy with the entries of the routes that read the edit replaced. */
  explain: Analysis["explain"];
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
  const placeholder = placeholderAddressOf(
    analysis.gateways.filter((g) => g.reconciled).map((g) => g.key),
    before.key,
  );

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
  // Shared by the routes, as computeStatus shares it (the checks read the listener and route).
  const attachCtx = { ...now.ctx(), admission: createAdmissionMemo() };
  // A listener selecting namespaces by label makes the world assume the labels of an undeclared
  // namespace (recordAssumption): then what the routes' attachment reports is compared too. Else
  // it reads only the routes' parentRefs and the index, which the edit left as they were.
  const selects = selectsByLabel(before) || selectsByLabel(after);
  const oldAttachCtx = selects ? { ...was.ctx(), admission: createAdmissionMemo() } : undefined;
  // The usual keystroke (a port no parentRef names) changes nothing the attachment reads of a
  // listener: no route is attached again.
  const portRead = routesOf.some((m) => namesPort(m, before));
  const unread = listenersReadAlike(old.built, fresh.built, portRead);
  const settledRoutes = unread ? new Map() : routeAttachments(analysis, routesOf);
  // The routes whose explain quotes the edited listeners otherwise: their entries are replaced.
  const described = new Map<ResourceKey, Explain[]>();
  for (const m of unread ? [] : routesOf) {
    const route = input.route(m.key);
    const settled = settledRoutes.get(m.key);
    if (route === undefined || settled === undefined)
      return "a route naming the Gateway is not resolved";
    if (oldAttachCtx !== undefined) attachOnItsOwn(oldAttachCtx, m, route, reconciled);
    // Revision n's explain and attachments of the route are what attachOnItsOwn gave: routes of
    // one kind only name the Gateway (routesNaming), so no cross-route rule rewrote them.
    const n = attachOnItsOwn(attachCtx, m, route, nextListeners);
    if (n.mesh) return "a route naming the Gateway has a mesh parent";
    if (!sameData(n.attachments, settled.attachments))
      return "a route attaches to the edited Gateway otherwise";
    if (sameData(n.explain, settled.explain)) continue;
    // Only the listeners' checks read otherwise (a protocol or `from` quoted in their details).
    if (!sameVerdicts(n.explain, settled.explain))
      return "a route's verdict on the edited Gateway changed";
    described.set(m.key, n.explain);
  }
  // A listener's hostname typed: no route may attach to it, before or after (the attachments
  // stand, so revision n's say it), so its virtual hosts stay empty and no route's effective
  // hostnames read it.
  const rehosted = rehostedListeners(before, after);
  if (rehosted.size > 0) {
    for (const a of analysis.attachments)
      if (a.gateway === before.key && rehosted.has(a.listener))
        return "a listener's hostname changed where routes attach";
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
  if (!alike(old.ctx, fresh.ctx) || (oldAttachCtx !== undefined && !alike(oldAttachCtx, attachCtx)))
    return "what the Gateway's status reports changed";

  const explain = described.size === 0 ? analysis.explain : describedAnew(analysis, described);
  if (typeof explain === "string") return explain;
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
  return { status, gateways, listeners, routeTable, lintByRule, graph, explain };
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
    // A name is read by sectionName and every attachment; tls by the Secrets and grants it
    // references. A hostname is read by every attachment's effective hostnames: the caller
    // proves no route attaches to a listener whose hostname changed (rehostedListeners).
    for (const field of ["name", "tls"])
      if (JSON.stringify(x[field]) !== JSON.stringify(y[field]))
        return `a listener's ${field} changed`;
  }
  return undefined;
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

type Explain = Analysis["explain"][number];

/**
 * Whether two explains of a route give the same verdicts, reading alike to everything but the
 * explain itself: the route's status, the graph's route node and edges and the lint rules read
 * each parent's verdict (accepted, reason, message, parent-level checks), never its listeners'
 * checks or effective hostnames. Those are read by a rejected parent's finding
 * (describeRouteParentProblem), so a parent whose listeners read otherwise must be accepted, with
 * a status, and admit the same listeners.
 */
function sameVerdicts(a: readonly Explain[], b: readonly Explain[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const { listeners: x, ...verdictA } = a[i] as Explain;
    const { listeners: y, ...verdictB } = b[i] as Explain;
    if (!sameData(verdictA, verdictB) || x.length !== y.length) return false;
    if (sameData(x, y)) continue;
    if (!verdictA.accepted || verdictA.noStatusReason !== undefined) return false;
    for (let j = 0; j < x.length; j++) {
      const p = x[j] as Explain["listeners"][number];
      const q = y[j] as Explain["listeners"][number];
      if (p.gateway !== q.gateway || p.owner !== q.owner || p.listener !== q.listener) return false;
      // A listener the route does not attach to: its effective hostnames are read by nothing but
      // the explain (a TCP listener has no hostname to intersect). An attached one's are the
      // attachment's, which the caller compared.
      if (p.attached !== q.attached) return false;
    }
  }
  return true;
}

/**
 * Revision n's explain with each described route's entries replaced in place, one for one (a
 * route's entries are its parentRefs, consecutive, as computeRouteStatuses lists them).
 */
function describedAnew(
  analysis: Pick<Analysis, "explain">,
  described: ReadonlyMap<ResourceKey, readonly Explain[]>,
): Analysis["explain"] | string {
  const out = analysis.explain.slice();
  const taken = new Map<ResourceKey, number>();
  for (let i = 0; i < out.length; i++) {
    const e = out[i] as Explain;
    const list = described.get(e.route);
    if (list === undefined) continue;
    const k = taken.get(e.route) ?? 0;
    const next = list[k];
    if (next === undefined || next.parentRefIndex !== e.parentRefIndex)
      return "a route's explain entries do not line up";
    out[i] = next;
    taken.set(e.route, k + 1);
  }
  for (const [route, list] of described)
    if (taken.get(route) !== list.length) return "a route's explain entries do not line up";
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
    // Its virtual hosts are keyed by hostnames the listener's own hostname bounded.
    if (oldListener.hostname !== listener.hostname && was.virtualHosts.length > 0)
      return "a listener's hostname changed where it has virtual hosts";
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
  const own = (t: RouteTable) => t.listeners.filter((l) => l.gateway === gateway);
  // An entry is shadowed on a ready listener by an entry above it in its virtual host; the request
  // proving it is aimed at the listener's port, and routed among the Gateway's listeners on that
  // port. With those the same (ports renumbered alike), revision n's finding nothing stands.
  if (
    !sameShadowReading(own(input.analysis.routeTable), own(routeTable)) &&
    lintRule(shadowRule, { ...input.lint, gateways, routeTable: { listeners: own(routeTable) } })
      .length > 0
  )
    return "the edited Gateway's listeners shadow matches";
  const overlaps = lintRule(HOSTNAME_OVERLAP_RULE_INDEX, { ...input.lint, gateways, routeTable });
  const was = input.lintByRule[HOSTNAME_OVERLAP_RULE_INDEX] ?? [];
  if (JSON.stringify(overlaps) === JSON.stringify(was)) return input.lintByRule;
  const out = input.lintByRule.slice();
  out[HOSTNAME_OVERLAP_RULE_INDEX] = overlaps;
  return out;
}

/**
 * Whether the shadow rule reads the Gateway's table listeners alike: the same virtual hosts, ready,
 * protocol and hostname each, and the same listeners sharing a port.
 */
function sameShadowReading(
  was: readonly RouteTableListener[],
  now: readonly RouteTableListener[],
): boolean {
  if (was.length !== now.length) return false;
  for (let i = 0; i < was.length; i++) {
    const a = was[i] as RouteTableListener;
    const b = now[i] as RouteTableListener;
    if (a.virtualHosts !== b.virtualHosts || a.ready !== b.ready) return false;
    if (a.protocol !== b.protocol || a.hostname !== b.hostname) return false;
    for (let j = 0; j < i; j++)
      if ((was[j]?.port === a.port) !== (now[j]?.port === b.port)) return false;
  }
  return true;
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

/** The names of the listeners whose hostname the edit changed (listed alike: same names). */
function rehostedListeners(before: Manifest, after: Manifest): Set<string> {
  const was = asRecords(before.spec["listeners"]);
  const now = asRecords(after.spec["listeners"]);
  const out = new Set<string>();
  was.forEach((l, i) => {
    if (JSON.stringify(l["hostname"]) !== JSON.stringify(now[i]?.["hostname"]))
      out.add(asString(l["name"]) ?? "");
  });
  return out;
}

/** Whether a parentRef of the route that may name the Gateway asks for a port. */
function namesPort(route: Manifest, gateway: Manifest): boolean {
  return asRecords(route.spec["parentRefs"]).some(
    (ref) => asString(ref["name"]) === gateway.name && ref["port"] !== undefined,
  );
}

/**
 * Whether every listener reads the same to a route's attachment (checkListenerAdmission,
 * attachRouteParent): its name, owner, hostname, protocol, allowedRoutes, route kinds and
 * readiness, and its port when a parentRef names one.
 */
function listenersReadAlike(was: GatewayListeners, now: GatewayListeners, port: boolean): boolean {
  const reading = (l: ListenerState) => [
    l.name,
    l.owner.key,
    l.hostname ?? null,
    l.protocol,
    l.allowedRoutes,
    l.supportedKinds,
    isListenerReady(l),
    port ? l.port : null,
  ];
  return sameData(was.listeners.map(reading), now.listeners.map(reading));
}

/** Whether a listener of the Gateway admits routes by namespace labels. */
function selectsByLabel(gateway: Manifest): boolean {
  return asRecords(gateway.spec["listeners"]).some(
    (l) => asRecord(asRecord(l["allowedRoutes"])?.["namespaces"])?.["selector"] !== undefined,
  );
}

/**
 * Deep equality of plain data (what JSON keeps), without a string per side: the routes' explains
 * are compared one by one, thousands of them per keystroke.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!(k in y) || !sameData(x[k], y[k])) return false;
  return true;
}
