import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateBenchConfig, withWeightEdit } from "../../../bench/generateBenchConfig";
import {
  generatePolicyWorkspace,
  withPolicyWorkspaceEdit,
} from "../../../bench/generatePolicyWorkspace";
import { analyzeRevision, type AnalyzedRevision } from "../analyze";
import { createParseCache, type ParseCache } from "../load/parseCache";
import type { AnalyzeOptions, ResourceKey, SourceFile } from "../types";
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
): { result: Reanalysis; fresh: AnalyzedRevision } {
  const cache = createParseCache();
  const opts = { clock, ...options, parseCache: cache };
  const previous = analyzeRevision(at(before), opts);
  const result = reanalyze(previous, at(after), opts, loadValidated(at(after), cache));
  return { result, fresh: analyzeRevision(at(after), { clock, ...options }) };
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

describe("what one edit reuses", () => {
  test("a weight edit reuses every other object's results and equals a fresh analysis", () => {
    const { revision } = expectReused(BASE, edited({ weight: 30 }));
    const before = analyzeRevision(at(BASE), { clock });
    // Untouched Gateways' status and the other routes' status are not rebuilt.
    expect(revision.analysis.status["Gateway/infra/web"]).toEqual(
      before.analysis.status["Gateway/infra/web"],
    );
    const edge = revision.analysis.graph.edges.find((e) =>
      e.id.startsWith("backend:HTTPRoute/shop/b:0:1"),
    );
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

  test("a backend renamed to a Service the input lacks is a new finding: full pipeline", () => {
    expectFallback(BASE, edited({ backend: "purple" }), /references report/);
    expectFallback(BASE, edited({ backend: "purple" }), /references report/, { world: "closed" });
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

  test("a parentRef or hostname edit changes attachment: full pipeline", () => {
    expectFallback(BASE, BASE.replace("- b.example.com", "- x.example.com"), /attachment inputs/);
    const other = BASE.replace(/(name: b\n[\s\S]*?)- name: web/, "$1- name: wex");
    expectFallback(BASE, other, /attachment inputs/);
  });

  test("edits of a Namespace, Gateway, Service or ReferenceGrant: full pipeline", () => {
    expectFallback(
      BASE,
      BASE.replace("shop\n  labels:\n    team: shop", "shop\n  labels:\n    team: shoq"),
      /Namespace .* not a route/,
    );
    expectFallback(BASE, BASE.replace("port: 80\n", "port: 81\n"), /Gateway .* not a route/);
    expectFallback(BASE, BASE.replace("- port: 8080", "- port: 8081"), /Service .* not a route/);
  });

  test("documents added, removed or moved, and line count changes: full pipeline", () => {
    expectFallback(BASE, BASE + route("d"), /added or removed/);
    expectFallback(BASE, GATEWAY + route("b") + route("a") + route("c"), /renamed or moved/);
    expectFallback(BASE, BASE.replace("weight: 90", "weight: 90\n          # moved"), /line count/);
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

  test("the policy workspace's weight edit (Envoy Gateway shape) is reused", () => {
    const ws = generatePolicyWorkspace(24, 60);
    expectReused(withPolicyWorkspaceEdit(ws, 20), withPolicyWorkspaceEdit(ws, 35));
  }, 30_000);

  test("the bench's weight edit at 100 routes is reused and equals a fresh analysis", () => {
    const config = generateBenchConfig(100);
    expectReused(config.yaml, withWeightEdit(config, 17));
    // Two full analyses of 100 routes: slow on a loaded machine.
  }, 30_000);
});

/**
 * The oracle: after any sequence of edits, the incremental pass's result equals a fresh analysis
 * of the same text, and keystroke-like edits do take the incremental path.
 */
describe("incremental equals fresh on random edit sequences", () => {
  const dir = new URL("../../../fixtures/examples/", import.meta.url);
  const bases = [
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => readFileSync(new URL(f, dir), "utf8")),
    BASE,
    BASE + TRAFFIC_POLICY + GREEN_TLS,
    GATEWAY + shared("a", "/a") + shared("b", "/b") + shared("c", "/c"),
    generateBenchConfig(30).yaml,
    generatePolicyWorkspace(12, 30).yaml,
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
  const edit = fc.oneof(
    fc
      .tuple(fc.nat(), fc.nat({ max: 99 }))
      .map(([i, w]) => nth(/weight: \d+/g, () => `weight: ${w}`)(i)),
    fc
      .tuple(fc.nat(), fc.constantFrom(80, 8080, 9090))
      .map(([i, p]) => nth(/port: \d+/g, () => `port: ${p}`)(i)),
    fc
      .tuple(fc.nat(), fc.constantFrom("/", "/a", "/api", "/v2", "/b/longer", "/c"))
      .map(([i, v]) => nth(/value: \/[\w/-]*/g, () => `value: ${v}`)(i)),
    fc.nat().map(nth(/name: [\w-]+/g, (m) => `${m}x`)),
    fc.nat().map(nth(/namespace: [\w-]+/g, (m) => `${m}x`)),
    fc.nat().map(nth(/[a-z]+\.example\.com/g, () => "shop.example.com")),
    fc.nat().map(nth(/labels:\n\s+[\w./-]+: [\w.-]+/g, (m) => `${m}x`)),
    fc
      .nat()
      .map(
        nth(/from:\n(\s+)- group: ([\w.]*)\n\s+kind: \w+\n\s+namespace: [\w-]+/g, (m) => `${m}x`),
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
    fc.tuple(fc.nat(), fc.constantFrom(":", " ", "x", "\n", "[", "\n---\n")).map(
      ([i, c]): Edit =>
        (t) =>
          t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1)),
    ),
  );

  test("every step equals a fresh analysis", () => {
    let reused = 0;
    let reranked = 0;
    const order = (r: AnalyzedRevision) =>
      JSON.stringify(
        r.analysis.routeTable.listeners.map((l) =>
          l.virtualHosts.map((v) => v.entries.map((x) => [x.route, x.ruleIndex, x.matchIndex])),
        ),
      );
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.constantFrom<WorldMode>("auto", "closed"),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (base, world, edits) => {
          const cache: ParseCache = createParseCache();
          const options = { clock, world, parseCache: cache };
          let text = bases[base] ?? "";
          let previous = analyzeRevision(at(text), options);
          for (const e of edits) {
            text = e(text);
            const loaded = loadValidated(at(text), cache);
            const result = reanalyze(previous, at(text), options, loaded);
            const fresh = analyzeRevision(at(text), { clock, world });
            if (result.revision !== undefined) {
              reused += 1;
              if (order(result.revision) !== order(previous)) reranked += 1;
              expect(result.revision.analysis).toEqual(fresh.analysis);
              expect(result.revision.index.manifests).toEqual(fresh.index.manifests);
              expect([...result.revision.index.byKey]).toEqual([...fresh.index.byKey]);
              expect([...result.revision.index.byKind]).toEqual([...fresh.index.byKind]);
              previous = result.revision;
            } else previous = analyzeRevision(at(text), options);
          }
        },
      ),
      { numRuns: 64, seed: 1111 },
    );
    // The generator must exercise the incremental path, or the test proves nothing.
    expect(reused).toBeGreaterThan(15);
    // ... and the re-ranking of a route whose path was edited.
    expect(reranked).toBeGreaterThan(0);
  }, 120_000);
});
