/**
 * Header values the experimental-channel CRDs refuse (RFC 7230 field-value pattern, gateway-api
 * hack/invalid-examples/experimental/httproute/invalid-header-value.yaml): a warning, since the
 * standard channel gwsim validates against stores them.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";

const route = (kind: string, rule: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: r, namespace: default}
spec:
  rules:
${rule}`;

const codes = (text: string) =>
  analyze([{ name: "r.yaml", text }])
    .diagnostics.filter((d) => d.code === "schema.experimental-rule")
    .map((d) => `${d.line}:${d.path}`)
    .sort();

describe("header values outside RFC 7230", () => {
  test("CR, LF, doubled or edge spaces and non-ASCII are reported where they are", () => {
    const text = route(
      "HTTPRoute",
      `    - matches:
        - headers: [{name: a, value: "x\\r\\ny"}, {name: b, value: "fine value"}]
      filters:
        - type: ResponseHeaderModifier
          responseHeaderModifier:
            add: [{name: c, value: " lead"}]
            set: [{name: d, value: "two  spaces"}, {name: e, value: "tab\\tok"}]
      backendRefs:
        - name: web
          port: 80
          filters:
            - type: RequestHeaderModifier
              requestHeaderModifier: {set: [{name: f, value: "caf\\u00e9"}]}
`,
    );
    expect(codes(text)).toEqual([
      "11:spec.rules[0].filters[0].responseHeaderModifier.add[0].value",
      "12:spec.rules[0].filters[0].responseHeaderModifier.set[0].value",
      "18:spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.set[0].value",
      "7:spec.rules[0].matches[0].headers[0].value",
    ]);
  });

  // Rules without filters build their path only for a value that breaks a rule: the path must
  // still name the rule it is in, not the first one.
  test("a later rule without filters is reported at its own index", () => {
    const text = route(
      "HTTPRoute",
      `    - matches: [{path: {type: PathPrefix, value: /ok}}]
    - matches:
        - headers: [{name: a, value: "fine"}]
        - headers: [{name: b, value: " lead"}]
`,
    );
    expect(codes(text)).toEqual(["9:spec.rules[1].matches[1].headers[0].value"]);
    const paths = analyze([
      {
        name: "r.yaml",
        text: route(
          "HTTPRoute",
          `    - matches: [{path: {type: Exact, value: /ok}}]\n    - matches: [{path: {type: Exact, value: "/a//b"}}]\n`,
        ),
      },
    ])
      .diagnostics.filter((d) => d.code === "schema.rule")
      .map((d) => d.path);
    expect(paths).toEqual(["spec.rules[1].matches[0].path.value"]);
  });

  test("GRPCRoute header modifiers are checked, its header matches are not (no pattern there)", () => {
    const text = route(
      "GRPCRoute",
      `    - matches:
        - headers: [{name: a, value: "x\\ny"}]
      filters:
        - type: RequestHeaderModifier
          requestHeaderModifier: {add: [{name: b, value: "x\\ny"}]}
`,
    );
    expect(codes(text)).toEqual(["10:spec.rules[0].filters[0].requestHeaderModifier.add[0].value"]);
  });

  test("a long value that fails at its end is judged in linear time", () => {
    const long = `${"a".repeat(20000)}\\n`;
    const text = route(
      "HTTPRoute",
      `    - matches:\n        - headers: [{name: a, value: "${long}"}]\n`,
    );
    const start = performance.now();
    expect(codes(text)).toHaveLength(1);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

// gateway-api hack/invalid-examples/standard/tlsroute/invalid-hostname.yaml: "http://a<" breaks
// the hostname pattern; CEL isIP is false for it, so "cannot contain an IP" must not be claimed.
describe("TLSRoute hostnames and CEL isIP", () => {
  const tls = (hostname: string) =>
    analyze([
      {
        name: "t.yaml",
        text: `apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: t, namespace: default}
spec:
  hostnames: ["${hostname}"]
  rules: [{backendRefs: [{name: s, port: 443}]}]
`,
      },
    ])
      .diagnostics.filter((d) => d.message.includes("cannot contain an IP"))
      .map((d) => d.path);
  test("an address is refused, text with a colon that is no address is not called one", () => {
    expect(tls("10.0.0.1")).toEqual(["spec.hostnames[0]"]);
    expect(tls("fd00::1")).toEqual(["spec.hostnames[0]"]);
    expect(tls("http://a<")).toEqual([]);
    expect(tls("a:443")).toEqual([]);
  });
});
