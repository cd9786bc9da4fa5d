import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { ResolvedRoute } from "../types";
import { markRouteBackends } from "./markRouteBackends";

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
spec:
  rules:
    - backendRefs:
        - name: a
          port: 80
        - name: b
          port: 80
    - filters:
        - type: RequestMirror
          requestMirror:
            backendRef:
              name: m
              port: 80
      backendRefs:
        - name: c
          port: 80
`;

function route(): ResolvedRoute {
  const [r] = analyze([{ name: "r.yaml", text: ROUTE }]).routes;
  if (r === undefined) throw new Error("no route");
  return r;
}

describe("markRouteBackends", () => {
  test("a mark that changes nothing gives the very same route", () => {
    const r = route();
    const seen: string[] = [];
    const out = markRouteBackends(r, (ref, at) => {
      seen.push(`${ref.name}@${at.rule}:${at.backendRef ?? `filter${at.filter}`}`);
      return ref;
    });
    expect(out).toBe(r);
    expect(seen).toEqual(["a@0:0", "b@0:1", "c@1:0", "m@1:filter0"]);
  });

  test("a marked mirror backend copies only its rule and filter; the rest stay shared", () => {
    const r = route();
    const out = markRouteBackends(r, (ref, at) =>
      at.filter === undefined ? ref : { ...ref, backendTLS: { sni: "m.example" } },
    );
    expect(out).not.toBe(r);
    expect(out.rules[0]).toBe(r.rules[0]);
    expect(out.rules[1]?.backendRefs[0]).toBe(r.rules[1]?.backendRefs[0]);
    expect(out.rules[1]?.filters[0]?.mirrorBackend?.backendTLS).toEqual({ sni: "m.example" });
    expect(r.rules[1]?.filters[0]?.mirrorBackend?.backendTLS).toBeUndefined();
  });
});
