import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { requestForListener, requestForRule } from "./requestForRule";
import type { ResolvedRoute } from "../types";

const example = readFileSync(
  new URL("../../../fixtures/examples/shared-gateway-two-teams.yaml", import.meta.url),
  "utf8",
);
const clock = () => "2026-01-01T00:00:00Z";

function analyzed(text: string) {
  const analysis = analyze([{ name: "in.yaml", text }], { clock });
  return { analysis, router: compileRouter(analysis) };
}

describe("requestForRule", () => {
  const { analysis, router } = analyzed(example);

  test("a header-match rule gives a request with that header, on the route hostname and its listener", () => {
    const r = requestForRule(analysis, "HTTPRoute/team-b/shop", 0);
    expect(r?.notes).toEqual([]);
    expect(r?.request).toEqual({
      scheme: "http",
      gateway: "infra/shared",
      port: 80,
      host: "shop.example.com",
      method: "GET",
      path: "/",
      headers: { "x-canary": "true" },
    });
  });

  test("every rule of the example is reached by its derived request", () => {
    for (const route of analysis.routes) {
      route.rules.forEach((_, ruleIndex) => {
        const r = requestForRule(analysis, route.key, ruleIndex);
        expect(r).toBeDefined();
        const trace = traceRequest(router, r!.request);
        expect(trace.winner, `${route.key} rule ${ruleIndex}`).toMatchObject({
          route: route.key,
          ruleIndex,
        });
      });
    }
  });

  test("a path prefix, method and exact query become the path, method and query string", () => {
    const text = `${example}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: q, namespace: team-a}
spec:
  parentRefs: [{name: shared, namespace: infra, sectionName: https}]
  hostnames: ["*.q.example.com"]
  rules:
    - matches:
        - path: {type: PathPrefix, value: /search}
          method: POST
          queryParams: [{name: q, value: "a b"}, {type: RegularExpression, name: page, value: "[0-9]+"}]
          headers: [{type: RegularExpression, name: x-v, value: "v[0-9]"}]
      backendRefs: [{name: store-web, port: 80}]
`;
    const { analysis: a, router: r } = analyzed(text);
    const got = requestForRule(a, "HTTPRoute/team-a/q", 0);
    expect(got?.request).toEqual({
      scheme: "https",
      gateway: "infra/shared",
      port: 443,
      host: "www.q.example.com",
      method: "POST",
      path: "/search?q=a%20b",
    });
    expect(got?.notes).toEqual([
      "query parameter page must match the regular expression [0-9]+: edit the query",
      "header x-v must match the regular expression v[0-9]: edit its value",
    ]);
    // The regex query is mandatory, so the derived request does not reach the rule: the trace says so.
    expect(traceRequest(r, got!.request).winner).toBeUndefined();
  });

  test("a route that is attached nowhere is said so; unknown routes and rules give undefined", () => {
    const detached = example.replace(
      'shared-gateway-access: "true"\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-b\n  labels:\n    shared-gateway-access: "true"',
      'shared-gateway-access: "true"\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-b',
    );
    const { analysis: a } = analyzed(detached);
    const got = requestForRule(a, "HTTPRoute/team-b/shop", 1);
    expect(got?.notes[0]).toContain("is not attached to any listener");
    expect(got?.request.host).toBe("shop.example.com");
    expect(requestForRule(a, "HTTPRoute/team-b/nope", 0)).toBeUndefined();
    expect(requestForRule(a, "HTTPRoute/team-b/shop", 7)).toBeUndefined();
  });
});

describe("requestForListener", () => {
  const { analysis } = analyzed(example);
  test("the first listener by default, a wildcard hostname made concrete", () => {
    expect(requestForListener(analysis, "Gateway/infra/shared")).toEqual({
      scheme: "http",
      gateway: "infra/shared",
      port: 80,
      host: "www.example.com",
      method: "GET",
      path: "/",
    });
    expect(requestForListener(analysis, "Gateway/infra/shared", "https")).toMatchObject({
      scheme: "https",
      port: 443,
    });
    expect(requestForListener(analysis, "Gateway/infra/nope")).toBeUndefined();
  });
});

test("a query parameter with an unpaired surrogate becomes U+FFFD with a note, never a URIError", () => {
  const route: ResolvedRoute = {
    key: "HTTPRoute/ns/r" as ResolvedRoute["key"],
    kind: "HTTPRoute",
    namespace: "ns",
    name: "r",
    hostnames: [],
    rules: [
      {
        index: 0,
        matches: [{ queryParams: [{ name: "a\ud800", value: "v" }] }],
        filters: [],
        backendRefs: [],
        valid: true,
      },
    ],
  };
  const result = requestForRule({ gateways: [], routes: [route], attachments: [] }, route.key, 0);
  expect(result?.request.path).toBe("/?a%EF%BF%BD=v");
  expect(result?.notes.some((n) => n.includes("unpaired surrogate"))).toBe(true);
});
