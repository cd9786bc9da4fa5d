/**
 * A reconciled Gateway that requests no address gets a placeholder from TEST-NET-3. The
 * placeholder belongs to the Gateway, not to where it is written: reordering the documents or
 * splitting them over files (a GitOps folder instead of one render) leaves every address alone.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { Analysis } from "../analysisTypes";
import type { GatewayStatus, SourceFile } from "../types";

const gateway = (
  namespace: string,
  name: string,
  className = "example",
) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  gatewayClassName: ${className}
  listeners: [{name: http, port: 80, protocol: HTTP}]
`;
const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: example}
spec: {controllerName: example.com/gateway}
`;
/** `aaa/unserved` names a class the input lacks while holding another: no controller, no address. */
const DOCS = [
  CLASS,
  gateway("zeta", "last"),
  gateway("alpha", "first"),
  gateway("aaa", "unserved", "missing"),
  gateway("mid", "middle"),
];

function addresses(analysis: Analysis): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(analysis.status)
      .filter(([key]) => key.startsWith("Gateway/"))
      .map(([key, s]) => [key, (s as GatewayStatus).addresses?.[0]?.value]),
  );
}

describe("placeholder Gateway addresses", () => {
  it("are numbered by the reconciled Gateways' keys, not by input order", () => {
    const one: SourceFile[] = [{ name: "all.yaml", text: DOCS.join("---\n") }];
    expect(addresses(analyze(one))).toEqual({
      "Gateway/alpha/first": "203.0.113.1",
      "Gateway/mid/middle": "203.0.113.2",
      "Gateway/zeta/last": "203.0.113.3",
    });
  });

  it("do not change when the documents are reordered or spread over files", () => {
    const one = analyze([{ name: "all.yaml", text: DOCS.join("---\n") }]);
    const reordered = analyze([{ name: "all.yaml", text: [...DOCS].reverse().join("---\n") }]);
    const spread = analyze(
      DOCS.map((text, i) => ({ name: `f${DOCS.length - i}.yaml`, text })).reverse(),
    );
    expect(addresses(reordered)).toEqual(addresses(one));
    expect(addresses(spread)).toEqual(addresses(one));
  });
});
