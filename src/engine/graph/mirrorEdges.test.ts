import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { SemanticGraph } from "./types";

// RequestMirror backends are drawn: one `mirror` edge per filter, from the route to the copy's target.
const graphOf = (text: string, world: "closed" | "auto" = "closed"): SemanticGraph =>
  analyze([{ name: "in.yaml", text }], { world }).graph;

const BASE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: shadow, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - filters:
        - type: RequestMirror
          requestMirror:
            backendRef: {name: shadow, port: 80}
            percent: 10
      backendRefs:
        - name: web
          port: 80
          filters:
            - type: RequestHeaderModifier
              requestHeaderModifier: {set: [{name: x, value: y}]}
            - type: RequestMirror
              requestMirror:
                backendRef: {name: gone, port: 80}
`;

describe("mirror edges", () => {
  test('a rule filter and a backendRef filter each give a mirror edge to their backend, labelled "mirror"', () => {
    const g = graphOf(BASE);
    const mirrors = g.edges.filter((e) => e.kind === "mirror");
    expect(mirrors.map((e) => [e.id, e.source, e.target, e.status, e.label])).toEqual([
      [
        "mirror:HTTPRoute/app/r:0:0",
        "HTTPRoute/app/r",
        "Service/app/shadow",
        "ok",
        "mirror · rule 0 · 10%",
      ],
      [
        "mirror:HTTPRoute/app/r:0:0:1",
        "HTTPRoute/app/r",
        "Service/app/gone",
        "error",
        "mirror · BackendNotFound",
      ],
    ]);
    expect(mirrors[1]).toMatchObject({
      ruleIndex: 0,
      backendRefIndex: 0,
      filterIndex: 1,
      reason: "BackendNotFound",
    });
    // The missing mirror target is drawn as a ghost, like a missing backend.
    expect(g.nodes.find((n) => n.id === "Service/app/gone")).toMatchObject({
      ghost: true,
      status: "missing",
    });
    // Mirror edges are not backend edges: weights and traffic shares stay the backends' own.
    expect(g.edges.filter((e) => e.kind === "backend").map((e) => e.target)).toEqual([
      "Service/app/web",
    ]);
  });

  test("a route without RequestMirror has no mirror edge; a fraction is shown as a share", () => {
    expect(
      graphOf(
        BASE.replace(/ {4}- filters:[\s\S]*?percent: 10\n {6}backendRefs/, "    - backendRefs"),
      ).edges.filter((e) => e.kind === "mirror"),
    ).toHaveLength(1);
    const fraction = graphOf(
      BASE.replace("percent: 10", "fraction: {numerator: 1, denominator: 4}"),
    );
    expect(fraction.edges.find((e) => e.id === "mirror:HTTPRoute/app/r:0:0")?.label).toBe(
      "mirror · rule 0 · 25%",
    );
  });
});
