import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import type { WorldMode } from "./world";

// A slice that lacks the backend Services: the auto world assumes them and says what a closed
// world would do instead. That sentence must be what gwsim's closed world really does.
const GATEWAY = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: platform}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: apps}
spec:
  gatewayClassName: platform
  listeners:
  - {name: http, protocol: HTTP, port: 80}
  - {name: tcp, protocol: TCP, port: 9000}
  - {name: udp, protocol: UDP, port: 5353}
`;
const TCP_ROUTE = `---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db, namespace: apps}
spec:
  parentRefs: [{name: gw, sectionName: tcp}]
  rules:
  - backendRefs: [{name: db, port: 5432}]
`;
const UDP_ROUTE = `---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: {name: dns, namespace: apps}
spec:
  parentRefs: [{name: gw, sectionName: udp}]
  rules:
  - backendRefs: [{name: dns, port: 53}]
`;
const HTTP_ROUTE_WITH_MIRROR = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: apps}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  rules:
  - backendRefs: [{name: web, port: 8080}]
    filters: [{type: RequestMirror, requestMirror: {backendRef: {name: shadow, namespace: lab, port: 8080}}}]
`;

const analyzeSlice = (text: string, world: WorldMode) =>
  analyze([{ name: "slice.yaml", text: GATEWAY + text }], { world });
const serviceNote = (text: string, name: string, namespace = "apps") =>
  analyzeSlice(text, "auto").diagnostics.find(
    (d) => d.code === "assume.service" && d.message.includes(`Service ${namespace}/${name} `),
  )?.message;
const trace = (text: string, world: WorldMode, scheme: "tcp" | "udp" | "http", port: number) =>
  traceRequest(compileRouter(analyzeSlice(text, world)), {
    gateway: "apps/gw",
    scheme,
    port,
    host: "example.com",
    path: "/",
  }).outcome;

describe("what a closed world does with traffic for a backend the auto world assumed", () => {
  test("a TCPRoute's connections are refused, and the note and the trace say so", () => {
    const closed = trace(TCP_ROUTE, "closed", "tcp", 9000);
    expect(closed.kind).toBe("connection-refused");
    expect(closed.reason).toContain("BackendNotFound");
    expect(serviceNote(TCP_ROUTE, "db")).toContain(
      "In a closed world: connections sent to it are refused (BackendNotFound).",
    );
    expect(serviceNote(TCP_ROUTE, "db")).not.toContain("500");
    expect(trace(TCP_ROUTE, "auto", "tcp", 9000).backends[0]?.assumed).toBe(
      "Service apps/db:5432 is not in the workspace; assumed to exist (closed world: connections refused)",
    );
  });

  test("a UDPRoute's datagrams likewise get no HTTP status", () => {
    const closed = trace(UDP_ROUTE, "closed", "udp", 5353);
    expect(closed.kind).toBe("connection-refused");
    expect(closed.reason).toContain("BackendNotFound");
    expect(serviceNote(UDP_ROUTE, "dns")).toContain("connections sent to it are refused");
  });

  test("a mirror only stops mirroring: the request still reaches the rule's backend", () => {
    // The primary backend exists, so the closed world differs only in the mirror (in namespace
    // lab, of which the input holds nothing: its Service and grant are assumed).
    const text = `${HTTP_ROUTE_WITH_MIRROR}---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: apps}
spec: {ports: [{port: 8080}]}
`;
    const closed = trace(text, "closed", "http", 80);
    expect(closed).toMatchObject({ kind: "forwarded", status: 200 });
    expect(closed.mirrors.map((m) => m.valid)).toEqual([false]);
    expect(serviceNote(text, "shadow", "lab")).toContain(
      "In a closed world: requests are not mirrored to it, and the rule's backends still answer them (BackendNotFound).",
    );
    expect(trace(text, "auto", "http", 80).mirrors[0]?.assumed).toBe(
      "Service lab/shadow:8080 is not in the workspace; assumed to exist (closed world: not mirrored)",
    );
  });

  test("an HTTPRoute's own backend: the request is answered 500, as before", () => {
    const text = HTTP_ROUTE_WITH_MIRROR;
    expect(trace(text, "closed", "http", 80)).toMatchObject({ kind: "backend-error", status: 500 });
    expect(serviceNote(text, "web")).toContain(
      "In a closed world: requests sent to it are answered 500 (BackendNotFound).",
    );
  });
});

describe("one assumed Service referenced in different ways", () => {
  test("its note tells the closed-world consequence of each kind of reference", () => {
    const text = `${TCP_ROUTE}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: apps}
spec:
  parentRefs: [{name: gw, sectionName: http}]
  rules:
  - backendRefs: [{name: db, port: 8080}]
`;
    expect(serviceNote(text, "db")).toContain(
      "In a closed world: connections sent to it are refused (BackendNotFound); requests sent to it are answered 500 (BackendNotFound). 2 references rely on it.",
    );
  });
});
