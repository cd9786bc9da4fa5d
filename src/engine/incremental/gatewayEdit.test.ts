/**
 * A Gateway's listener edited in place (gatewayEdit.ts): each covered keystroke equals a fresh
 * analysis (the Analysis, the settled listeners the isolation lens reads, the stage outputs the
 * next edit starts from), and each edit the proof does not cover falls back with its reason.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyzeRevision, type AnalyzedRevision } from "../analyze";
import { createParseCache } from "../load/parseCache";
import type { WorldMode } from "../resolve/world";
import type { SourceFile } from "../types";
import { loadValidated } from "../validate/loadValidated";
import { generateBenchConfig } from "../../../bench/generateBenchConfig";
import { reanalyze, type Reanalysis } from "./reanalyze";

const clock = () => "2026-01-01T00:00:00Z";
const at = (text: string): SourceFile[] => [{ name: "workspace.yaml", text }];

const gateway = (name: string, listeners: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${name}
  namespace: infra
spec:
  gatewayClassName: gwsim
  listeners:
${listeners}`;

const HTTP = `    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
    - name: extra
      protocol: HTTP
      port: 8080
      hostname: "*.example.com"
      allowedRoutes:
        namespaces:
          from: All
`;

const route = (name: string, parent: string, host: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: shop
spec:
  parentRefs:
    - name: ${parent}
      namespace: infra
  hostnames:
    - ${host}
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /${name}
      backendRefs:
        - name: blue
          port: 8080
`;

const BASE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: gwsim
spec:
  controllerName: gwsim.dev/controller
---
${gateway("web", HTTP)}---
${gateway(
  "other",
  `    - name: http
      protocol: HTTP
      port: 8080
      hostname: "*.example.com"
`,
)}---
apiVersion: v1
kind: Service
metadata:
  name: blue
  namespace: shop
spec:
  ports:
    - port: 8080
${route("a", "web", "a.example.org")}${route("b", "web", "b.example.net")}${route("c", "other", "c.example.com")}`;

function step(before: string, after: string): { result: Reanalysis; fresh: AnalyzedRevision } {
  const cache = createParseCache();
  const opts = { clock, parseCache: cache };
  const previous = analyzeRevision(at(before), opts);
  const result = reanalyze(previous, at(after), opts, loadValidated(at(after), cache));
  return { result, fresh: analyzeRevision(at(after), { clock }) };
}

/** Everything of a revision the next edit or a platform check reads, as plain data. */
function comparable(r: AnalyzedRevision) {
  return {
    analysis: r.analysis,
    listeners: [...r.listeners].map(([key, l]) => [key, JSON.parse(JSON.stringify(l.listeners))]),
    statusDiagnostics: r.stages.statusDiagnostics,
    lintByRule: r.stages.lintByRule,
  };
}

function expectGatewayProof(before: string, after: string) {
  const { result, fresh } = step(before, after);
  expect(result.fallback).toBeUndefined();
  expect(result.proofs).toContain("gateway-listeners");
  expect(comparable(result.revision as AnalyzedRevision)).toEqual(comparable(fresh));
  return { result, fresh };
}

function expectFallback(before: string, after: string, why: RegExp) {
  const { result } = step(before, after);
  expect(result.revision).toBeUndefined();
  expect(result.fallback).toMatch(why);
}

describe("a Gateway's listener edited in place", () => {
  test("a port typed: the status, table listener, node and routes equal a fresh analysis", () => {
    const { fresh } = expectGatewayProof(BASE, BASE.replace("port: 80\n", "port: 8\n"));
    expect(fresh.analysis.routeTable.listeners[0]?.port).toBe(8);
  });

  test("a port typed onto the other listener's port: the conflict is written by the new status", () => {
    // Both on 8080 with distinct hostnames: compatible, no conflict; the overlap rule runs again.
    expectGatewayProof(BASE, BASE.replace("port: 80\n", "port: 8080\n"));
  });

  test("a port typed onto another Gateway's port and hosts: the overlap finding comes and goes", () => {
    const apart = BASE.replace("port: 8080\n", "port: 9090\n");
    const { fresh } = expectGatewayProof(apart, BASE);
    expect(
      fresh.analysis.lint.some(
        (f) => f.diagnostic.code === "lint.hostname-overlap-across-gateways",
      ),
    ).toBe(true);
    expectGatewayProof(BASE, apart);
  });

  test("a Gateway no route names: its protocol and port typed, its status written anew", () => {
    const lone = BASE.replace(route("c", "other", "c.example.com"), "");
    // The other Gateway's listener: the last one of the text.
    const at = lone.lastIndexOf("protocol: HTTP\n");
    const https = `${lone.slice(0, at)}protocol: HTTPS\n${lone.slice(at + "protocol: HTTP\n".length)}`;
    // HTTPS without a certificate: the listener is invalid, the status and node say so.
    const { fresh } = expectGatewayProof(lone, https);
    expect(JSON.stringify(fresh.analysis.status["Gateway/infra/other"])).toContain("Invalid");
    expectGatewayProof(
      https,
      https.replace("port: 8080\n      hostname", "port: 443\n      hostname"),
    );
  });

  test("a listener's name, or a hostname where routes attach: full pipeline", () => {
    expectFallback(BASE, BASE.replace("- name: extra", "- name: extr"), /listener's name/);
    // Route c, moved beside the Gateways (the other one admits its own namespace only), attaches
    // under its "*.example.com": narrowed to c's own host, c attaches as before, but its virtual
    // host is keyed under another listener hostname.
    const same = BASE.replace(/namespace: shop/g, "namespace: infra");
    const at = same.lastIndexOf('"*.example.com"');
    const other = (host: string) =>
      `${same.slice(0, at)}${host}${same.slice(at + '"*.example.com"'.length)}`;
    expectFallback(same, other('"c.example.com"'), /hostname changed where routes attach/);
    // Typed past it: route c detaches.
    expectFallback(same, other('"*.example.co"'), /attaches to the edited Gateway otherwise/);
    // In BASE, c (in shop) is refused by that listener either way, and a refused parent's
    // finding quotes its listeners' checks, the hostname among them.
    expectFallback(
      BASE,
      `${BASE.slice(0, BASE.lastIndexOf('"*.example.com"'))}"c.example.com"${BASE.slice(BASE.lastIndexOf('"*.example.com"') + 15)}`,
      /verdict on the edited Gateway changed/,
    );
  });

  test("a hostname typed on a listener no route attaches to: the routes' explains are patched", () => {
    // Routes a and b attach to `http` only (their hosts are not under *.example.com): the
    // hostname check of `extra` in their explains quotes the new hostname.
    const typed = ['"*.example.co"', '"*.example.c"', '"*.example."', '"a.example.net"'];
    let text = BASE;
    for (const host of typed) {
      const next = text.replace(/hostname: "[^"]*"/, `hostname: ${host}`);
      const { fresh } = expectGatewayProof(text, next);
      text = next;
      expect(fresh.analysis.routeTable.listeners[1]?.hostname).toBe(JSON.parse(host));
    }
    // Onto route b's host: it now attaches there, so the edit falls back.
    expectFallback(
      text,
      text.replace(/hostname: "[^"]*"/, 'hostname: "b.example.net"'),
      /attaches to the edited Gateway otherwise/,
    );
  });

  test("a protocol or allowedRoutes typed that detaches or refuses a route: full pipeline", () => {
    expectFallback(
      BASE,
      BASE.replace("protocol: HTTP\n      port: 80\n", "protocol: TCP\n      port: 80\n"),
      /attaches to the edited Gateway otherwise/,
    );
    expectFallback(BASE, BASE.replace("from: All\n", "from: Same\n"), /attaches .* otherwise/);
  });

  test("a protocol typed on a listener the routes do not attach to: their explains are patched", () => {
    // Routes a and b are refused by `extra` on its hostname either way; what changes is its
    // route-kind check, which quotes the protocol, in each route's explain.
    const tcp = BASE.replace(
      "      protocol: HTTP\n      port: 8080\n",
      "      protocol: TCP\n      port: 8080\n",
    );
    const { result, fresh } = expectGatewayProof(BASE, tcp);
    const explainOf = (r: AnalyzedRevision) =>
      r.analysis.explain.find((e) => e.route === "HTTPRoute/shop/a");
    expect(explainOf(result.revision as AnalyzedRevision)).not.toEqual(
      explainOf(step(BASE, BASE).fresh),
    );
    expect(JSON.stringify(explainOf(fresh))).toContain("TCP");
    expectGatewayProof(tcp, BASE);
  });

  test("`from` typed where the routes stay admitted: their explains quote the new value", () => {
    const all = BASE.replace(/namespace: shop/g, "namespace: infra");
    const same = all.replace("from: All\n", "from: Same\n");
    const { fresh } = expectGatewayProof(all, same);
    expect(JSON.stringify(fresh.analysis.explain)).toContain("from namespaces Same");
    expectGatewayProof(same, all);
    // "Sam" is no value of the enum: the listener is refused, the routes detach (full pipeline).
    expectFallback(same, all.replace("from: All\n", "from: Sam\n"), /attaches .* otherwise/);
  });

  test("a refused route whose listener checks read otherwise: full pipeline", () => {
    // Route d names `extra` and no host of it: refused with the same message either way, but a
    // refused parent's finding quotes its listeners' checks (describeRouteParentProblem).
    const refused = BASE.replace(
      route("c", "other", "c.example.com"),
      `${route("c", "other", "c.example.com")}${route("d", "web", "d.example.org").replace(
        "      namespace: infra\n  hostnames",
        "      namespace: infra\n      sectionName: extra\n  hostnames",
      )}`,
    );
    expect(refused).toContain("sectionName: extra");
    expectFallback(
      refused,
      refused.replace(
        "      protocol: HTTP\n      port: 8080\n",
        "      protocol: TCP\n      port: 8080\n",
      ),
      /verdict on the edited Gateway changed/,
    );
  });

  test("HTTP to HTTPS where the certificate was already named: the routes' explains are patched", () => {
    // Same route kinds, still ready: only the protocol in each route's listener check changes.
    // A real certificate (Kong's example), so HTTPS is programmed as HTTP was.
    const kong = readFileSync(
      new URL(
        "../../../fixtures/corpus/Kong__kubernetes-ingress-controller/examples/gateway-grpcroute-via-https.yaml",
        import.meta.url,
      ),
      "utf8",
    );
    const doc = kong.split(/^---$/m).find((d) => /^kind: Secret$/m.test(d)) ?? "";
    const secret = `---${doc.replace("name: grpcroute-example", "name: cert\n  namespace: infra")}`;
    const tls = "      tls:\n        certificateRefs:\n          - name: cert\n";
    const http =
      BASE.replace(
        '      hostname: "*.example.com"\n      allowedRoutes',
        `      hostname: "*.example.com"\n${tls}      allowedRoutes`,
      ) + secret;
    const https = http.replace(
      "      protocol: HTTP\n      port: 8080\n",
      "      protocol: HTTPS\n      port: 8080\n",
    );
    expect(https).not.toEqual(http);
    expectGatewayProof(http, https);
    expectGatewayProof(https, http);
  });

  test("the class, a listener added, a written status or a ListenerSet: full pipeline", () => {
    expectFallback(
      BASE,
      BASE.replace(
        "gatewayClassName: gwsim\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes",
        "gatewayClassName: gwsix\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes",
      ),
      /outside its listeners/,
    );
    expectFallback(
      BASE,
      BASE.replace(
        '      port: 8080\n      hostname: "*.example.com"\n---',
        '      port: 8080\n      hostname: "*.example.com"\n    - name: more\n      protocol: HTTP\n      port: 81\n---',
      ),
      /added or removed/,
    );
    const written = BASE.replace(
      gateway("web", HTTP),
      `${gateway("web", HTTP)}status:\n  conditions: [{type: Accepted, status: "True", reason: Accepted}]\n`,
    );
    expectFallback(written, written.replace("port: 80\n", "port: 8\n"), /written status/);
    const withSet = `${BASE}---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata:
  name: set
  namespace: infra
spec:
  parentRef:
    name: web
  listeners:
    - name: more
      protocol: HTTP
      port: 81
`;
    expectFallback(withSet, withSet.replace("port: 80\n", "port: 8\n"), /ListenerSet/);
  });

  test("a GRPCRoute beside the HTTPRoutes on the Gateway: full pipeline", () => {
    const grpc = `${BASE}---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: rpc
  namespace: shop
spec:
  parentRefs:
    - name: web
      namespace: infra
  rules:
    - backendRefs:
        - name: blue
          port: 8080
`;
    expectFallback(grpc, grpc.replace("port: 80\n", "port: 8\n"), /GRPCRoutes name the Gateway/);
  });

  test("the bench's listener port typed at 100 routes takes the proof", () => {
    const config = generateBenchConfig(100);
    expectGatewayProof(config.yaml, config.yaml.replace("port: 80\n", "port: 8080\n"));
  });

  test("random listener keystrokes: every step equals a fresh analysis", () => {
    const bases = [
      BASE,
      // The other Gateway named by no route: its protocol and allowedRoutes are proven too.
      BASE.replace(route("c", "other", "c.example.com"), ""),
      BASE.replace(/namespace: shop/g, "namespace: infra"),
      generateBenchConfig(20).yaml,
    ];
    const listenerEdit = fc.oneof(
      fc
        .tuple(fc.nat(), fc.constantFrom("8", "80", "81", "8080", "9090", "0", "x"))
        .map(([i, p]) => ({
          pattern: /port: \w+\n(?=(\s+hostname.*\n)?\s+allowedRoutes|\n*---\n)/g,
          i,
          by: `port: ${p}\n`,
        })),
      fc
        .tuple(fc.nat(), fc.constantFrom("HTTP", "HTTPS", "TCP", "HTT"))
        .map(([i, p]) => ({ pattern: /protocol: \w+/g, i, by: `protocol: ${p}` })),
      fc
        .tuple(fc.nat(), fc.constantFrom("All", "Same", "Sam", "Selector"))
        .map(([i, f]) => ({ pattern: /from: \w+/g, i, by: `from: ${f}` })),
      fc
        .tuple(fc.nat(), fc.constantFrom("http", "htt", "extra"))
        .map(([i, n]) => ({ pattern: /- name: (?:http|htt|extra)\b/g, i, by: `- name: ${n}` })),
      fc
        .tuple(fc.nat(), fc.constantFrom('"*.example.com"', '"*.example.co"', '"a.example.org"'))
        .map(([i, h]) => ({ pattern: /hostname: "[^"]*"/g, i, by: `hostname: ${h}` })),
      fc
        .tuple(fc.nat(), fc.nat({ max: 99 }))
        .map(([i, w]) => ({ pattern: /weight: \d+/g, i, by: `weight: ${w}` })),
    );
    let proven = 0;
    let described = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.constantFrom<WorldMode>("auto", "closed", "open"),
        fc.array(listenerEdit, { minLength: 1, maxLength: 6 }),
        (base, world, edits) => {
          const cache = createParseCache();
          const options = { clock, world, parseCache: cache };
          let text = bases[base] ?? "";
          let previous = analyzeRevision(at(text), options);
          for (const e of edits) {
            const found = [...text.matchAll(e.pattern)];
            const m = found[e.i % Math.max(1, found.length)];
            if (m?.index === undefined) continue;
            text = text.slice(0, m.index) + e.by + text.slice(m.index + m[0].length);
            const result = reanalyze(previous, at(text), options, loadValidated(at(text), cache));
            if (result.revision === undefined) {
              previous = analyzeRevision(at(text), options);
              continue;
            }
            if (result.proofs?.includes("gateway-listeners")) proven += 1;
            // The routes' explains quote the edited protocol or `from`: patched, not fallen back.
            if (result.revision.analysis.explain !== previous.analysis.explain) described += 1;
            expect(comparable(result.revision)).toEqual(
              comparable(analyzeRevision(at(text), { clock, world })),
            );
            previous = result.revision;
          }
        },
      ),
      { numRuns: 80, seed: 2424 },
    );
    expect(proven).toBeGreaterThan(10);
    expect(described).toBeGreaterThan(3);
  }, 120_000);
});
