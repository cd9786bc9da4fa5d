import { describe, expect, it } from "vitest";
import { GATEWAY, analyzeText, route, withCode } from "./lintTestKit";
import { analyze } from "../analyze";

const backend = `      backendRefs:
        - name: svc
          port: 8080
`;

describe("lint.shadowed-match", () => {
  it("reports a prefix match that a regular expression above it always takes, with the proving request", () => {
    const bad =
      GATEWAY +
      route(
        "catch-all",
        `    - matches:
        - path: { type: RegularExpression, value: "/.*" }
${backend}`,
      ) +
      route(
        "api",
        `    - matches:
        - path: { type: PathPrefix, value: /api }
${backend}`,
      );
    const found = withCode(analyzeText(bad), "lint.shadowed-match");
    expect(found).toHaveLength(1);
    expect(found[0]?.object).toEqual({ kind: "HTTPRoute", namespace: "app", name: "api" });
    expect(found[0]?.path).toBe("spec.rules[0].matches[0]");
    expect(found[0]?.message).toContain("HTTPRoute app/catch-all rule 0 match 0 ranks above it");
    expect(found[0]?.message).toContain("shop.example.com/api");
  });

  it("stays silent when the lower match asks for something the upper one does not cover", () => {
    const fixed =
      GATEWAY +
      route(
        "catch-all",
        `    - matches:
        - path: { type: RegularExpression, value: "/shop/.*" }
${backend}`,
      ) +
      route(
        "api",
        `    - matches:
        - path: { type: PathPrefix, value: /api }
${backend}`,
      );
    expect(withCode(analyzeText(fixed), "lint.shadowed-match")).toEqual([]);
  });

  it("reports a header-less rule below an identical match in the same route (rule order decides)", () => {
    const bad =
      GATEWAY +
      route(
        "dup",
        `    - matches:
        - path: { type: PathPrefix, value: /a }
${backend}    - matches:
        - path: { type: PathPrefix, value: /a/ }
${backend}`,
      );
    const found = withCode(analyzeText(bad), "lint.shadowed-match");
    expect(found.map((d) => d.path)).toEqual(["spec.rules[1].matches[0]"]);
  });

  it("does not report a more specific match ranked above a general one", () => {
    const ok =
      GATEWAY +
      route(
        "both",
        `    - matches:
        - path: { type: PathPrefix, value: / }
${backend}    - matches:
        - path: { type: PathPrefix, value: /a }
          headers: [{ name: x-canary, value: "true" }]
${backend}`,
      );
    expect(withCode(analyzeText(ok), "lint.shadowed-match")).toEqual([]);
  });

  it("returns the proving request as data, and the router sends it to the winner", () => {
    const bad =
      GATEWAY +
      route(
        "old",
        `    - matches:
        - path: { type: PathPrefix, value: /api }
${backend}`,
        '  creationTimestamp: "2025-01-01T00:00:00Z"\n',
      ) +
      route(
        "new",
        `    - matches:
        - path: { type: PathPrefix, value: /api/v1 }
          method: GET
      backendRefs:
        - name: svc
          port: 8080
    - matches:
        - path: { type: PathPrefix, value: /api }
${backend}`,
        '  creationTimestamp: "2025-06-01T00:00:00Z"\n',
      );
    const findings = lintOf(bad).filter((f) => f.diagnostic.code === "lint.shadowed-match");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.diagnostic.object?.name).toBe("new");
    expect(findings[0]?.diagnostic.path).toBe("spec.rules[1].matches[0]");
    expect(findings[0]?.request).toMatchObject({
      scheme: "http",
      gateway: "infra/web",
      port: 80,
      host: "shop.example.com",
      path: "/api",
    });
  });
});

describe("lint.creation-order-tie", () => {
  const rules = `    - matches:
        - path: { type: PathPrefix, value: /cart }
${backend}`;
  it("reports identical matches in two routes without creationTimestamp", () => {
    const found = withCode(
      analyzeText(GATEWAY + route("a", rules) + route("b", rules)),
      "lint.creation-order-tie",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.object?.name).toBe("b");
    expect(
      withCode(analyzeText(GATEWAY + route("a", rules) + route("b", rules)), "lint.shadowed-match"),
    ).toEqual([]);
  });
  it("reports a copied route once, listing every tied match and every hostname", () => {
    const many = `    - matches:
        - path: { type: PathPrefix, value: /cart }
        - path: { type: Exact, value: /checkout }
${backend}    - matches:
        - path: { type: PathPrefix, value: /orders }
${backend}`;
    const copy = (name: string) =>
      route(name, many).replace(
        "hostnames: [shop.example.com]",
        "hostnames: [shop.example.com, www.example.com]",
      );
    const found = withCode(analyzeText(GATEWAY + copy("a") + copy("b")), "lint.creation-order-tie");
    expect(found.map((d) => [d.object?.name, d.path])).toEqual([["b", "spec.rules[0].matches[1]"]]);
    expect(found[0]?.message).toBe(
      "HTTPRoute app/b and HTTPRoute app/a have 3 identical matches (rule 0 match 1 = rule 0 match 1, rule 1 match 0 = rule 1 match 0, rule 0 match 0 = rule 0 match 0) " +
        "for shop.example.com on infra/web listener http; www.example.com on infra/web listener http, and neither route has a creationTimestamp: " +
        "in a cluster the older route wins, so which one serves these requests depends on creation order.",
    );
  });
  it("with creation timestamps the older route wins: a shadow, not a tie", () => {
    const text =
      GATEWAY +
      route("a", rules, '  creationTimestamp: "2025-02-01T00:00:00Z"\n') +
      route("b", rules, '  creationTimestamp: "2025-01-01T00:00:00Z"\n');
    const analysis = analyzeText(text);
    expect(withCode(analysis, "lint.creation-order-tie")).toEqual([]);
    expect(withCode(analysis, "lint.shadowed-match").map((d) => d.object?.name)).toEqual(["a"]);
  });
});

describe("lint.hostname-overlap-across-gateways", () => {
  const second = (hostname: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: other
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      hostname: "${hostname}"
`;
  const first = GATEWAY.replace(
    "      port: 80\n",
    '      port: 80\n      hostname: "*.example.com"\n',
  );
  it("reports two Gateways serving intersecting hostnames on one port", () => {
    const found = withCode(
      analyzeText(first + second("api.example.com")),
      "lint.hostname-overlap-across-gateways",
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("both serve api.example.com on port 80");
    expect(found[0]?.path).toBe("spec.listeners[0].hostname");
  });
  it("stays silent for disjoint hostnames", () => {
    expect(
      withCode(
        analyzeText(first + second("api.example.org")),
        "lint.hostname-overlap-across-gateways",
      ),
    ).toEqual([]);
  });

  // A public and an internal Gateway, both with hostname-less listeners, is the usual split: the
  // routes on each name the hostnames, so DNS sends each name to the one Gateway serving it.
  const listenerOf = (gateway: string, protocol: string, port: number, extra = "") => `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: ${gateway}
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: l
      protocol: ${protocol}
      port: ${port}
${extra}`;
  const routeOn = (name: string, gateway: string, hostname: string) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: infra
spec:
  parentRefs: [{ name: ${gateway} }]
  hostnames: ["${hostname}"]
  rules: [{ backendRefs: [{ name: svc, port: 8080 }] }]
`;
  const classOnly = GATEWAY.slice(0, GATEWAY.indexOf("---"));

  it("stays silent for hostname-less listeners whose routes serve different hostnames", () => {
    const text =
      classOnly +
      listenerOf("public", "HTTP", 80) +
      listenerOf("internal", "HTTP", 80) +
      routeOn("shop", "public", "shop.example.com") +
      routeOn("admin", "internal", "admin.corp.internal");
    expect(withCode(analyzeText(text), "lint.hostname-overlap-across-gateways")).toEqual([]);
  });

  it("reports hostname-less listeners whose routes serve the same hostname", () => {
    const text =
      classOnly +
      listenerOf("public", "HTTP", 80) +
      listenerOf("internal", "HTTP", 80) +
      routeOn("shop", "public", "shop.example.com") +
      routeOn("shop-too", "internal", "*.example.com");
    const found = withCode(analyzeText(text), "lint.hostname-overlap-across-gateways");
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining("both serve shop.example.com on port 80"),
    ]);
  });

  // traefik's with_multiple_gateways_parent_refs: one route attached to two Gateways on purpose.
  const routeOnBoth = (name: string, hostname: string) =>
    routeOn(name, "public", hostname).replace(
      "parentRefs: [{ name: public }]",
      "parentRefs: [{ name: public }, { name: internal }]",
    );

  it("stays silent when the same routes answer the shared hostname on both Gateways", () => {
    const text =
      classOnly +
      listenerOf("public", "HTTP", 80) +
      listenerOf("internal", "HTTP", 80, '      hostname: "*.example.com"\n') +
      routeOnBoth("shop", "*.example.com") +
      routeOnBoth("api", "api.example.com");
    expect(withCode(analyzeText(text), "lint.hostname-overlap-across-gateways")).toEqual([]);
  });

  it("names the route that answers a shared hostname on one Gateway only", () => {
    const text =
      classOnly +
      listenerOf("public", "HTTP", 80) +
      listenerOf("internal", "HTTP", 80) +
      routeOnBoth("shop", "shop.example.com") +
      routeOn("shop-beta", "internal", "shop.example.com");
    const found = withCode(analyzeText(text), "lint.hostname-overlap-across-gateways");
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining(
        "both serve shop.example.com on port 80; a DNS name resolves to one Gateway's address, so only one of them receives those requests. HTTPRoute infra/shop-beta answers it only on Gateway infra/internal.",
      ),
    ]);
  });

  // The shared route lands under *.example.com on both sides, but on internal an exact host
  // a.example.com (a route there only) takes that name first: the answers differ for it.
  it("reports a name a narrower virtual host on one Gateway answers differently", () => {
    const text =
      classOnly +
      listenerOf("public", "HTTP", 80) +
      listenerOf("internal", "HTTP", 80, '      hostname: "*.example.com"\n') +
      routeOnBoth("shop", "*.example.com") +
      routeOn("admin", "internal", "a.example.com");
    const found = withCode(analyzeText(text), "lint.hostname-overlap-across-gateways");
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /both serve a\.example\.com on port 80.*HTTPRoute infra\/admin answers it only on Gateway infra\/internal\.$/,
      ),
    ]);
  });

  it("names at most three routes found on one side only", () => {
    let text = classOnly + listenerOf("public", "HTTP", 80) + listenerOf("internal", "HTTP", 80);
    text += routeOnBoth("shop", "shop.example.com");
    for (const n of [1, 2, 3, 4, 5]) text += routeOn(`beta-${n}`, "internal", "shop.example.com");
    const found = withCode(analyzeText(text), "lint.hostname-overlap-across-gateways");
    expect(found.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /HTTPRoute infra\/beta-1, HTTPRoute infra\/beta-2, HTTPRoute infra\/beta-3 and 2 more answer it only on Gateway infra\/internal\.$/,
      ),
    ]);
  });

  it("still reports two listeners that share a hostname and serve no route yet", () => {
    const text =
      classOnly +
      listenerOf("public", "HTTP", 80, '      hostname: "a.example.com"\n') +
      listenerOf("internal", "HTTP", 80, '      hostname: "a.example.com"\n');
    expect(withCode(analyzeText(text), "lint.hostname-overlap-across-gateways")).toHaveLength(1);
  });

  // Found by the fuzzer: 500 copies of one Gateway gave 124,750 warnings (every pair) and took
  // seconds to analyze and print. Each listener is reported once, against the first before it.
  it("reports each overlapping listener once, against the first Gateway before it", () => {
    let text = classOnly;
    for (const n of [1, 2, 3, 4, 5, 6])
      text += listenerOf(`gw-${n}`, "HTTP", 80, '      hostname: "*.example.com"\n');
    const found = withCode(analyzeText(text), "lint.hostname-overlap-across-gateways");
    expect(found.map((d) => `${d.object?.name}: ${d.message.split(" both serve")[0]}`)).toEqual(
      [2, 3, 4, 5, 6].map(
        (n) =>
          `gw-${n}: Gateway infra/gw-1 listener l (*.example.com) and Gateway infra/gw-${n} listener l (*.example.com)`,
      ),
    );
  });

  it("stays silent for TCP and UDP listeners, which have no hostname to share", () => {
    const text =
      classOnly +
      listenerOf("a", "TCP", 5432) +
      listenerOf("b", "TCP", 5432) +
      listenerOf("c", "UDP", 53) +
      listenerOf("d", "UDP", 53);
    expect(withCode(analyzeText(text), "lint.hostname-overlap-across-gateways")).toEqual([]);
  });

  it("stays silent for a listener that is not accepted, which serves nothing", () => {
    const text =
      classOnly +
      listenerOf("a", "HTTP", 80, '      hostname: "*.example.com"\n') +
      listenerOf("b", "example.com/custom", 80, '      hostname: "*.example.com"\n');
    expect(withCode(analyzeText(text), "lint.hostname-overlap-across-gateways")).toEqual([]);
  });
});

describe("lint.zero-total-weight", () => {
  it("reports a rule whose backends all weigh 0, not one with some weight left", () => {
    const bad =
      GATEWAY +
      route(
        "z",
        `    - backendRefs:
        - { name: svc, port: 8080, weight: 0 }
`,
      );
    const fixed =
      GATEWAY +
      route(
        "z",
        `    - backendRefs:
        - { name: svc, port: 8080, weight: 1 }
`,
      );
    expect(withCode(analyzeText(bad), "lint.zero-total-weight").map((d) => d.path)).toEqual([
      "spec.rules[0].backendRefs",
    ]);
    expect(withCode(analyzeText(fixed), "lint.zero-total-weight")).toEqual([]);
  });
});

describe("lint.backend-port-missing", () => {
  const serviceImport = (ports: string) => `---
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata: { name: svc, namespace: app }
spec: { type: ClusterSetIP, ports: [${ports}] }
`;
  it("reports a ServiceImport backend without port when the import lists several ports", () => {
    const bad =
      GATEWAY +
      serviceImport("{ port: 8080, protocol: TCP }, { port: 9090, protocol: TCP }") +
      route(
        "mc",
        `    - backendRefs:
        - { group: multicluster.x-k8s.io, kind: ServiceImport, name: svc }
`,
      );
    const fixed =
      GATEWAY +
      route(
        "mc",
        `    - backendRefs:
        - { group: multicluster.x-k8s.io, kind: ServiceImport, name: svc, port: 8080 }
`,
      );
    expect(withCode(analyzeText(bad), "lint.backend-port-missing").map((d) => d.message)).toEqual([
      "HTTPRoute app/mc rule 0 backendRef 0 (ServiceImport app/svc) has no port, and the ServiceImport has 2 (8080, 9090): nothing picks one.",
    ]);
    expect(withCode(analyzeText(fixed), "lint.backend-port-missing")).toEqual([]);
  });
  it("stays silent on a ServiceImport without port whose port the referent supplies (GEP-1748)", () => {
    const text = (extra: string) =>
      GATEWAY +
      extra +
      route(
        "mc",
        `    - backendRefs:
        - { group: multicluster.x-k8s.io, kind: ServiceImport, name: svc }
`,
      );
    expect(withCode(analyzeText(text("")), "lint.backend-port-missing")).toEqual([]);
    expect(
      withCode(
        analyzeText(text(serviceImport("{ port: 8080, protocol: TCP }"))),
        "lint.backend-port-missing",
      ),
    ).toEqual([]);
  });
  it("stays silent on other backend kinds, whose referent may supply the port", () => {
    const text =
      GATEWAY +
      route(
        "eg",
        `    - backendRefs:
        - { group: gateway.envoyproxy.io, kind: Backend, name: ext }
        - { group: inference.networking.k8s.io, kind: InferencePool, name: pool }
`,
      );
    expect(withCode(analyzeText(text), "lint.backend-port-missing")).toEqual([]);
  });
});

describe("lint.reference-not-granted", () => {
  const other = `---
apiVersion: v1
kind: Service
metadata:
  name: payments
  namespace: pay
spec:
  ports: [{ port: 9000 }]
`;
  const rules = `    - backendRefs:
        - { name: payments, namespace: pay, port: 9000 }
`;
  const grant = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata:
  name: allow-app
  namespace: pay
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: app }]
  to: [{ group: "", kind: Service }]
`;
  it("reports a cross-namespace backend without a grant, and not once the grant exists", () => {
    const found = lintOf(GATEWAY + other + route("x", rules)).filter(
      (f) => f.diagnostic.code === "lint.reference-not-granted",
    );
    expect(found.map((f) => [f.diagnostic.path, f.restatesStatus])).toEqual([
      ["spec.rules[0].backendRefs[0]", true],
    ]);
    expect(
      lintOf(GATEWAY + other + route("x", rules) + grant).filter(
        (f) => f.diagnostic.code === "lint.reference-not-granted",
      ),
    ).toEqual([]);
  });
  it("stays out of analyze().diagnostics, where the RefNotPermitted status already says it", () => {
    expect(
      withCode(analyzeText(GATEWAY + other + route("x", rules)), "lint.reference-not-granted"),
    ).toEqual([]);
  });
});

describe("lint.parent-ref-no-status", () => {
  it("reports a parentRef to a Gateway whose class is not accepted, not one whose class is accepted", () => {
    const rejectedClass = `---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: nope
spec:
  controllerName: example.com/nope
  parametersRef: { group: example.com, kind: Params, name: missing }
`;
    const orphan =
      rejectedClass +
      `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: lost
  namespace: infra
spec:
  gatewayClassName: nope
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
`;
    const bad =
      GATEWAY +
      orphan +
      route(
        "r",
        `    - backendRefs: [{ name: svc, port: 8080 }]
`,
      ).replace("    - name: web\n", "    - name: lost\n");
    // Closed world: the missing parametersRef target is missing, so the class is not accepted.
    const found = withCode(
      analyze([{ name: "in.yaml", text: bad }], { world: "closed" }),
      "lint.parent-ref-no-status",
    );
    expect(found.map((d) => d.path)).toEqual(["spec.parentRefs[0]"]);
    expect(
      withCode(
        analyzeText(
          GATEWAY +
            route(
              "r",
              `    - backendRefs: [{ name: svc, port: 8080 }]
`,
            ),
        ),
        "lint.parent-ref-no-status",
      ),
    ).toEqual([]);
  });
  it("stays silent when the class is merely not in the input (a cluster may well have it installed), not in the closed world", () => {
    const orphan = `---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: lost
  namespace: infra
spec:
  gatewayClassName: installed-elsewhere
  listeners: [{ name: http, protocol: HTTP, port: 80 }]
`;
    const text =
      GATEWAY +
      orphan +
      route(
        "r",
        `    - backendRefs: [{ name: svc, port: 8080 }]
`,
      ).replace("    - name: web\n", "    - name: lost\n");
    expect(withCode(analyzeText(text), "lint.parent-ref-no-status")).toEqual([]);
    // Closed: the input is the whole cluster by the user's choice, so the class is missing.
    expect(
      withCode(
        analyze([{ name: "in.yaml", text }], { world: "closed" }),
        "lint.parent-ref-no-status",
      ).map((d) => d.path),
    ).toEqual(["spec.parentRefs[0]"]);
  });
  it("does not claim a cluster gives no status to a parent kind gwsim does not model", () => {
    // Route delegation (a parent HTTPRoute) or a ServiceImport: an implementation may support it.
    const text =
      GATEWAY +
      route(
        "r",
        `    - backendRefs: [{ name: svc, port: 8080 }]
`,
      ).replace(
        "    - name: web\n",
        "    - group: gateway.networking.k8s.io\n      kind: HTTPRoute\n      name: root\n",
      );
    const found = withCode(analyzeText(text), "lint.parent-ref-no-status");
    expect(found.map((d) => d.path)).toEqual(["spec.parentRefs[0]"]);
    expect(found[0]?.message).toMatch(
      /\(HTTPRoute infra\/root\) is not simulated: parentRef kind gateway\.networking\.k8s\.io\/HTTPRoute is not a parent gwsim reconciles/,
    );
    expect(found[0]?.message).toContain(
      "only an implementation that supports this parent kind writes status for it",
    );
    expect(found[0]?.message).not.toContain("will get no status");
  });
  it("leaves a parent missing from the input to ref.not-found", () => {
    const text =
      GATEWAY +
      route(
        "r",
        `    - backendRefs: [{ name: svc, port: 8080 }]
`,
      ).replace("    - name: web\n", "    - name: gone\n");
    const analysis = analyzeText(text);
    expect(withCode(analysis, "lint.parent-ref-no-status")).toEqual([]);
    expect(withCode(analysis, "ref.not-found")).toHaveLength(1);
  });
});

/** Every lint finding with its extras, as analyze() reports them (restated ones included). */
function lintOf(text: string) {
  return analyze([{ name: "in.yaml", text }]).lint;
}

describe("lint.route-not-accepted", () => {
  it("restates a refused parent as a located finding, kept out of analyze().diagnostics", () => {
    const text =
      GATEWAY.replace("          from: All", "          from: Same") +
      route(
        "r",
        `    - backendRefs: [{ name: svc, port: 8080 }]
`,
      );
    const found = lintOf(text).filter((f) => f.diagnostic.code === "lint.route-not-accepted");
    expect(found.map((f) => [f.diagnostic.path, f.diagnostic.severity, f.restatesStatus])).toEqual([
      ["spec.parentRefs[0]", "error", true],
    ]);
    // The same words as the designer's Problems panel (engine/present/problems.ts).
    expect(found[0]?.diagnostic.message).toMatch(
      /^HTTPRoute app\/r is not attached to infra\/web: .*namespace/,
    );
    expect(withCode(analyzeText(text), "lint.route-not-accepted")).toEqual([]);
    expect(
      lintOf(
        GATEWAY +
          route(
            "r",
            `    - backendRefs: [{ name: svc, port: 8080 }]
`,
          ),
      ).filter((f) => f.diagnostic.code === "lint.route-not-accepted"),
    ).toEqual([]);
  });
});

describe("lint.parent-ref-namespace-defaulted", () => {
  // GATEWAY holds infra/web; route() attaches from app with `namespace: infra` written out.
  const withoutNamespace = (name: string) =>
    route(name, `    - backendRefs: [{ name: svc, port: 8080 }]\n`).replace(
      "    - name: web\n      namespace: infra\n",
      "    - name: web\n",
    );
  it("says which namespace a parentRef without one probably meant", () => {
    for (const world of ["auto", "closed"] as const) {
      const analysis = analyze([{ name: "in.yaml", text: GATEWAY + withoutNamespace("r") }], {
        clock: () => "2026-01-01T00:00:00Z",
        world,
      });
      const found = withCode(analysis, "lint.parent-ref-namespace-defaulted");
      expect(found.map((d) => [d.path, d.message])).toEqual([
        [
          "spec.parentRefs[0]",
          expect.stringContaining(
            "names Gateway app/web (the route's own namespace), which is not in the input; Gateway infra/web is",
          ),
        ],
      ]);
    }
  });
  it("stays silent when the namespace is written, or no Gateway of that name exists", () => {
    expect(
      withCode(analyzeText(GATEWAY + route("r", backend)), "lint.parent-ref-namespace-defaulted"),
    ).toEqual([]);
    expect(
      withCode(
        analyzeText(GATEWAY + withoutNamespace("r").replace("- name: web\n", "- name: other\n")),
        "lint.parent-ref-namespace-defaulted",
      ),
    ).toEqual([]);
  });
});
