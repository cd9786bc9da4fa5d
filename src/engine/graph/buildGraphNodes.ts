/**
 * One graph node per object the canvas draws, read from the analysis (status, explain, the
 * resolved gateways and routes). Namespaces become frames, not nodes; objects gwsim does not draw
 * on their own (Secrets, ConfigMaps, unknown kinds) are listed in one "other objects" node per namespace.
 */
import { ConditionType, PolicyReason } from "../api/conditions";
import { resourceKey, type ResourceKey } from "../api/keys";
import { isRouteKind } from "../api/kinds";
import type { ReferenceGrantSpec, ServiceSpec } from "../api/spec";
import type {
  GatewayModel,
  GatewayStatus,
  ListenerStatus,
  ObjectSummary,
  PolicyAttachment,
  ResolvedBackendRef,
  ResolvedRoute,
  RouteParentExplain,
} from "../types";
import { conditionsOf, summarizeConditions, worstStatus } from "./summarizeConditions";
import type {
  GraphListenerRow,
  GraphNode,
  GraphOtherItem,
  GraphRouteParent,
  GraphServicePort,
  GraphStatus,
} from "./types";
import type { SemanticGraphInput } from "./semanticGraphInput";
import { assumedPolicyTarget } from "./assumedPolicyTarget";
import { modelledIngresses } from "../ingress/modelledIngresses";
import type { IngressModel } from "../ingress/ingressTypes";

export const OTHER_OBJECTS_KIND = "OtherObjects";

export function otherObjectsKey(namespace: string | undefined): ResourceKey {
  return resourceKey(OTHER_OBJECTS_KIND, namespace, "objects");
}

export function buildGraphNodes(input: SemanticGraphInput): GraphNode[] {
  // Filled in a loop, the last object of a key winning as in a Map built from pairs: the pairs
  // were a two-item list per object, made only to be read once.
  const specs = new Map<ResourceKey, Record<string, unknown>>();
  for (let i = 0; i < input.manifests.length; i++) {
    const m = input.manifests[i] as SemanticGraphInput["manifests"][number];
    specs.set(m.key, m.spec);
  }
  const explainByRoute = groupBy(input.explain, (e) => e.route);
  const policyKeys = new Set(input.policies.map((p) => p.policy));
  const lookups: Lookups = {
    gateways: firstByKey(input.gateways, (g) => g.key),
    routes: firstByKey(input.routes, (r) => r.key),
    policies: groupBy(input.policies, (p) => p.policy),
  };
  const ingresses = new Map(modelledIngresses(input.manifests).map((i) => [i.key, i]));
  const classNames = new Set(
    input.objects.filter((o) => o.kind === "IngressClass").map((o) => o.name),
  );
  const nodes: GraphNode[] = [];
  const others = new Map<string, GraphOtherItem[]>();

  for (const o of input.objects) {
    const spec = specs.get(o.key) ?? {};
    if (o.kind === "GatewayClass") nodes.push(classNode(input, o, spec));
    else if (o.kind === "Gateway") nodes.push(gatewayNode(input, lookups, o, spec));
    else if (o.kind === "ListenerSet") nodes.push(listenerSetNode(input, lookups, o));
    else if (isRouteKind(o.kind))
      nodes.push(routeNode(lookups, o, spec, explainByRoute.get(o.key) ?? []));
    else if (o.kind === "IngressClass" && o.modelled) nodes.push(ingressClassNode(o, spec));
    else if (ingresses.has(o.key))
      nodes.push(ingressNode(o, ingresses.get(o.key) as IngressModel, classNames));
    else if (o.kind === "Service") nodes.push(serviceNode(o, spec as ServiceSpec));
    else if (o.kind === "ReferenceGrant") nodes.push(grantNode(o, spec as ReferenceGrantSpec));
    else if (policyKeys.has(o.key)) nodes.push(policyNode(input, lookups, o));
    else if (o.kind !== "Namespace") {
      const list = others.get(o.namespace ?? "") ?? [];
      list.push({ key: o.key, kind: o.kind, name: o.name });
      others.set(o.namespace ?? "", list);
    }
  }
  for (const [namespace, items] of others) {
    const ns = namespace === "" ? undefined : namespace;
    nodes.push({
      id: otherObjectsKey(ns),
      kind: OTHER_OBJECTS_KIND,
      category: "other",
      name: countedKinds(items),
      ...(ns === undefined ? {} : { namespace: ns }),
      status: "ok",
      ghost: false,
      details: { category: "other", items },
    });
  }
  return nodes;
}

/**
 * The grouped node's name in the words of its kinds ("1 Secret", "2 Secrets, 1 ConfigMap"), not
 * "1 other object"; past two kinds, the total (the card lists every object).
 */
function countedKinds(items: readonly { kind: string }[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
  if (counts.size > 2) return `${items.length} objects of ${counts.size} kinds`;
  return [...counts].map(([kind, n]) => `${n} ${n === 1 ? kind : pluralOfKind(kind)}`).join(", ");
}

/** English plural of a Kubernetes kind name (Secret → Secrets, Policy → Policies, Ingress → Ingresses). */
function pluralOfKind(kind: string): string {
  if (/[^aeiou]y$/i.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

/** Per-key lookups built once: the canvas draws thousands of routes, and a scan per node is quadratic. */
interface Lookups {
  gateways: ReadonlyMap<ResourceKey, GatewayModel>;
  routes: ReadonlyMap<ResourceKey, ResolvedRoute>;
  policies: ReadonlyMap<ResourceKey, PolicyAttachment[]>;
}

/** Like Array.find by key: the first item with a key wins. */
function firstByKey<T>(items: readonly T[], keyOf: (item: T) => ResourceKey): Map<ResourceKey, T> {
  const out = new Map<ResourceKey, T>();
  for (const item of items) if (!out.has(keyOf(item))) out.set(keyOf(item), item);
  return out;
}

/** A node's status and why, as the summaries below give it (status, then reason and message when set). */
type NodeSummary = {
  status: GraphStatus;
  reason?: string | undefined;
  message?: string | undefined;
};

/**
 * A drawn object's node: its identity, category, summary and details, keys in that order. Built
 * key by key rather than by spreading: an object spread that adds keys gives every node a hidden
 * class of its own, kept as long as the graph and making every reader of nodes megamorphic.
 */
function objectNode(
  o: ObjectSummary,
  category: GraphNode["category"],
  summary: NodeSummary,
  details: GraphNode["details"],
): GraphNode {
  const node = { id: o.key, kind: o.kind, name: o.name, ghost: false } as GraphNode;
  if (o.namespace !== undefined) node.namespace = o.namespace;
  node.category = category;
  // Every own key of the summary, as a spread copies them (a key set to undefined included).
  const target = node as unknown as Record<string, unknown>;
  const from = summary as Record<string, unknown>;
  for (const key of Object.keys(from)) target[key] = from[key];
  node.details = details;
  return node;
}

function classNode(
  input: SemanticGraphInput,
  o: ObjectSummary,
  spec: Record<string, unknown>,
): GraphNode {
  const controllerName =
    typeof spec["controllerName"] === "string" ? spec["controllerName"] : undefined;
  return objectNode(o, "class", summarizeConditions(conditionsOf(input.status[o.key])), {
    category: "class",
    ...(controllerName === undefined ? {} : { controllerName }),
  });
}

function gatewayNode(
  input: SemanticGraphInput,
  lookups: Lookups,
  o: ObjectSummary,
  spec: Record<string, unknown>,
): GraphNode {
  const model = lookups.gateways.get(o.key);
  const className =
    model?.className ??
    (typeof spec["gatewayClassName"] === "string" ? spec["gatewayClassName"] : "");
  const listeners = listenerRows(input, lookups, o.key, o.key);
  const own = summarizeConditions(conditionsOf(input.status[o.key]));
  return objectNode(o, "gateway", withListenerStatus(own, listeners), {
    category: "gateway",
    className,
    listeners,
  });
}

function listenerSetNode(input: SemanticGraphInput, lookups: Lookups, o: ObjectSummary): GraphNode {
  const model = input.gateways.find((g) => g.listeners.some((l) => l.owner === o.key));
  const listeners = listenerRows(input, lookups, model?.key, o.key);
  const own = summarizeConditions(conditionsOf(input.status[o.key]));
  return objectNode(o, "listenerSet", withListenerStatus(own, listeners), {
    category: "listenerSet",
    ...(model ? { gateway: model.key } : {}),
    listeners,
  });
}

/** A gateway that is fine itself but has a listener that serves nothing is worth a warning. */
function withListenerStatus(own: ReturnType<typeof summarizeConditions>, rows: GraphListenerRow[]) {
  if (own.status !== "ok") return own;
  const bad = rows.find((r) => !r.ready);
  return bad
    ? { status: "warning" as GraphStatus, ...(bad.reason ? { reason: bad.reason } : {}) }
    : own;
}

function listenerRows(
  input: SemanticGraphInput,
  lookups: Lookups,
  gateway: ResourceKey | undefined,
  owner: ResourceKey,
): GraphListenerRow[] {
  const model = gateway === undefined ? undefined : lookups.gateways.get(gateway);
  const ownerStatus = input.status[owner] as GatewayStatus | undefined;
  const statuses: ListenerStatus[] =
    ownerStatus && "listeners" in ownerStatus ? ownerStatus.listeners : [];
  return (model?.listeners ?? [])
    .filter((l) => l.owner === owner)
    .map((l) => {
      const st = statuses.find((s) => s.name === l.name);
      const conditions = st?.conditions ?? [];
      const conflicted = conditions.some(
        (c) => c.type === ConditionType.Conflicted && c.status === "True",
      );
      const failing = conflicted
        ? conditions.find((c) => c.type === ConditionType.Conflicted)
        : conditions.find((c) => c.type !== ConditionType.Conflicted && c.status === "False");
      const row: GraphListenerRow = {
        name: l.name,
        protocol: l.protocol,
        port: l.port,
        attachedRoutes: st?.attachedRoutes ?? 0,
        ready: l.ready,
        conflicted,
      };
      if (l.hostname !== undefined) row.hostname = l.hostname;
      if (failing && (!l.ready || conflicted)) {
        row.reason = failing.reason;
        row.message = failing.message;
      }
      return row;
    });
}

function routeNode(
  lookups: Lookups,
  o: ObjectSummary,
  spec: Record<string, unknown>,
  explains: RouteParentExplain[],
): GraphNode {
  const model = lookups.routes.get(o.key);
  const hostnames =
    model?.hostnames ?? (Array.isArray(spec["hostnames"]) ? spec["hostnames"].map(String) : []);
  const ruleCount =
    model?.rules.length ?? (Array.isArray(spec["rules"]) ? spec["rules"].length : 0);
  const parents: GraphRouteParent[] = explains.map((e) => ({
    parentRefIndex: e.parentRefIndex,
    label: parentLabel(e, o.namespace),
    accepted: e.accepted,
    reason: e.reason,
  }));
  const invalidRef = model === undefined ? undefined : firstInvalidBackendRef(model);
  let summary: { status: GraphStatus; reason?: string; message?: string };
  // A parent the world assumes (not in the workspace) is no rejection: its controller, outside
  // the workspace, decides. Problems reports it as info and the edge as "status unknown"; the card
  // must not say Rejected.
  // Counted in an indexed loop: no array or iterator per route (100,000 in the benchmark).
  let rejected: RouteParentExplain | undefined;
  let rejections = 0;
  let accepted = false;
  for (let i = 0; i < explains.length; i++) {
    const e = explains[i] as RouteParentExplain;
    if (e.accepted) accepted = true;
    else if (!e.unknownParent) {
      rejected ??= e;
      rejections++;
    }
  }
  const first = explains[0];
  if (!first) summary = { status: "unknown" };
  else if (rejected) {
    summary = {
      status: rejections === explains.length ? "error" : "warning",
      reason: rejected.reason,
      message: rejected.message,
    };
  } else if (!accepted) {
    // Every parent assumed.
    summary = { status: "unknown", message: first.message };
  } else if (invalidRef) {
    summary = {
      status: "warning",
      ...(invalidRef.reason ? { reason: invalidRef.reason } : {}),
      ...(invalidRef.message ? { message: invalidRef.message } : {}),
    };
  } else summary = { status: "ok" };
  return objectNode(o, "route", summary, { category: "route", hostnames, ruleCount, parents });
}

/** The route's first invalid backendRef in rule order, without a list of every ref per route. */
function firstInvalidBackendRef(route: ResolvedRoute): ResolvedBackendRef | undefined {
  for (const rule of route.rules) for (const b of rule.backendRefs) if (!b.valid) return b;
  return undefined;
}

function ingressClassNode(o: ObjectSummary, spec: Record<string, unknown>): GraphNode {
  const controllerName = typeof spec["controller"] === "string" ? spec["controller"] : undefined;
  return objectNode(
    o,
    "class",
    { status: "ok" },
    { category: "class", ...(controllerName === undefined ? {} : { controllerName }) },
  );
}

/**
 * An Ingress is drawn in the route column: its hosts, its paths as rules, and its class as its one
 * "parent" (accepted when the IngressClass is in the input or no class object is needed).
 */
function ingressNode(
  o: ObjectSummary,
  ingress: IngressModel,
  classNames: ReadonlySet<string>,
): GraphNode {
  const hostnames = [...new Set(ingress.rules.map((r) => r.host || "*"))];
  const ruleCount =
    ingress.rules.reduce((n, r) => n + r.paths.length, 0) + (ingress.defaultBackend ? 1 : 0);
  const classFound = classNames.has(ingress.className) || ingress.classSource === "none";
  const parents: GraphRouteParent[] = [
    {
      parentRefIndex: 0,
      label: `IngressClass ${ingress.className}`,
      accepted: classFound,
      reason: classFound ? "IngressClass" : "NotInInput",
    },
  ];
  const summary = classFound
    ? { status: "ok" as GraphStatus }
    : {
        status: "warning" as GraphStatus,
        reason: "IngressClassNotFound",
        message: `IngressClass ${ingress.className} is not in the input`,
      };
  return objectNode(o, "route", summary, { category: "route", hostnames, ruleCount, parents });
}

export function parentLabel(e: RouteParentExplain, routeNamespace: string | undefined): string {
  const ns = e.parentRef.namespace ?? routeNamespace ?? "default";
  const section = e.parentRef.sectionName ? `/${e.parentRef.sectionName}` : "";
  const port = e.parentRef.port !== undefined ? `:${e.parentRef.port}` : "";
  return `${ns}/${e.parentRef.name ?? "?"}${section}${port}`;
}

function serviceNode(o: ObjectSummary, spec: ServiceSpec): GraphNode {
  const ports: GraphServicePort[] = (Array.isArray(spec.ports) ? spec.ports : [])
    .filter((p) => typeof p?.port === "number")
    .map((p) => ({
      port: p.port as number,
      ...(p.name ? { name: p.name } : {}),
      ...(p.protocol ? { protocol: p.protocol } : {}),
    }));
  return objectNode(o, "backend", { status: "ok" }, { category: "backend", ports });
}

function grantNode(o: ObjectSummary, spec: ReferenceGrantSpec): GraphNode {
  const from = (Array.isArray(spec.from) ? spec.from : []).map(
    (f) => `${f?.kind ?? "?"} in ${f?.namespace ?? "?"}`,
  );
  const to = (Array.isArray(spec.to) ? spec.to : []).map((t) =>
    t?.name ? `${t.kind ?? "?"} ${t.name}` : `every ${t?.kind ?? "?"}`,
  );
  return objectNode(o, "grant", { status: "ok" }, { category: "grant", from, to });
}

function policyNode(input: SemanticGraphInput, lookups: Lookups, o: ObjectSummary): GraphNode {
  const attachments = lookups.policies.get(o.key) ?? [];
  const targets = attachments.map(
    (p) => `${p.targetRef.kind} ${p.targetRef.namespace}/${p.targetRef.name}`,
  );
  const st = input.status[o.key];
  const ancestorConditions =
    st && "ancestors" in st ? st.ancestors.flatMap((a) => a.conditions) : [];
  let summary = summarizeConditions(ancestorConditions);
  const missing = attachments.find(
    (p) => p.target === undefined && assumedPolicyTarget(input, p) === undefined,
  );
  if (missing && summary.status !== "error") {
    summary = {
      status: worstStatus([summary.status, "warning"]),
      reason: summary.reason ?? PolicyReason.TargetNotFound,
      message:
        summary.message ??
        `${missing.targetRef.kind} ${missing.targetRef.name} is not in the input`,
    };
  }
  return objectNode(o, "policy", summary, { category: "policy", targets });
}

export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
