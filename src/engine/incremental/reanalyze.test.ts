import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  generateBenchConfig,
  withHostnameEdit,
  withPathEdit,
  withServicePortEdit,
  withWeightEdit,
} from "../../../bench/generateBenchConfig";
import {
  generatePolicyWorkspace,
  withPolicyWorkspaceEdit,
} from "../../../bench/generatePolicyWorkspace";
import { uiBenchWorkspace } from "../../../bench/ui/workspace";
import { analyzeRevision, type AnalyzedRevision } from "../analyze";
import { createParseCache, type ParseCache } from "../load/parseCache";
import type { AnalyzeOptions, ResourceKey, SourceFile } from "../types";
import type { Analysis } from "../analysisTypes";
import type { WorldMode } from "../resolve/world";
import { loadValidated } from "../validate/loadValidated";
import { reanalyze, type Reanalysis } from "./reanalyze";

const clock = () => "2026-01-01T00:00:00Z";
const at = (text: string): SourceFile[] => [{ name: "workspace.yaml", text }];

/** Revision n analysed with a parse cache, then revision n+1 through the incremental pass. */
function step(
  before: string,
  after: string,
  options: AnalyzeOptions = {},
): { result: Reanalysis; fresh: AnalyzedRevision; previous: AnalyzedRevision } {
  const cache = createParseCache();
  const opts = { clock, ...options, parseCache: cache };
  const previous = analyzeRevision(at(before), opts);
  const result = reanalyze(previous, at(after), opts, loadValidated(at(after), cache));
  return { result, fresh: analyzeRevision(at(after), { clock, ...options }), previous };
}

/** Expects the pass to reuse revision n and to give what a fresh analysis gives. */
function expectReused(before: string, after: string, options: AnalyzeOptions = {}) {
  const { result, fresh } = step(before, after, options);
  expect(result.fallback).toBeUndefined();
  expect(result.revision?.analysis).toEqual(fresh.analysis);
  return { revision: result.revision as AnalyzedRevision, fresh };
}

function expectFallback(before: string, after: string, why: RegExp, options: AnalyzeOptions = {}) {
  const { result } = step(before, after, options);
  expect(result.revision).toBeUndefined();
  expect(result.fallback).toMatch(why);
}

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: gwsim
spec:
  controllerName: gwsim.dev/controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
  namespace: infra
spec:
  gatewayClassName: gwsim
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: Selector
          selector:
            matchLabels:
              team: shop
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: shop
---
apiVersion: v1
kind: Service
metadata:
  name: blue
  namespace: shop
spec:
  ports:
    - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: green
  namespace: shop
spec:
  ports:
    - port: 8080
`;

function route(name: string, opts: { weight?: number; path?: string; backend?: string } = {}) {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: shop
spec:
  parentRefs:
    - name: web
      namespace: infra
  hostnames:
    - ${name}.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: ${opts.path ?? "/"}
      backendRefs:
        - name: blue
          port: 8080
          weight: 90
        - name: ${opts.backend ?? "green"}
          port: 8080
          weight: ${opts.weight ?? 10}
`;
}

const BASE = GATEWAY + route("a") + route("b") + route("c");

/** The only object of namespace svc: removed or moved, svc's grants are assumed again. */
const SVC_CONFIG_MAP = `---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: svc
`;

/**
 * BASE with a listener that admits every namespace (no label is read), routes a and b forwarding
 * to green in namespace svc, the Service there, and a grant that admits routes from shop.
 */
const GRANTED =
  BASE.replace(
    /from: Selector\n\s+selector:\n\s+matchLabels:\n\s+team: shop\n/,
    "from: All\n",
  ).replace(/(name: [ab]\n[\s\S]*?- name: green\n)/g, "$1          namespace: svc\n") +
  `---
apiVersion: v1
kind: Service
metadata:
  name: green
  namespace: svc
spec:
  ports:
    - port: 8080
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: from-shop
  namespace: svc
spec:
  from:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      namespace: shop
  to:
    - group: ""
      kind: Service
`;

/** A route on the host every such route shares, with one path and a weighted split. */
function shared(name: string, path: string, weight = 10) {
  return route(name, { path, weight }).replace(`${name}.example.com`, "shop.example.com");
}

const TRAFFIC_POLICY = `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: b-retries
  namespace: shop
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      name: b
`;

const GREEN_TLS = `---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: green-tls
  namespace: shop
spec:
  targetRefs:
    - group: ""
      kind: Service
      name: green
  validation:
    wellKnownCACertificates: System
    hostname: green.shop.example
`;
const edited = (opts: Parameters<typeof route>[1]) =>
  GATEWAY + route("a") + route("b", opts) + route("c");

/** A Service no route of BASE reaches, and a BackendTLSPolicy that names only it. */
const RED_TLS = `---
apiVersion: v1
kind: Service
metadata:
  name: red
  namespace: shop
spec:
  ports:
    - port: 8080
${GREEN_TLS.replace("name: green-tls", "name: red-tls")
  .replace("name: green\n", "name: red\n")
  .replace("green.shop.example", "red.shop.example")}`;

/** A second Gateway whose one listener only a GRPCRoute uses: the HTTPRoutes never meet it. */
const GRPC_ELSEWHERE = `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: rpc
  namespace: infra
spec:
  gatewayClassName: gwsim
  listeners:
    - name: grpc
      protocol: HTTP
      port: 50051
      allowedRoutes:
        namespaces:
          from: All
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: g
  namespace: shop
spec:
  parentRefs:
    - name: rpc
      namespace: infra
  hostnames:
    - b.example.com
  rules:
    - backendRefs:
        - name: blue
          port: 8080
`;

describe("what one edit reuses", () => {
  test("a weight edit reuses every other object's results and equals a fresh analysis", () => {
    const { revision } = expectReused(BASE, edited({ weight: 30 }));
    const before = analyzeRevision(at(BASE), { clock });
    // Untouched Gateways' status and the other routes' status are not rebuilt.
    expect(revision.analysis.status["Gateway/infra/web"]).toEqual(
      before.analysis.status["Gateway/infra/web"],
    );
    const edge = revision.analysis.graph.edgeChunks
      .flat()
      .find((e) => e.id.startsWith("backend:HTTPRoute/shop/b:0:1"));
    expect(edge?.weight).toBe(30);
    const entry = revision.analysis.routeTable.listeners[0]?.virtualHosts
      .flatMap((v) => v.entries)
      .find((e) => e.route === "HTTPRoute/shop/b");
    expect(entry?.backends.map((b) => b.weight)).toEqual([90, 30]);
  });

  test("a lone backend weighing 0 adds the zero-weight finding in its place", () => {
    const zero = (w: number) =>
      GATEWAY +
      route("a") +
      route("b").replace("weight: 90", `weight: ${w}`).replace("weight: 10", "weight: 0") +
      route("c");
    const { revision } = expectReused(zero(5), zero(0));
    expect(revision.analysis.lint.map((f) => f.diagnostic.code)).toContain(
      "lint.zero-total-weight",
    );
  });

  test("a backend switched to another Service of the input is reused", () => {
    expectReused(BASE, edited({ backend: "blue" }));
  });

  test("a backend renamed to a Service the input lacks: its finding and ghost come in place", () => {
    for (const world of ["auto", "closed"] as const) {
      const { revision } = expectReused(BASE, edited({ backend: "purple" }), { world });
      const ghost = revision.analysis.graph.nodes.find((n) => n.id === "Service/shop/purple");
      expect(ghost?.ghost).toBe(true);
      expect(
        revision.analysis.diagnostics.some((d) => d.message.startsWith("Service shop/purple")),
      ).toBe(true);
    }
  });

  test("typed letter by letter to another missing Service, then to one of the input: each step equals fresh", () => {
    // The route's finding is replaced, its ghost renamed, then dropped (routeDiagnostics.ts,
    // ghostNodes.ts); a second route naming the same missing Service keeps the ghost where it was.
    const text = (b: string, other = "green") =>
      GATEWAY + route("a", { backend: other }) + route("b", { backend: b }) + route("c");
    for (const other of ["green", "gre"]) {
      let before = text("green", other);
      for (const b of ["gree", "gre", "gr", "g", "gx", "gre", "green", "blue"]) {
        const { result } = step(before, text(b, other));
        expect(result.fallback).toBeUndefined();
        expect(result.revision?.analysis).toEqual(
          analyzeRevision(at(text(b, other)), { clock }).analysis,
        );
        before = text(b, other);
      }
    }
  });

  test("a Service name typed where the route's parent reports a finding too: placed before it", () => {
    const parentMissing = (b: string) =>
      GATEWAY +
      route("a") +
      route("b", { backend: b }).replace(
        "    - name: web\n",
        "    - name: web\n    - name: nope\n",
      ) +
      route("c");
    expectReused(parentMissing("green"), parentMissing("gree"));
    expectReused(parentMissing("gree"), parentMissing("gre"));
    expectReused(parentMissing("gre"), parentMissing("green"));
  });

  test("a path edit re-ranks the route's entries in its own host and equals a fresh analysis", () => {
    expectReused(edited({ path: "/a" }), edited({ path: "/b" }));
    expectReused(BASE, edited({ path: "/longer" }));
  });

  test("a path edit moves the route among others of a shared host, ranks renumbered", () => {
    const before = GATEWAY + shared("a", "/a") + shared("b", "/b") + shared("c", "/c");
    const after = GATEWAY + shared("a", "/a") + shared("b", "/b/longer") + shared("c", "/c");
    const { revision } = expectReused(before, after);
    const [vhost] = revision.analysis.routeTable.listeners[0]?.virtualHosts ?? [];
    expect(vhost?.entries.map((x) => [x.route, x.rank])).toEqual([
      ["HTTPRoute/shop/b", 1],
      ["HTTPRoute/shop/a", 2],
      ["HTTPRoute/shop/c", 3],
    ]);
  });

  test("a path edit that shadows another route's match: full pipeline", () => {
    // a ranks before b on a tie (name order): b's match is now never reached, b's finding.
    const before = GATEWAY + shared("a", "/a") + shared("b", "/b");
    const after = GATEWAY + shared("a", "/b") + shared("b", "/b");
    expectFallback(before, after, /precedence says of other routes/);
  });

  test("a path edit and a weight edit of two routes at once: full pipeline", () => {
    const before = GATEWAY + shared("a", "/a") + shared("b", "/b");
    const after = GATEWAY + shared("a", "/a/x") + shared("b", "/b", 20);
    expectFallback(before, after, /cannot be placed/);
  });

  test("a parentRef edit changes attachment: full pipeline", () => {
    const other = BASE.replace(/(name: b\n[\s\S]*?)- name: web/, "$1- name: wex");
    expectFallback(BASE, other, /attachment inputs/);
  });

  test("edits of a Namespace, Gateway, Service or ReferenceGrant: full pipeline", () => {
    expectFallback(
      BASE,
      BASE.replace("shop\n  labels:\n    team: shop", "shop\n  labels:\n    team: shoq"),
      /selects namespaces by label/,
    );
    // A listener's port is proven apart (gatewayEdit.test.ts); its name is read by every route.
    expectFallback(BASE, BASE.replace("- name: http\n", "- name: htt\n"), /listener's name/);
    expectFallback(BASE, BASE.replace("- port: 8080", "- port: 8081"), /backendRef to port 8080/);
  });

  test("documents added, removed or moved: full pipeline", () => {
    expectFallback(BASE, BASE + route("d"), /added or removed/);
    expectFallback(BASE, GATEWAY + route("b") + route("a") + route("c"), /renamed or moved/);
    // A new `---` in a route splits it: neither half loads as the route did.
    expectFallback(BASE, BASE.replace("  rules:\n", "---\n  rules:\n"), /loader reports changed/);
  });

  test("a `---` typed before a document and deleted again (300 routes): later documents renumbered, their objects reused", () => {
    const config = generateBenchConfig(300);
    const joined = config.docs.join("---\n");
    const split = [config.docs[0], "", ...config.docs.slice(1)].join("---\n");
    for (const [before, after, by] of [
      [joined, split, 1],
      [split, joined, -1],
    ] as const) {
      const { result, fresh, previous } = step(before, after);
      expect(result.fallback).toBeUndefined();
      expect(result.proofs).toContain("lines-moved");
      expect(result.revision?.analysis).toEqual(fresh.analysis);
      const was = previous.stages.manifests;
      const now = (result.revision as AnalyzedRevision).stages.manifests;
      const last = now.length - 1;
      expect(now[last]?.source.docIndex).toBe((was[last]?.source.docIndex ?? 0) + by);
      // The loader moved the later documents' objects rather than building them again.
      expect(now[last]?.body).toBe(was[last]?.body);
    }
  });

  test("a route relying on an assumed ReferenceGrant: a weight edit is reused; the first object of the namespace flips it", () => {
    const intoSvc = (weight: number) =>
      BASE +
      route("d", { weight }).replace(
        "- name: green\n",
        "- name: green\n          namespace: svc\n",
      );
    const { fresh } = expectReused(intoSvc(10), intoSvc(20));
    expect(fresh.analysis.assumptions.map((a) => a.key)).toContain("ReferenceGrant/svc/");
    // The first object in namespace svc makes the input authoritative for its grants.
    const withSvc = intoSvc(10) + SVC_CONFIG_MAP;
    expectFallback(intoSvc(10), withSvc, /added or removed/);
    const { result, fresh: flipped } = step(intoSvc(10), withSvc);
    expect(result.revision).toBeUndefined();
    expect(flipped.analysis.assumptions.map((a) => a.key)).not.toContain("ReferenceGrant/svc/");
    const d = flipped.analysis.status["HTTPRoute/shop/d"] as {
      parents: { conditions: { type: string; reason: string }[] }[];
    };
    expect(d.parents[0]?.conditions.find((c) => c.type === "ResolvedRefs")?.reason).toBe(
      "RefNotPermitted",
    );
  });

  test("another world or other readings: full pipeline", () => {
    const cache = createParseCache();
    const previous = analyzeRevision(at(BASE), { clock, parseCache: cache });
    const next = edited({ weight: 30 });
    const closed = reanalyze(
      previous,
      at(next),
      { clock, world: "closed" },
      loadValidated(at(next), cache),
    );
    expect(closed.fallback).toMatch(/world/);
  });

  test("previous is not kept by the new revision (no chain of revisions)", () => {
    const cache = createParseCache();
    const previous = analyzeRevision(at(BASE), { clock, parseCache: cache });
    const next = analyzeRevision(at(edited({ weight: 30 })), {
      clock,
      parseCache: cache,
      previous,
    });
    expect("previous" in next.options).toBe(false);
  });

  test("a weight edit of a route a policy targets is reused: the policies' targets stand", () => {
    const withPolicy = (w: number) => edited({ weight: w }) + TRAFFIC_POLICY;
    const { revision } = expectReused(withPolicy(10), withPolicy(30));
    expect(
      revision.analysis.effectivePolicies["HTTPRoute/shop/b" as ResourceKey]?.map((p) => p.policy),
    ).toEqual(["BackendTrafficPolicy/shop/b-retries"]);
  });

  test("a weight edit beside a BackendTLSPolicy keeps the backends' SNI and the policy status", () => {
    const withTLS = (w: number) => edited({ weight: w }) + GREEN_TLS;
    const { revision } = expectReused(withTLS(10), withTLS(30));
    const b = revision.analysis.routes.find((r) => r.key === "HTTPRoute/shop/b");
    expect(b?.rules[0]?.backendRefs.map((r) => [r.weight, r.backendTLS?.sni])).toEqual([
      [90, undefined],
      [30, "green.shop.example"],
    ]);
    expect(revision.analysis.status["BackendTLSPolicy/shop/green-tls"]).toBeDefined();
  });

  test("a backend switched to a Service a BackendTLSPolicy reads: full pipeline", () => {
    expectFallback(
      GATEWAY + route("a") + route("b") + route("c") + GREEN_TLS,
      GATEWAY + route("a") + route("b", { backend: "blue" }) + route("c") + GREEN_TLS,
      /BackendTLSPolicy reads them/,
    );
  });

  test("a backend switched beside a BackendTLSPolicy that names neither Service is reused", () => {
    const withRed = (backend: string) => edited({ backend }) + RED_TLS;
    const { result, fresh } = step(withRed("green"), withRed("blue"));
    expect(result.fallback).toBeUndefined();
    expect(result.proofs).toEqual(["route-rules", "tls-policies-unread"]);
    expect(result.revision?.analysis).toEqual(fresh.analysis);
    // ... and a Service the route reaches, edited in place beside that policy (a port it lacks).
    const renumbered = withRed("green").replace(
      "  name: blue\n  namespace: shop\nspec:\n  ports:\n    - port: 8080\n",
      "  name: blue\n  namespace: shop\nspec:\n  ports:\n    - port: 8080\n    - port: 9090\n",
    );
    const service = step(renumbered, renumbered.replace("- port: 9090", "- port: 9191"));
    expect(service.result.proofs).toEqual(["service", "tls-policies-unread"]);
    expect(service.result.revision?.analysis).toEqual(service.fresh.analysis);
  });

  test("a backend switched to or from the Service a BackendTLSPolicy names: full pipeline", () => {
    // Reused, red's policy would keep b out of its ancestors and b's new backend unmarked.
    const withRed = (backend: string) => edited({ backend }) + RED_TLS;
    expectFallback(withRed("green"), withRed("red"), /BackendTLSPolicy reads them/);
    expectFallback(withRed("red"), withRed("green"), /BackendTLSPolicy reads them/);
    const fresh = analyzeRevision(at(withRed("red")), { clock });
    const b = fresh.analysis.routes.find((r) => r.key === "HTTPRoute/shop/b");
    expect(b?.rules[0]?.backendRefs[1]?.backendTLS?.sni).toBe("red.shop.example");
  });

  test("the policy workspace's weight edit (Envoy Gateway shape) is reused", () => {
    const ws = generatePolicyWorkspace(24, 60);
    expectReused(withPolicyWorkspaceEdit(ws, 20), withPolicyWorkspaceEdit(ws, 35));
  }, 30_000);

  test("the bench's weight edit at 100 routes is reused and equals a fresh analysis", () => {
    const config = generateBenchConfig(100);
    expectReused(config.yaml, withWeightEdit(config, 17));
    // Two full analyses of 100 routes: slow on a loaded machine.
  }, 30_000);

  test("a weight edit copies the one chunk of edges it changes; the other chunks are shared", () => {
    const config = generateBenchConfig(400);
    const { result, fresh, previous } = step(config.yaml, withWeightEdit(config, 17));
    expect(result.proofs).toEqual(["route-rules"]);
    const next = result.revision?.analysis;
    expect(next).toEqual(fresh.analysis);
    const was = previous.analysis.graph.edgeChunks;
    const now = next?.graph.edgeChunks ?? [];
    expect(was.length).toBeGreaterThan(2);
    expect(now).not.toBe(was);
    expect(now.filter((chunk, c) => chunk !== was[c])).toHaveLength(1);
    // Two full analyses of 400 routes: slow on a loaded machine.
  }, 60_000);

  test("the bench's hostname, path and Service port edits at 100 routes take their proofs", () => {
    const config = generateBenchConfig(100);
    const cases: [string, string[]][] = [
      [withHostnameEdit(config, 1), ["route-hosts", "table-rules-stand"]],
      [withPathEdit(config, 1), ["route-rerank", "table-rules-stand"]],
      [withServicePortEdit(config, 9191), ["service"]],
    ];
    for (const [text, proof] of cases) {
      const { result, fresh } = step(config.yaml, text);
      expect([proof, result.fallback]).toEqual([proof, undefined]);
      expect(result.proofs).toEqual(proof);
      expect(result.revision?.analysis).toEqual(fresh.analysis);
    }
  }, 60_000);
});

describe("lines added or removed (shiftLocations.ts)", () => {
  // Route c sends to a Service the input lacks: a status diagnostic and a lint finding located in
  // the last document, which every edit below moves or lays out anew.
  const base = GATEWAY + route("a") + route("b") + route("c", { backend: "red" });
  /** The lines of every diagnostic and lint finding about route c. */
  const cLines = (a: Pick<Analysis, "diagnostics" | "lint">) =>
    [...a.diagnostics, ...a.lint.map((f) => f.diagnostic)]
      .filter((d) => d.object?.name === "c")
      .map((d) => [d.line, d.endLine]);
  const moved = (lines: number[][], by: number) => lines.map((l) => l.map((x) => x + by));
  /** Reused, equal to a fresh analysis, proof lines-moved, and c's findings `by` lines lower. */
  const expectShifted = (after: string, by: number) => {
    const { result, fresh, previous } = step(base, after);
    expect(result.fallback).toBeUndefined();
    expect(result.proofs).toContain("lines-moved");
    expect(result.revision?.analysis).toEqual(fresh.analysis);
    const was = cLines(previous.analysis);
    expect(was.length).toBeGreaterThan(0);
    expect(cLines(fresh.analysis)).toEqual(moved(was, by));
  };

  test("Enter in an earlier route's rules: the later findings move down a line", () => {
    expectShifted(base.replace("weight: 90\n", "weight: 90\n          \n"), 1);
  });

  test("a line deleted, a block pasted, a comment between documents", () => {
    const withBlank = base.replace("weight: 90\n", "weight: 90\n\n");
    const { revision } = expectReused(base, withBlank);
    // Backspace of that line: revision n is the one with it.
    const back = step(withBlank, base);
    expect(back.result.fallback).toBeUndefined();
    expect(back.result.revision?.analysis).toEqual(back.fresh.analysis);
    expect(revision.analysis.objects.at(-1)?.line).toBe(
      back.previous.analysis.objects.at(-1)?.line,
    );
    expectShifted(base.replace("  name: b\n", "  name: b\n  # one\n  # two\n  # three\n"), 3);
    expectShifted(
      base.replace(
        "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: b",
        "---\n# b follows\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: b",
      ),
      1,
    );
  });

  test("Enter in the first document, a GatewayClass: every later object moves", () => {
    expectShifted(base.replace("  name: gwsim\n", "  name: gwsim\n\n"), 1);
  });

  test("a line added inside the route the findings are about: located again by their paths", () => {
    // Above c's backendRefs: the findings at spec.rules[0].backendRefs[1] move, the object does not.
    const { result, fresh, previous } = step(
      base,
      base.replace(/(name: c\n[^]*?)( {6}backendRefs:\n)/, "$1\n$2"),
    );
    expect(result.fallback).toBeUndefined();
    expect(result.revision?.analysis).toEqual(fresh.analysis);
    const c = (a: typeof fresh.analysis) => a.objects.find((o) => o.name === "c")?.line;
    expect(c(fresh.analysis)).toBe(c(previous.analysis));
    expect(cLines(fresh.analysis)).toEqual(moved(cLines(previous.analysis), 1));
  });

  test("a blank line that ends a block scalar changes the object: handled as its edit", () => {
    const note = base.replace(
      "  name: c\n  namespace: shop\n",
      "  name: c\n  namespace: shop\n  annotations:\n    note: |\n      one\n      two\n",
    );
    const { result, fresh } = step(note, note.replace("      one\n", "      one\n\n"));
    if (result.revision !== undefined) expect(result.revision.analysis).toEqual(fresh.analysis);
    else expect(result.fallback).toMatch(/not a route|annotations|attachment/);
  });

  test("at 100 routes, Enter at the top and then a weight edit: the index holds every moved object, so the edit after the move is reused", () => {
    // More objects move than the index patches one by one (patchIndex.ts swaps them in bulk).
    const config = generateBenchConfig(100);
    const enter = (text: string) => text.replace("  name: bench\n", "  name: bench\n\n");
    const texts = [enter(config.yaml), enter(withWeightEdit(config, 17))];
    const cache = createParseCache();
    const opts = { clock, parseCache: cache };
    let previous = analyzeRevision(at(config.yaml), opts);
    for (const [n, text] of texts.entries()) {
      const result = reanalyze(previous, at(text), opts, loadValidated(at(text), cache));
      expect([result.fallback, result.proofs]).toEqual([
        undefined,
        [n === 0 ? "lines-moved" : "route-rules"],
      ]);
      const revision = result.revision as AnalyzedRevision;
      expect(revision.analysis).toEqual(analyzeRevision(at(text), { clock }).analysis);
      const { index, stages } = revision;
      expect(stages.manifests.filter((m) => index.byKey.get(m.key) !== m)).toEqual([]);
      expect(index.manifests).toEqual(stages.manifests);
      expect(index.byKind.get("HTTPRoute")).toEqual(
        stages.manifests.filter((m) => m.kind === "HTTPRoute"),
      );
      previous = revision;
    }
  }, 60_000);

  test("a finding between documents that moved apart, or in a List: full pipeline", () => {
    const list = `---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: red
      namespace: shop
    spec:
      ports:
        - port: 8080
`;
    expectFallback(
      base + list,
      (base + list).replace("  name: gwsim\n", "  name: gwsim\n\n"),
      /List/,
    );
  });
});

describe("a Service edited in place", () => {
  /** blue with a second port no backendRef names. */
  const withMetrics = (port: number, extra = "") =>
    BASE.replace(
      "  name: blue\n  namespace: shop\nspec:\n  ports:\n    - port: 8080\n",
      `  name: blue\n  namespace: shop\nspec:\n  ports:\n    - port: 8080\n${extra}    - name: metrics\n      port: ${port}\n`,
    );

  test("a port no backendRef names, renumbered: only the Service's node and mesh entry change", () => {
    const { revision } = expectReused(withMetrics(9090), withMetrics(9191));
    const node = revision.analysis.graph.nodes.find((n) => n.id === "Service/shop/blue");
    expect(node?.details).toMatchObject({
      ports: [{ port: 8080 }, { name: "metrics", port: 9191 }],
    });
    const service = revision.analysis.mesh.services.find((x) => x.key === "Service/shop/blue");
    expect(service?.ports).toEqual([{ port: 8080 }, { name: "metrics", port: 9191 }]);
    // Routes, status and table of revision n stand, by reference.
    const before = step(withMetrics(9090), withMetrics(9191));
    expect(before.result.revision?.analysis.routes).toEqual(before.fresh.analysis.routes);
  });

  test("the named port's protocol or appProtocol changed: full pipeline", () => {
    const proto = (p: string) => withMetrics(9090, `      appProtocol: ${p}\n`);
    expectFallback(proto("http"), proto("kubernetes.io/ws"), /backendRef to port 8080/);
    const transport = (p: string) => withMetrics(9090, `      protocol: ${p}\n`);
    expectFallback(transport("TCP"), transport("UDP"), /backendRef to port 8080/);
  });

  test("one port number listed per protocol: an edit of either entry is seen (full pipeline)", () => {
    // resolveBackendRef picks the entry the route kind speaks to (TCP here), not the first one.
    const twice = (appProtocol: string) =>
      BASE.replace(
        "  name: blue\n  namespace: shop\nspec:\n  ports:\n    - port: 8080\n",
        `  name: blue\n  namespace: shop\nspec:\n  ports:\n    - name: u\n      port: 8080\n      protocol: UDP\n    - name: t\n      port: 8080\n      appProtocol: ${appProtocol}\n`,
      );
    expectFallback(twice("http"), twice("kubernetes.io/ws"), /backendRef to port 8080/);
  });

  test("a backendRef to a port the Service lacks lists its ports: full pipeline", () => {
    const lacking = (port: number) =>
      withMetrics(port).replace(
        "name: green\n          port: 8080",
        "name: blue\n          port: 7000",
      );
    expect(lacking(9090)).toContain("port: 7000");
    expectFallback(lacking(9090), lacking(9191), /backendRef to port 7000/);
  });

  test("an ExternalName Service reads no port: the type is part of every view", () => {
    const typed = (t: string) =>
      withMetrics(9090).replace(
        "  name: blue\n  namespace: shop\nspec:\n",
        `  name: blue\n  namespace: shop\nspec:\n  type: ${t}\n`,
      );
    expectFallback(typed("ClusterIP"), typed("ExternalName"), /backendRef to port 8080/);
  });

  test("a Service a route binds as its mesh parent, or a BackendTLSPolicy names: full pipeline", () => {
    const mesh = (port: number) =>
      withMetrics(port) +
      route("m").replace(
        "    - name: web\n      namespace: infra\n",
        '    - group: ""\n      kind: Service\n      name: blue\n',
      );
    expectFallback(mesh(9090), mesh(9191), /mesh/);
    const greenMetrics = (port: number) =>
      BASE.replace(
        "  name: green\n  namespace: shop\nspec:\n  ports:\n    - port: 8080\n",
        `  name: green\n  namespace: shop\nspec:\n  ports:\n    - port: 8080\n    - name: metrics\n      port: ${port}\n`,
      ) + GREEN_TLS;
    expectFallback(greenMetrics(9090), greenMetrics(9191), /BackendTLSPolicy/);
    // The policy names green only: blue's edit reaches it not (backendTlsReach.ts).
    const { result } = step(withMetrics(9090) + GREEN_TLS, withMetrics(9191) + GREEN_TLS);
    expect(result.proofs).toEqual(["service", "tls-policies-unread"]);
  });

  test("a port a mirror filter names is read too", () => {
    const mirrored = (port: number) =>
      withMetrics(port).replace(
        "  rules:\n    - matches:",
        "  rules:\n    - filters:\n        - type: RequestMirror\n          requestMirror:\n            backendRef: {name: blue, port: 7000}\n      matches:",
      );
    expect(mirrored(9090)).toContain("port: 7000");
    expectFallback(mirrored(9090), mirrored(9191), /backendRef to port 7000/);
  });

  test("beside an Ingress (which reads Services by port name or number): full pipeline", () => {
    const ingress = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: legacy
  namespace: shop
spec:
  rules:
    - host: legacy.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: blue, port: {name: metrics}}
`;
    expectFallback(withMetrics(9090) + ingress, withMetrics(9191) + ingress, /Ingress/);
  });

  test("a Service's labels changed: full pipeline", () => {
    const labelled = (v: string) =>
      withMetrics(9090).replace(
        "  name: blue\n  namespace: shop\n",
        `  name: blue\n  namespace: shop\n  labels:\n    tier: ${v}\n`,
      );
    expectFallback(labelled("a"), labelled("b"), /metadata/);
  });
});

describe("a Namespace or a ReferenceGrant edited in place", () => {
  const grantFrom = (namespace: string) =>
    GRANTED.replace(
      "      kind: HTTPRoute\n      namespace: shop\n",
      `      kind: HTTPRoute\n      namespace: ${namespace}\n`,
    );

  test("a Namespace's label typed while no listener selects by label: nothing else is read", () => {
    const labelled = (team: string) =>
      GRANTED.replace("labels:\n    team: shop", `labels:\n    team: ${team}`);
    const { result, fresh } = step(labelled("shop"), labelled("shopx"));
    expect(result.proofs).toEqual(["namespace-labels-unread"]);
    expect(result.revision?.analysis).toEqual(fresh.analysis);
    // The isolation lens and the fix-its read the labels from the index later.
    expect([...(result.revision?.index.namespaces ?? [])]).toEqual([...fresh.index.namespaces]);
    expect(result.revision?.index.namespaces.get("shop")?.labels["team"]).toBe("shopx");
  });

  test("a Namespace's label typed while a listener selects by label: full pipeline", () => {
    expectFallback(
      BASE,
      BASE.replace("labels:\n    team: shop", "labels:\n    team: sho"),
      /selects namespaces by label/,
    );
  });

  test("a grant's from typed away and back: the routes crossing into svc refused, then permitted", () => {
    const steps = ["shop", "sho", "shopx", "shop"];
    const cache = createParseCache();
    const options = { clock, parseCache: cache };
    let previous = analyzeRevision(at(grantFrom(steps[0] as string)), options);
    const reasons: (string | undefined)[] = [];
    for (const ns of steps.slice(1)) {
      const text = grantFrom(ns);
      const result = reanalyze(previous, at(text), options, loadValidated(at(text), cache));
      expect(result.fallback).toBeUndefined();
      expect(result.proofs).toContain("grant-readers");
      const fresh = analyzeRevision(at(text), { clock });
      expect(result.revision?.analysis).toEqual(fresh.analysis);
      previous = result.revision as AnalyzedRevision;
      const a = fresh.analysis.status["HTTPRoute/shop/a"] as {
        parents: { conditions: { type: string; reason: string }[] }[];
      };
      reasons.push(a.parents[0]?.conditions.find((c) => c.type === "ResolvedRefs")?.reason);
    }
    expect(reasons).toEqual(["RefNotPermitted", "RefNotPermitted", "ResolvedRefs"]);
  });

  test("the grant admits a namespace nothing else is in: its frame comes and goes", () => {
    const { revision, fresh } = expectReused(grantFrom("shop"), grantFrom("elsewhere"));
    expect(fresh.analysis.graph.namespaces.map((n) => n.namespace)).toContain("elsewhere");
    expect(revision.analysis.graph.namespaces.map((n) => n.namespace)).not.toContain("shop-x");
    const back = expectReused(grantFrom("elsewhere"), grantFrom("shop"));
    expect(back.fresh.analysis.graph.namespaces.map((n) => n.namespace)).not.toContain("elsewhere");
  });

  test("a Gateway's certificateRef crosses into the grant's namespace: full pipeline", () => {
    const tls = (text: string) =>
      text.replace(
        "      port: 80\n",
        "      port: 80\n      tls:\n        certificateRefs:\n          - name: cert\n            namespace: svc\n",
      );
    expectFallback(tls(grantFrom("shop")), tls(grantFrom("sho")), /Gateway web may reference/);
  });
});

describe("a policy edited in place", () => {
  const ws = generatePolicyWorkspace(12, 30);
  const retries = (n: number) => ws.yaml.replace("numRetries: 1\n", `numRetries: ${n}\n`);

  test("a value typed in its spec, its targetRefs as they were: only its node and summary change", () => {
    const { result, fresh, previous } = step(retries(1), retries(17));
    expect(result.proofs).toEqual(["policy-spec"]);
    expect(result.revision?.analysis).toEqual(fresh.analysis);
    // The effective policies and the policy edges read the attachments only: the very objects.
    expect(result.revision?.analysis.effectivePolicies).toBe(previous.analysis.effectivePolicies);
    expect(result.revision?.analysis.policies).toBe(previous.analysis.policies);
  });

  test("a BackendTrafficPolicy beside the BASE routes, its spec typed: reused, node redrawn", () => {
    const policy = (spec: string) => BASE + TRAFFIC_POLICY + spec;
    expectReused(
      policy("  timeout:\n    tcp:\n      connectTimeout: 1s\n"),
      policy("  timeout:\n    tcp:\n      connectTimeout: 15s\n"),
    );
  });

  test("its targetRefs edited, a BackendTLSPolicy, or an object named as parameters: full pipeline", () => {
    expectFallback(
      BASE + TRAFFIC_POLICY,
      BASE + TRAFFIC_POLICY.replace("name: b\n", "name: c\n"),
      /targets changed/,
    );
    expectFallback(
      BASE + GREEN_TLS,
      BASE + GREEN_TLS.replace("hostname: green.shop.example", "hostname: greem.shop.example"),
      /BackendTLSPolicy .* read by what it configures/,
    );
    const params = (n: number) =>
      (BASE + TRAFFIC_POLICY).replace(
        "  controllerName: gwsim.dev/controller\n",
        "  controllerName: gwsim.dev/controller\n  parametersRef:\n    group: gateway.envoyproxy.io\n    kind: BackendTrafficPolicy\n    name: b-retries\n    namespace: shop\n",
      ) + `  retry:\n    numRetries: ${n}\n`;
    expectFallback(params(1), params(2), /as its parameters/);
  });
});

describe("the table lint rules after a route's entries moved", () => {
  const codes = (r: AnalyzedRevision) => r.analysis.lint.map((f) => f.diagnostic.code);

  test("the touched host had no finding and has none: revision n's findings stand", () => {
    const before = GATEWAY + shared("a", "/a") + shared("b", "/b") + shared("c", "/c");
    const after = GATEWAY + shared("a", "/a") + shared("b", "/bb") + shared("c", "/c");
    const cache = createParseCache();
    const previous = analyzeRevision(at(before), { clock, parseCache: cache });
    const result = reanalyze(previous, at(after), { clock }, loadValidated(at(after), cache));
    expect(result.proofs).toEqual(["route-rerank", "table-rules-stand"]);
    // Not run again: the very lists of revision n.
    expect(result.revision?.stages.lintByRule).toBe(previous.stages.lintByRule);
    expect(result.revision?.analysis).toEqual(analyzeRevision(at(after), { clock }).analysis);
  });

  test("a path edit that ties the route with another on the touched host: run again, its finding", () => {
    const before = GATEWAY + shared("a", "/a") + shared("b", "/b");
    const { revision } = expectReused(before, GATEWAY + shared("a", "/a") + shared("b", "/a"));
    expect(codes(revision)).toContain("lint.creation-order-tie");
    // ... and back: the tie goes (it was on the touched host before the edit).
    const back = expectReused(GATEWAY + shared("a", "/a") + shared("b", "/a"), before).revision;
    expect(codes(back)).not.toContain("lint.creation-order-tie");
  });

  test("a hostname edit into a host where the route ties: run again, its finding", () => {
    const before = GATEWAY + shared("a", "/a") + route("b", { path: "/a" });
    const after = GATEWAY + shared("a", "/a") + shared("b", "/a");
    const { revision } = expectReused(before, after);
    expect(codes(revision)).toContain("lint.creation-order-tie");
  });

  test("a host added under the name another host's requests use: full pipeline", () => {
    // x and y serve every host (no hostnames); y's Exact /p is shadowed by the older x, shown by a
    // request to example.com. Once b is renamed example.com, that request reaches b's host.
    const catchAll = (name: string, age: string) =>
      route(name, { path: "/p" })
        .replace(`  hostnames:\n    - ${name}.example.com\n`, "")
        .replace("  namespace: shop\n", `  namespace: shop\n  creationTimestamp: "${age}"\n`)
        .replace("type: PathPrefix", "type: Exact");
    const before =
      GATEWAY +
      route("b") +
      catchAll("x", "2024-01-01T00:00:00Z") +
      catchAll("y", "2025-01-01T00:00:00Z");
    const fresh = analyzeRevision(at(before), { clock });
    expect(fresh.analysis.lint.map((f) => f.diagnostic.code)).toContain("lint.shadowed-match");
    expectFallback(
      before,
      before.replace("- b.example.com", "- example.com"),
      /precedence says of other routes/,
    );
  });
});

describe("hostname overlaps across Gateways after a hostname edit", () => {
  // Both listeners have no hostname, so what each Gateway claims is its routes' hostnames.
  const OTHER = `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: other
  namespace: infra
spec:
  gatewayClassName: gwsim
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
`;
  const onOther = route("z").replace("    - name: web\n", "    - name: other\n");
  const base = GATEWAY + OTHER + route("a") + route("b") + onOther;
  const overlaps = (r: AnalyzedRevision) =>
    r.analysis.diagnostics.filter((d) => d.code === "lint.hostname-overlap-across-gateways");

  test("renamed onto a name the other Gateway serves: the overlap appears, as in a fresh analysis", () => {
    const after = base.replace("- b.example.com", "- z.example.com");
    const { result, fresh } = step(base, after);
    expect(overlaps(fresh).map((d) => d.message)).toEqual([
      expect.stringContaining("both serve z.example.com on port 80"),
    ]);
    if (result.revision !== undefined) expect(result.revision.analysis).toEqual(fresh.analysis);
  });

  test("renamed off it: the overlap goes, as in a fresh analysis", () => {
    const before = base.replace("- b.example.com", "- z.example.com");
    const { result, fresh } = step(before, base);
    expect(overlaps(fresh)).toEqual([]);
    if (result.revision !== undefined) expect(result.revision.analysis).toEqual(fresh.analysis);
  });
});

describe("a route's hostnames edited", () => {
  const hosts = (r: ReturnType<typeof expectReused>["revision"]) =>
    r.analysis.routeTable.listeners[0]?.virtualHosts.map((v) => [
      v.hostname,
      v.entries.map((x) => [x.route, x.rank]),
    ]);

  test("renamed to a host of its own: its host goes, a new one comes in lookup order", () => {
    const { revision } = expectReused(BASE, BASE.replace("- b.example.com", "- 0.example.com"));
    expect(hosts(revision)).toEqual([
      ["0.example.com", [["HTTPRoute/shop/b", 1]]],
      ["a.example.com", [["HTTPRoute/shop/a", 1]]],
      ["c.example.com", [["HTTPRoute/shop/c", 1]]],
    ]);
    // Every listener counts the same routes: the Gateway's status is revision n's object.
    const before = analyzeRevision(at(BASE), { clock });
    expect(revision.analysis.status["Gateway/infra/web"]).toEqual(
      before.analysis.status["Gateway/infra/web"],
    );
  });

  test("moved into a host other routes serve: placed by precedence; the host it left stays", () => {
    const base = GATEWAY + shared("a", "/a") + shared("b", "/b/longer") + shared("c", "/c");
    const moved = base.replace(
      "name: b\n  namespace: shop\nspec:\n  parentRefs:\n    - name: web\n      namespace: infra\n  hostnames:\n    - shop.example.com",
      "name: b\n  namespace: shop\nspec:\n  parentRefs:\n    - name: web\n      namespace: infra\n  hostnames:\n    - shoq.example.com",
    );
    expect(moved).not.toEqual(base);
    const { revision } = expectReused(base, moved);
    expect(hosts(revision)).toEqual([
      [
        "shop.example.com",
        [
          ["HTTPRoute/shop/a", 1],
          ["HTTPRoute/shop/c", 2],
        ],
      ],
      ["shoq.example.com", [["HTTPRoute/shop/b", 1]]],
    ]);
    // ... and back: b ranks first again in the shared host (its path is the longest).
    const back = expectReused(moved, base).revision;
    expect(hosts(back)?.[0]?.[1]).toEqual([
      ["HTTPRoute/shop/b", 1],
      ["HTTPRoute/shop/a", 2],
      ["HTTPRoute/shop/c", 3],
    ]);
  });

  test("a GRPCRoute in the input may clash on hostnames: full pipeline", () => {
    const grpc = `---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: g
  namespace: shop
spec:
  parentRefs:
    - name: web
      namespace: infra
  hostnames:
    - g.example.com
  rules:
    - backendRefs:
        - name: blue
          port: 8080
`;
    expectFallback(
      BASE + grpc,
      (BASE + grpc).replace("- b.example.com", "- g.example.com"),
      /clash/,
    );
  });

  const named = BASE.replace(
    "      port: 80\n",
    '      port: 80\n      hostname: "*.example.com"\n',
  );

  test("a GRPCRoute on a listener the route never meets: the hostname edit is reused", () => {
    const base = BASE + GRPC_ELSEWHERE;
    const { result, fresh } = step(base, base.replace("- b.example.com", "- g.example.com"));
    expect(result.fallback).toBeUndefined();
    expect(result.proofs).toEqual(["route-hosts", "table-rules-stand", "no-kind-rival"]);
    expect(result.revision?.analysis).toEqual(fresh.analysis);
  });

  test("a GRPCRoute on another listener the route's parentRef also checks: full pipeline", () => {
    // The route's parentRef names no section: it is checked against every listener of its
    // Gateway, the GRPCRoute's among them, where the two would clash on a shared hostname.
    const both = (BASE + GRPC_ELSEWHERE).replace(
      "      port: 80\n",
      "      port: 80\n      allowedRoutes:\n        namespaces:\n          from: All\n    - name: rpc\n      protocol: HTTP\n      port: 8081\n",
    );
    const grpcHere = both.replace(
      "    - name: rpc\n      namespace: infra\n",
      "    - name: web\n      namespace: infra\n      sectionName: rpc\n",
    );
    expectFallback(grpcHere, grpcHere.replace("- b.example.com", "- c.example.com"), /clash/);
  });

  test("under a wildcard listener, to a host that is its own: moved as without one", () => {
    const { revision } = expectReused(named, named.replace("- b.example.com", "- 0.example.com"));
    expect(hosts(revision)).toEqual([
      ["0.example.com", [["HTTPRoute/shop/b", 1]]],
      ["a.example.com", [["HTTPRoute/shop/a", 1]]],
      ["c.example.com", [["HTTPRoute/shop/c", 1]]],
    ]);
    // Into a host another route serves, and a name the schema refuses (a label ending in '-',
    // a validation diagnostic on the route): the route still attaches under the wildcard.
    expectReused(named, named.replace("- b.example.com", "- a.example.com"));
    const broken = named.replace("- b.example.com", "- b-.example.com");
    const { fresh } = expectReused(named, broken);
    expect(fresh.analysis.diagnostics.some((d) => d.object?.name === "b")).toBe(true);
    expectReused(broken, named);
  });

  test("under a wildcard listener, to the listener's own hostname or a broader one: full pipeline", () => {
    // Routes whose own hostnames differ would share the listener's host: a reading note reads them.
    expectFallback(
      named,
      named.replace("- b.example.com", '- "*.example.com"'),
      /cannot be placed/,
    );
    expectFallback(named, named.replace("- b.example.com", '- "*.com"'), /cannot be placed/);
    // Renamed off the listener's hostname: not accepted there any more.
    expectFallback(
      named,
      named.replace("- b.example.com", "- b.example.org"),
      /attaches or its verdicts/,
    );
  });

  test("the UI bench's keystrokes (a hostname label grown by '-' and a letter) are reused", () => {
    const ws = uiBenchWorkspace(60);
    const anchor = `"${ws.editedHostLabel}.`;
    const cut = ws.yaml.indexOf(anchor) + anchor.length - 1;
    let text = ws.yaml;
    for (const typed of ["-", "-a", "-a-", "-a-b"]) {
      const next = ws.yaml.slice(0, cut) + typed + ws.yaml.slice(cut);
      const { result } = step(text, next);
      expect([typed, result.fallback]).toEqual([typed, undefined]);
      expect(result.proofs).toContain("route-hosts");
      expectReused(text, next);
      text = next;
    }
  });

  test("a host left empty that a route without rules still claims: full pipeline", () => {
    const bare = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: z
  namespace: shop
spec:
  parentRefs:
    - name: web
      namespace: infra
  hostnames:
    - b.example.com
  rules: []
`;
    const fresh = analyzeRevision(at(BASE + bare), { clock });
    expect(
      fresh.analysis.routeTable.listeners[0]?.virtualHosts.find(
        (v) => v.hostname === "b.example.com",
      )?.entries.length,
    ).toBe(1);
    expectFallback(
      BASE + bare,
      (BASE + bare).replace(
        "- b.example.com\n  rules:\n    - matches",
        "- x.example.com\n  rules:\n    - matches",
      ),
      /cannot be placed/,
    );
  });
});

/**
 * The oracle: after any sequence of edits, the incremental pass's result equals a fresh analysis
 * of the same text, and keystroke-like edits do take the incremental path.
 */
/**
 * Applies `edits` to `text` one after another, each through the incremental pass from the
 * revision before (a fallback analyses afresh); `reused` sees every revision the pass gave, with a
 * fresh analysis of the same text and the revision it was made from.
 */
function replayEdits(
  text: string,
  world: WorldMode,
  edits: readonly ((text: string) => string)[],
  reused: (
    result: Reanalysis,
    revision: AnalyzedRevision,
    fresh: AnalyzedRevision,
    previous: AnalyzedRevision,
  ) => void,
): void {
  const cache: ParseCache = createParseCache();
  const options = { clock, world, parseCache: cache };
  let previous = analyzeRevision(at(text), options);
  for (const e of edits) {
    text = e(text);
    const result = reanalyze(previous, at(text), options, loadValidated(at(text), cache));
    if (result.revision !== undefined) {
      reused(result, result.revision, analyzeRevision(at(text), { clock, world }), previous);
      previous = result.revision;
    } else previous = analyzeRevision(at(text), options);
  }
}

describe("incremental equals fresh on random edit sequences", () => {
  const dir = new URL("../../../fixtures/examples/", import.meta.url);
  const bases = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => readFileSync(new URL(f, dir), "utf8")),
    BASE,
    // A wildcard listener: hostname edits under it move the route's entries (rehostRoute.ts).
    BASE.replace("      port: 80\n", '      port: 80\n      hostname: "*.example.com"\n'),
    BASE + TRAFFIC_POLICY + GREEN_TLS,
    // A policy naming a Service no route reaches, until a backend is switched to it.
    BASE + RED_TLS,
    // A GRPCRoute on a Gateway of its own: hostname edits of the HTTPRoutes meet no rival.
    BASE + GRPC_ELSEWHERE,
    GATEWAY + shared("a", "/a") + shared("b", "/b") + shared("c", "/c"),
    generateBenchConfig(30).yaml,
    generatePolicyWorkspace(12, 30).yaml,
    // A listener that admits every namespace, routes crossing into svc and the grant there: a
    // Namespace's labels and the grant's from are typed (namespaceEdit.ts, grantEdit.ts).
    GRANTED,
    // Cross-namespace backends into svc, whose only object random edits remove, rename or copy.
    BASE.replace(/- name: green\n/g, "- name: green\n          namespace: svc\n") + SVC_CONFIG_MAP,
  ];
  type Edit = (text: string) => string;
  /** Replaces the n-th match of `pattern` (global), wrapping around. */
  const nth =
    (pattern: RegExp, replace: (match: string) => string) =>
    (n: number): Edit =>
    (t) => {
      const found = [...t.matchAll(pattern)];
      const m = found[n % Math.max(1, found.length)];
      if (m?.index === undefined) return t;
      return t.slice(0, m.index) + replace(m[0]) + t.slice(m.index + m[0].length);
    };
  const documents = (text: string) => text.split(/^---$/m);
  /** `edit` applied to the i-th Service document (wrapping around), if the text has one. */
  const inService =
    (i: number, edit: Edit): Edit =>
    (t) => {
      const d = documents(t);
      const services = d.flatMap((doc, at) => (/^kind: Service$/m.test(doc) ? [at] : []));
      const at = services[i % Math.max(1, services.length)];
      if (at === undefined) return t;
      d[at] = edit(d[at] ?? "");
      return d.join("---");
    };
  const edit = fc.oneof(
    fc
      .tuple(fc.nat(), fc.nat({ max: 99 }))
      .map(([i, w]) => nth(/weight: \d+/g, () => `weight: ${w}`)(i)),
    fc
      .tuple(fc.nat(), fc.constantFrom(80, 8080, 9090))
      .map(([i, p]) => nth(/port: \d+/g, () => `port: ${p}`)(i)),
    // A Gateway listener's protocol or allowedRoutes typed (gatewayEdit.ts).
    fc
      .tuple(fc.nat(), fc.constantFrom("HTTP", "HTTPS", "TCP", "HTT"))
      .map(([i, p]) => nth(/protocol: \w+/g, () => `protocol: ${p}`)(i)),
    fc
      .tuple(fc.nat(), fc.constantFrom("All", "Same", "Sam"))
      .map(([i, f]) => nth(/from: \w+/g, () => `from: ${f}`)(i)),
    fc
      .tuple(fc.nat(), fc.constantFrom("/", "/a", "/api", "/v2", "/b/longer", "/c"))
      .map(([i, v]) => nth(/value: \/[\w/-]*/g, () => `value: ${v}`)(i)),
    fc.nat().map(nth(/name: [\w-]+/g, (m) => `${m}x`)),
    // A backendRef switched to another Service: one a policy names (red) or not.
    fc
      .tuple(fc.nat(), fc.constantFrom("blue", "green", "red"))
      .map(([i, b]) => nth(/- name: (blue|green|red)\n/g, () => `- name: ${b}\n`)(i)),
    fc.nat().map(nth(/namespace: [\w-]+/g, (m) => `${m}x`)),
    // A policy's value typed (its targetRefs as they were: policyEdit.ts).
    fc
      .tuple(fc.nat(), fc.constantFrom("1", "3", "12"))
      .map(([i, n]) =>
        nth(/numRetries: \d+|requestReceivedTimeout: \d+s/g, (m) => m.replace(/\d+/, n))(i),
      ),
    // A Namespace's label value or a grant's from namespace, typed or cut by one letter.
    fc
      .tuple(fc.nat(), fc.boolean())
      .map(([i, cut]) => nth(/team: [\w-]+/g, (m) => (cut ? m.slice(0, -1) : `${m}q`))(i)),
    fc
      .tuple(fc.nat(), fc.constantFrom("shop", "sho", "svc", "elsewhere"))
      .map(([i, n]) =>
        nth(/kind: HTTPRoute\n(\s+)namespace: [\w-]+/g, (m) => m.replace(/[\w-]+$/, n))(i),
      ),
    fc.nat().map(nth(/[a-z]+\.example\.com/g, () => "shop.example.com")),
    fc
      .tuple(fc.nat(), fc.constantFrom("a", "shop", "new", "zz", "*", "a-", "zz-q"))
      .map(([i, h]) =>
        nth(/hostnames:\n(\s+)- [\w.*-]+/g, (m) => m.replace(/- [\w.*-]+$/, `- ${h}.example.com`))(
          i,
        ),
      ),
    // A Service's ports, in place: one renumbered, or one named (in flow style: same lines).
    fc
      .tuple(fc.nat(), fc.nat(), fc.constantFrom(8080, 8081, 9090, 9191))
      .map(([i, k, p]) => inService(i, (doc) => nth(/port: \d+/g, () => `port: ${p}`)(k)(doc))),
    fc
      .tuple(fc.nat(), fc.nat(), fc.constantFrom("http", "metrics", "grpc"))
      .map(([i, k, n]) =>
        inService(i, (doc) =>
          nth(/- port: \d+|name: [\w-]+(?=\n\s+port:)/g, (m) =>
            m.startsWith("- port") ? `- {name: ${n}, ${m.slice(2)}}` : `name: ${n}`,
          )(k)(doc),
        ),
      ),
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      d.splice(i % d.length, 1);
      return d.join("---");
    }),
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      d.splice(i % d.length, 0, d[i % d.length] ?? "");
      return d.join("---");
    }),
    // Lines added or removed (shiftLocations.ts): Enter (a blank, indented or comment line),
    // a line deleted, a block of lines pasted again below itself, two documents swapped.
    fc
      .tuple(fc.nat(), fc.constantFrom("", "      ", "# note", "    # note"))
      .map(([i, line]) => nth(/\n/g, (m) => `${m}${line}\n`)(i)),
    fc.nat().map(nth(/^.*\n/gm, () => "")),
    fc.nat().map(nth(/^(?:.*\n){3}/gm, (m) => m + m)),
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      const k = i % Math.max(1, d.length - 1);
      if (d.length < 2) return t;
      [d[k], d[k + 1]] = [d[k + 1] ?? "", d[k] ?? ""];
      return d.join("---");
    }),
    // A `---` typed before a document (a new empty one: later documents renumbered) or deleted
    // (two documents joined, or an empty one gone).
    fc.nat().map(nth(/^---\n/gm, (m) => m + m)),
    fc.nat().map(nth(/^---\n/gm, () => "")),
    fc.tuple(fc.nat(), fc.constantFrom(":", " ", "x", "\n", "[", "\n---\n")).map(
      ([i, c]): Edit =>
        (t) =>
          t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1)),
    ),
  );

  test("beside a BackendTLSPolicy and a GRPCRoute: backend switches and hostname edits equal fresh", () => {
    // Focused on the narrower proofs (backendTlsReach.ts, kindClash.ts): routes switched to and
    // from the Service the policy names, hostnames moved onto and off the GRPCRoute's, with the
    // GRPCRoute on a Gateway of its own or on the routes' listener.
    const elsewhere = BASE + RED_TLS + GRPC_ELSEWHERE;
    const focused = [
      elsewhere,
      elsewhere.replace(
        "    - name: rpc\n      namespace: infra\n",
        "    - name: web\n      namespace: infra\n",
      ),
    ];
    const step = fc.oneof(
      fc
        .tuple(fc.nat(), fc.constantFrom("blue", "green", "red"))
        .map(([i, b]) => nth(/- name: (blue|green|red)\n/g, () => `- name: ${b}\n`)(i)),
      fc
        .tuple(fc.nat(), fc.constantFrom("a", "b", "g", "new"))
        .map(([i, h]) => nth(/- [a-z]+\.example\.com/g, () => `- ${h}.example.com`)(i)),
      fc
        .tuple(fc.nat(), fc.nat({ max: 99 }))
        .map(([i, w]) => nth(/weight: \d+/g, () => `weight: ${w}`)(i)),
    );
    const proofs = new Set<string>();
    fc.assert(
      fc.property(
        fc.nat({ max: focused.length - 1 }),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        (base, edits) => {
          const cache: ParseCache = createParseCache();
          const options = { clock, parseCache: cache };
          let text = focused[base] ?? "";
          let previous = analyzeRevision(at(text), options);
          for (const e of edits) {
            text = e(text);
            const result = reanalyze(previous, at(text), options, loadValidated(at(text), cache));
            if (result.revision !== undefined) {
              for (const p of result.proofs ?? []) proofs.add(p);
              expect(result.revision.analysis).toEqual(
                analyzeRevision(at(text), { clock }).analysis,
              );
              previous = result.revision;
            } else previous = analyzeRevision(at(text), options);
          }
        },
      ),
      { numRuns: 40, seed: 2121 },
    );
    expect([...proofs].sort()).toEqual(
      expect.arrayContaining(["no-kind-rival", "route-hosts", "tls-policies-unread"]),
    );
  }, 120_000);

  test("beside a grant and labelled Namespaces: labels, the grant's from and backends equal fresh", () => {
    // Focused on namespaceEdit.ts and grantEdit.ts: labels typed with and without a listener that
    // selects by them, the grant's from typed into and out of the routes' namespace, backends
    // moved into and out of the grant's namespace, weights beside them.
    const focused = [
      GRANTED,
      GRANTED.replace(
        "from: All\n",
        "from: Selector\n          selector:\n            matchLabels:\n              team: shop\n",
      ),
    ];
    const step = fc.oneof(
      fc
        .tuple(fc.nat(), fc.boolean())
        .map(([i, cut]) => nth(/team: [\w-]+/g, (m) => (cut ? m.slice(0, -1) : `${m}q`))(i)),
      fc
        .tuple(fc.nat(), fc.constantFrom("shop", "sho", "svc", "elsewhere"))
        .map(([i, n]) =>
          nth(/kind: HTTPRoute\n(\s+)namespace: [\w-]+/g, (m) => m.replace(/[\w-]+$/, n))(i),
        ),
      fc
        .tuple(fc.nat(), fc.constantFrom("svc", "shop", "other"))
        .map(([i, n]) => nth(/ {10}namespace: [\w-]+/g, () => `          namespace: ${n}`)(i)),
      fc
        .tuple(fc.nat(), fc.nat({ max: 99 }))
        .map(([i, w]) => nth(/weight: \d+/g, () => `weight: ${w}`)(i)),
    );
    const proofs = new Set<string>();
    fc.assert(
      fc.property(
        fc.nat({ max: focused.length - 1 }),
        fc.constantFrom<WorldMode>("auto", "closed", "open"),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        (base, world, edits) =>
          replayEdits(focused[base] ?? "", world, edits, (result, revision, fresh) => {
            for (const p of result.proofs ?? []) proofs.add(p);
            expect(revision.analysis).toEqual(fresh.analysis);
            expect([...revision.index.namespaces]).toEqual([...fresh.index.namespaces]);
          }),
      ),
      { numRuns: 60, seed: 2323 },
    );
    expect([...proofs].sort()).toEqual(
      expect.arrayContaining(["grant-readers", "namespace-labels-unread", "route-rules"]),
    );
  }, 120_000);

  test("every step equals a fresh analysis", () => {
    let reused = 0;
    let reranked = 0;
    const proofs = new Map<string, number>();
    const order = (r: AnalyzedRevision) =>
      JSON.stringify(
        r.analysis.routeTable.listeners.map((l) =>
          l.virtualHosts.map((v) => v.entries.map((x) => [x.route, x.ruleIndex, x.matchIndex])),
        ),
      );
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.constantFrom<WorldMode>("auto", "closed", "open"),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (base, world, edits) =>
          replayEdits(bases[base] ?? "", world, edits, (result, revision, fresh, previous) => {
            reused += 1;
            for (const p of result.proofs ?? []) proofs.set(p, (proofs.get(p) ?? 0) + 1);
            if (order(revision) !== order(previous)) reranked += 1;
            expect(revision.analysis).toEqual(fresh.analysis);
            expect(revision.index.manifests).toEqual(fresh.index.manifests);
            expect([...revision.index.byKey]).toEqual([...fresh.index.byKey]);
            expect([...revision.index.byKind]).toEqual([...fresh.index.byKind]);
            expect([...revision.index.namespaces]).toEqual([...fresh.index.namespaces]);
          }),
      ),
      { numRuns: 100, seed: 1112 },
    );
    // The generator must exercise the incremental path, or the test proves nothing.
    expect(reused).toBeGreaterThan(15);
    // ... and the re-ranking of a route whose path was edited.
    expect(reranked).toBeGreaterThan(0);
    // ... and every proof the pass knows, hostname edits and Service edits among them.
    // ... the Services and routes a BackendTLSPolicy does not read, and no rival of another kind.
    const every = ["route-rules", "route-rerank", "route-hosts", "service", "table-rules-stand"];
    for (const p of [
      ...every,
      "tls-policies-unread",
      "no-kind-rival",
      "lines-moved",
      "route-findings",
      "ghosts-moved",
      "grant-readers",
      "policy-spec",
      "gateway-listeners",
    ])
      expect([p, proofs.get(p) ?? 0]).not.toEqual([p, 0]);
  }, 120_000);
});

describe("a Service whose port a policy's sectionName names", () => {
  const workspace = (port: string) => `apiVersion: v1
kind: Service
metadata: {name: blue, namespace: shop}
spec:
  ports: [{name: ${port}, port: 8080}]
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata: {name: p, namespace: shop}
spec:
  targetRefs: [{group: "", kind: Service, name: blue, sectionName: http}]
`;

  test("a port renamed: the full pipeline (whether the policy attaches reads the port names)", () => {
    expectFallback(
      workspace("http"),
      workspace("https"),
      /sectionName names one of the Service's ports/,
    );
    expectFallback(
      workspace("https"),
      workspace("http"),
      /sectionName names one of the Service's ports/,
    );
  });
});
