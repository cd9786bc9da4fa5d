import { describe, expect, test } from "vitest";
import { resourceKey, type ResourceKey } from "../api/keys";
import type {
  Condition,
  GatewayModel,
  Manifest,
  ObjectSummary,
  ResolvedBackendRef,
  ResolvedRoute,
  RouteParentExplain,
} from "../types";
import { buildSemanticGraph } from "./buildSemanticGraph";
import type { SemanticGraphInput } from "./semanticGraphInput";

// Inputs are built by hand, shaped as computeStatus hands them over, so these tests pin what the
// graph makes of each analysis field (analyze.graph.test.ts covers the whole pipeline on YAML).
const k = (kind: string, ns: string | undefined, name: string) => resourceKey(kind, ns, name);
const cond = (type: string, status: "True" | "False", reason: string, message = ""): Condition => ({
  type,
  status,
  reason,
  message,
  observedGeneration: 1,
  lastTransitionTime: "1970-01-01T00:00:00Z",
});
function obj(
  kind: string,
  ns: string | undefined,
  name: string,
  spec: Record<string, unknown> = {},
): [ObjectSummary, Manifest] {
  const key = k(kind, ns, name);
  const summary: ObjectSummary = {
    key,
    apiVersion: "v1",
    kind,
    name,
    modelled: true,
    file: "in.yaml",
    docIndex: 0,
    line: 1,
    endLine: 2,
  };
  if (ns !== undefined) summary.namespace = ns;
  const manifest: Manifest = {
    key,
    apiVersion: "v1",
    group: "",
    kind,
    name,
    namespace: ns,
    labels: {},
    annotations: {},
    creationTimestamp: undefined,
    generation: 1,
    modelled: true,
    spec,
    body: { spec },
    source: { file: "in.yaml", docIndex: 0, line: 1, column: 1, endLine: 2 },
  };
  return [summary, manifest];
}
function backend(
  index: number,
  ns: string,
  name: string,
  weight: number,
  extra: Partial<ResolvedBackendRef> = {},
): ResolvedBackendRef {
  return {
    index,
    group: "",
    kind: "Service",
    namespace: ns,
    name,
    port: 8080,
    weight,
    target: k("Service", ns, name),
    valid: true,
    filters: [],
    ...extra,
  };
}
/** A backendRef the engine could not resolve: no target. */
function unresolved(
  index: number,
  ns: string,
  name: string,
  reason: ResolvedBackendRef["reason"],
): ResolvedBackendRef {
  const { target: _target, ...rest } = backend(index, ns, name, 1, {
    valid: false,
    ...(reason ? { reason } : {}),
  });
  return rest;
}
function route(ns: string, name: string, rules: ResolvedBackendRef[][]): ResolvedRoute {
  return {
    key: k("HTTPRoute", ns, name),
    kind: "HTTPRoute",
    namespace: ns,
    name,
    hostnames: [`${name}.example.com`],
    rules: rules.map((backendRefs, index) => ({
      index,
      matches: [],
      filters: [],
      backendRefs,
      valid: true,
    })),
  };
}
function explain(
  r: ResourceKey,
  accepted: boolean,
  reason: string,
  sectionName?: string,
): RouteParentExplain {
  return {
    route: r,
    parentRefIndex: 0,
    parentRef: { name: "shared", namespace: "infra", ...(sectionName ? { sectionName } : {}) },
    parent: GW,
    accepted,
    reason: reason as RouteParentExplain["reason"],
    message: accepted ? "" : "listener http does not allow routes from team-b",
    checks: [],
    listeners: [],
  };
}

const GW = k("Gateway", "infra", "shared");
const STORE = k("HTTPRoute", "team-a", "store");
const SHOP = k("HTTPRoute", "team-b", "shop");
const gateway: GatewayModel = {
  key: GW,
  namespace: "infra",
  name: "shared",
  className: "envoy",
  reconciled: true,
  listeners: [
    {
      gateway: GW,
      owner: GW,
      name: "http",
      port: 80,
      protocol: "HTTP",
      hostname: "*.example.com",
      ready: true,
      supportedKinds: ["HTTPRoute"],
    },
    {
      gateway: GW,
      owner: GW,
      name: "https",
      port: 443,
      protocol: "HTTPS",
      hostname: "*.example.com",
      ready: false,
      supportedKinds: ["HTTPRoute"],
    },
  ],
};

function twoTeams(
  shopAccepted: boolean,
  extra: Partial<SemanticGraphInput> = {},
): SemanticGraphInput {
  const pairs = [
    obj("GatewayClass", undefined, "envoy", {
      controllerName: "gateway.envoyproxy.io/gatewayclass-controller",
    }),
    obj("Namespace", undefined, "infra"),
    obj("Gateway", "infra", "shared", { gatewayClassName: "envoy" }),
    obj("Secret", "infra", "wildcard"),
    obj("HTTPRoute", "team-a", "store"),
    obj("Service", "team-a", "store-api", { ports: [{ name: "http", port: 8080 }] }),
    obj("HTTPRoute", "team-b", "shop"),
    obj("Service", "team-b", "shop-v1", { ports: [{ port: 8080 }] }),
    obj("Service", "team-b", "shop-v2", { ports: [{ port: 8080 }] }),
    obj("ReferenceGrant", "team-a", "let-b-in", {
      from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "team-b" }],
      to: [{ group: "", kind: "Service" }],
    }),
  ];
  return {
    objects: pairs.map((p) => p[0]),
    manifests: pairs.map((p) => p[1]),
    status: {
      [k("GatewayClass", undefined, "envoy")]: {
        conditions: [cond("Accepted", "True", "Accepted")],
      },
      [GW]: {
        conditions: [
          cond("Accepted", "True", "Accepted"),
          cond("Programmed", "True", "Programmed"),
        ],
        listeners: [
          {
            name: "http",
            supportedKinds: [],
            attachedRoutes: shopAccepted ? 2 : 1,
            conditions: [cond("Accepted", "True", "Accepted")],
          },
          {
            name: "https",
            supportedKinds: [],
            attachedRoutes: 0,
            conditions: [cond("ResolvedRefs", "False", "InvalidCertificateRef", "secret missing")],
          },
        ],
      },
    },
    explain: [
      explain(STORE, true, "Accepted"),
      explain(SHOP, shopAccepted, shopAccepted ? "Accepted" : "NotAllowedByListeners", "http"),
    ],
    gateways: [gateway],
    routes: [
      route("team-a", "store", [
        [backend(0, "team-a", "store-api", 1)],
        [unresolved(0, "team-a", "store-missing", "BackendNotFound")],
      ]),
      route("team-b", "shop", [
        [backend(0, "team-b", "shop-v1", 90), backend(1, "team-b", "shop-v2", 10)],
      ]),
    ],
    attachments: [
      {
        route: STORE,
        parentRefIndex: 0,
        gateway: GW,
        listener: "http",
        hostnames: ["store.example.com"],
      },
      ...(shopAccepted
        ? [
            {
              route: SHOP,
              parentRefIndex: 0,
              gateway: GW,
              listener: "http",
              hostnames: ["shop.example.com"],
            },
          ]
        : []),
    ],
    policies: [],
    ...extra,
  };
}

describe("buildSemanticGraph", () => {
  test("draws one node per object, with gateway listeners as rows carrying their status", () => {
    const g = buildSemanticGraph(twoTeams(true));
    const gw = g.nodes.find((n) => n.id === GW);
    expect(gw?.details).toEqual({
      category: "gateway",
      className: "envoy",
      listeners: [
        {
          name: "http",
          protocol: "HTTP",
          port: 80,
          hostname: "*.example.com",
          attachedRoutes: 2,
          ready: true,
          conflicted: false,
        },
        {
          name: "https",
          protocol: "HTTPS",
          port: 443,
          hostname: "*.example.com",
          attachedRoutes: 0,
          ready: false,
          conflicted: false,
          reason: "InvalidCertificateRef",
          message: "secret missing",
        },
      ],
    });
    // The gateway itself is accepted, but a listener that serves nothing is worth a warning.
    expect(gw).toMatchObject({ status: "warning", reason: "InvalidCertificateRef" });
    expect(g.nodes.find((n) => n.kind === "GatewayClass")).toMatchObject({
      status: "ok",
      details: { controllerName: "gateway.envoyproxy.io/gatewayclass-controller" },
    });
    expect(g.nodes.find((n) => n.id === k("Service", "team-a", "store-api"))?.details).toEqual({
      category: "backend",
      ports: [{ name: "http", port: 8080 }],
    });
    expect(g.nodes.some((n) => n.kind === "Namespace")).toBe(false);
  });

  test("node keys come in one order: identity, category, summary, details", () => {
    // JSON output (CLI, worker messages) prints keys in this order, whatever builds the node.
    const g = buildSemanticGraph(twoTeams(true));
    expect(Object.keys(g.nodes.find((n) => n.id === GW) ?? {})).toEqual([
      "id",
      "kind",
      "name",
      "ghost",
      "namespace",
      "category",
      "status",
      "reason",
      "details",
    ]);
    expect(Object.keys(g.nodes.find((n) => n.kind === "GatewayClass") ?? {})).toEqual([
      "id",
      "kind",
      "name",
      "ghost",
      "category",
      "status",
      "details",
    ]);
    expect(Object.keys(g.nodes.find((n) => n.id === SHOP) ?? {})).toEqual([
      "id",
      "kind",
      "name",
      "ghost",
      "namespace",
      "category",
      "status",
      "details",
    ]);
  });

  test("an accepted route gets an ok edge to the listener it attached to", () => {
    const g = buildSemanticGraph(twoTeams(true));
    const edge = g.edges.find((e) => e.kind === "parent" && e.source === SHOP);
    expect(edge).toMatchObject({ target: GW, targetListener: "http", status: "ok" });
    expect(g.nodes.find((n) => n.id === SHOP)).toMatchObject({
      status: "ok",
      details: { hostnames: ["shop.example.com"], ruleCount: 1 },
    });
  });

  test("a rejected route gets an error edge with the reason, at the listener its sectionName names", () => {
    const g = buildSemanticGraph(twoTeams(false));
    const edges = g.edges.filter((e) => e.kind === "parent" && e.source === SHOP);
    expect(edges).toEqual([
      expect.objectContaining({
        target: GW,
        targetListener: "http",
        status: "error",
        reason: "NotAllowedByListeners",
        label: "NotAllowedByListeners",
      }),
    ]);
    expect(g.nodes.find((n) => n.id === SHOP)).toMatchObject({
      status: "error",
      reason: "NotAllowedByListeners",
      details: {
        parents: [
          {
            parentRefIndex: 0,
            label: "infra/shared/http",
            accepted: false,
            reason: "NotAllowedByListeners",
          },
        ],
      },
    });
  });

  test("backend edges carry the weight as a percentage of their rule, and missing backends become ghosts", () => {
    const g = buildSemanticGraph(twoTeams(true));
    const shop = g.edges.filter((e) => e.kind === "backend" && e.source === SHOP);
    expect(shop.map((e) => [e.target, e.weightPercent, e.label])).toEqual([
      [k("Service", "team-b", "shop-v1"), 90, "rule 0 · 90%"],
      [k("Service", "team-b", "shop-v2"), 10, "rule 0 · 10%"],
    ]);
    const broken = g.edges.find((e) => e.id === `backend:${STORE}:1:0`);
    expect(broken).toMatchObject({
      status: "error",
      reason: "BackendNotFound",
      target: k("Service", "team-a", "store-missing"),
    });
    expect(g.nodes.find((n) => n.id === k("Service", "team-a", "store-missing"))).toMatchObject({
      ghost: true,
      status: "missing",
      category: "backend",
    });
    // A route whose parents all accepted but with a broken backendRef is a warning, not an error.
    expect(g.nodes.find((n) => n.id === STORE)).toMatchObject({
      status: "warning",
      reason: "BackendNotFound",
    });
  });

  test("class → gateway edges, and a class that is not in the input becomes a ghost", () => {
    const input = twoTeams(true);
    const g = buildSemanticGraph({
      ...input,
      gateways: [{ ...gateway, className: "nope", reconciled: false }],
    });
    expect(g.edges.find((e) => e.kind === "class")).toMatchObject({
      source: k("GatewayClass", undefined, "nope"),
      target: GW,
      status: "error",
    });
    expect(g.nodes.find((n) => n.id === k("GatewayClass", undefined, "nope"))).toMatchObject({
      ghost: true,
      category: "class",
    });
  });

  test("grants point at the namespaces they admit; namespaces frame their members", () => {
    const g = buildSemanticGraph(twoTeams(true));
    const grant = g.edges.find((e) => e.kind === "grant");
    expect(grant).toMatchObject({
      target: k("Namespace", undefined, "team-b"),
      label: "lets HTTPRoute use Service",
    });
    expect(g.nodes.find((n) => n.kind === "ReferenceGrant")?.details).toEqual({
      category: "grant",
      from: ["HTTPRoute in team-b"],
      to: ["every Service"],
    });
    const ns = Object.fromEntries(g.namespaces.map((n) => [n.namespace, n]));
    expect(ns["infra"]).toMatchObject({ declared: true, id: k("Namespace", undefined, "infra") });
    expect(ns["team-b"]?.members).toEqual([
      SHOP,
      k("Service", "team-b", "shop-v1"),
      k("Service", "team-b", "shop-v2"),
    ]);
    expect(ns["team-a"]?.declared).toBe(false);
  });

  test("objects not drawn on their own are listed in one node per namespace", () => {
    const g = buildSemanticGraph(twoTeams(true));
    const other = g.nodes.find((n) => n.category === "other");
    expect(other).toMatchObject({
      namespace: "infra",
      name: "1 Secret",
      details: { items: [{ kind: "Secret", name: "wildcard" }] },
    });
  });

  test("the grouped node is named by its kinds, plural where counted, a total past two kinds", () => {
    const input = twoTeams(true);
    const extra = [
      obj("Secret", "infra", "second"),
      obj("ConfigMap", "infra", "settings"),
      obj("ClusterPolicy", "infra", "p"),
    ];
    const named = (objects: typeof extra) =>
      buildSemanticGraph({
        ...input,
        objects: [...input.objects, ...objects.map(([summary]) => summary)],
        manifests: [...input.manifests, ...objects.map(([, manifest]) => manifest)],
      }).nodes.find((n) => n.category === "other")?.name;
    expect(named(extra.slice(0, 2))).toBe("2 Secrets, 1 ConfigMap");
    expect(named(extra)).toBe("4 objects of 3 kinds");
    expect(named([obj("NetworkPolicy", "infra", "a"), obj("NetworkPolicy", "infra", "b")])).toBe(
      "1 Secret, 2 NetworkPolicies",
    );
  });

  test("policies get an edge to their target, or a ghost when the target is missing", () => {
    const [summary, manifest] = obj("BackendTLSPolicy", "team-a", "tls");
    const input = twoTeams(true);
    const g = buildSemanticGraph({
      ...input,
      objects: [...input.objects, summary],
      manifests: [...input.manifests, manifest],
      policies: [
        {
          policy: summary.key,
          policyKind: "BackendTLSPolicy",
          targetRefIndex: 0,
          targetRef: { group: "", kind: "Service", name: "store-api", namespace: "team-a" },
          target: k("Service", "team-a", "store-api"),
        },
        {
          policy: summary.key,
          policyKind: "BackendTLSPolicy",
          targetRefIndex: 1,
          targetRef: { group: "", kind: "Service", name: "gone", namespace: "team-a" },
        },
      ],
    });
    expect(g.edges.filter((e) => e.kind === "policy").map((e) => [e.target, e.status])).toEqual([
      [k("Service", "team-a", "store-api"), "ok"],
      [k("Service", "team-a", "gone"), "missing"],
    ]);
    expect(g.nodes.find((n) => n.id === summary.key)).toMatchObject({
      category: "policy",
      status: "warning",
      reason: "TargetNotFound",
    });
  });

  test("every edge ends at a node or a namespace frame, and the graph survives structuredClone", () => {
    const g = buildSemanticGraph(twoTeams(false));
    const ids = new Set<string>([...g.nodes.map((n) => n.id), ...g.namespaces.map((n) => n.id)]);
    for (const e of g.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    expect(structuredClone(g)).toEqual(g);
  });
});
