import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import type { RouteStatus } from "../types";
import { printTrace } from "./printTrace";
import { MAX_LISTED, phraseList } from "./phraseList";

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe("phraseList", () => {
  test("lists up to MAX_LISTED items whole, then the first ones and how many more", () => {
    expect(phraseList(names(MAX_LISTED, "a"), ", ")).toBe(names(MAX_LISTED, "a").join(", "));
    expect(phraseList(names(MAX_LISTED + 3, "a"), "; ")).toBe(
      `${names(MAX_LISTED, "a").join("; ")}; …and 3 more`,
    );
    expect(phraseList([], ", ")).toBe("");
  });
});

const header = (listener: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  listeners: [${listener}]
`;

describe("long lists in wording", () => {
  test("a route status message naming many unresolved backendRefs lists ten; the diagnostics keep all", () => {
    const refs = names(14, "svc").map((n) => `{name: ${n}, port: 80}`);
    const text = `${header("{name: http, protocol: HTTP, port: 80}")}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [${refs.join(", ")}]}]
`;
    const analysis = analyze([{ name: "in.yaml", text }], { world: "closed" });
    const resolved = (
      analysis.status["HTTPRoute/default/r"] as RouteStatus
    ).parents[0]?.conditions.find((c) => c.type === "ResolvedRefs");
    expect(resolved?.message).toMatch(/svc9\b[^;]*; …and 4 more$/);
    expect(resolved?.message).not.toContain("svc10");
    const missing = analysis.diagnostics.filter(
      (d) => d.code === "ref.not-found" && d.object?.kind === "HTTPRoute",
    );
    expect(missing).toHaveLength(14);
  });

  test("a printed trace lists ten assumed objects of a listener; the trace's data keeps them all", () => {
    const certs = names(13, "cert").map((n) => `{name: ${n}}`);
    const text = header(
      `{name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [${certs.join(", ")}]}}`,
    );
    const trace = traceRequest(compileRouter(analyze([{ name: "in.yaml", text }])), {
      scheme: "https",
      gateway: "default/gw",
      host: "a.example.com",
      path: "/",
    });
    const chosen = trace.listeners.find((l) => l.chosen);
    expect(chosen?.assumed).toHaveLength(13);
    const printed = printTrace(trace).split("\n");
    const assumed = printed.filter((l) => l.trimStart().startsWith("assumed:"));
    expect(assumed).toHaveLength(MAX_LISTED + 1);
    expect(assumed[MAX_LISTED]).toBe(
      "      assumed: …and 3 more (the trace's data lists them all)",
    );
  });
});
