import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { splitWorkspace } from "./splitWorkspace";

const TEXT = `# file: infra.yaml
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: gwsim
spec:
  controllerName: gwsim.dev/controller # the simulator
---
# The shared gateway
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: gwsim # inside comment
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: a
      namespace: team-a
  - apiVersion: v1
    kind: Service
    metadata:
      name: b
      namespace: team-a
`;

// Lines as the engine reports them: a List item's line is where its `- ` entry starts.
const OBJECTS = [
  { kind: "GatewayClass", name: "gwsim", docIndex: 0, line: 2 },
  { kind: "Gateway", namespace: "infra", name: "shared", docIndex: 1, line: 10 },
  { kind: "Service", namespace: "team-a", name: "a", docIndex: 2, line: 21 },
  { kind: "Service", namespace: "team-a", name: "b", docIndex: 2, line: 26 },
];

describe("splitWorkspace", () => {
  const files = splitWorkspace(TEXT, OBJECTS);
  const byPath = Object.fromEntries(files.map((f) => [f.path, f.text]));

  it("names one file per object in a folder per namespace, cluster-scoped under _cluster", () => {
    expect(files.map((f) => f.path)).toEqual([
      "_cluster/gatewayclass-gwsim.yaml",
      "infra/gateway-shared.yaml",
      "team-a/service-a.yaml",
      "team-a/service-b.yaml",
      "kustomization.yaml",
    ]);
  });

  it("keeps each document’s own text, comments included, without the separator", () => {
    expect(byPath["_cluster/gatewayclass-gwsim.yaml"]).toBe(TEXT.slice(0, TEXT.indexOf("---\n")));
    expect(byPath["infra/gateway-shared.yaml"]).toBe(`# The shared gateway
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra
spec:
  gatewayClassName: gwsim # inside comment
`);
  });

  it("re-serialises List items one by one", () => {
    expect(parse(byPath["team-a/service-b.yaml"] ?? "")).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "b", namespace: "team-a" },
    });
    expect(parse(byPath["team-a/service-a.yaml"] ?? "")).toMatchObject({ metadata: { name: "a" } });
  });

  it("writes each item of a List nested in a List to its own file, as the engine loads them", () => {
    const nested = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: Service
        metadata: {name: inner-a, namespace: team-b}
      - apiVersion: v1
        kind: Service
        metadata: {name: inner-b, namespace: team-b}
  - apiVersion: v1
    kind: Service
    metadata: {name: outer, namespace: team-b}
`;
    const out = splitWorkspace(nested, [
      { kind: "Service", namespace: "team-b", name: "inner-a", docIndex: 0, line: 7 },
      { kind: "Service", namespace: "team-b", name: "inner-b", docIndex: 0, line: 10 },
      { kind: "Service", namespace: "team-b", name: "outer", docIndex: 0, line: 13 },
    ]);
    const texts = Object.fromEntries(out.map((f) => [f.path, parse(f.text) as unknown]));
    expect(texts["team-b/service-inner-a.yaml"]).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "inner-a", namespace: "team-b" },
    });
    expect(texts["team-b/service-inner-b.yaml"]).toMatchObject({ metadata: { name: "inner-b" } });
    expect(texts["team-b/service-outer.yaml"]).toMatchObject({ metadata: { name: "outer" } });
  });

  it("writes each item of a typed list (HTTPRouteList) alone, with the list's apiVersion and kind", () => {
    const typed = `apiVersion: v1
kind: List
items:
  - apiVersion: gateway.networking.k8s.io/v1
    kind: HTTPRouteList
    items:
      - metadata: {name: a, namespace: team-c}
      - metadata: {name: b, namespace: team-c}
`;
    const out = splitWorkspace(typed, [
      { kind: "HTTPRoute", namespace: "team-c", name: "a", docIndex: 0, line: 7 },
      { kind: "HTTPRoute", namespace: "team-c", name: "b", docIndex: 0, line: 8 },
    ]);
    const texts = Object.fromEntries(out.map((f) => [f.path, parse(f.text) as unknown]));
    expect(texts["team-c/httproute-a.yaml"]).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "a", namespace: "team-c" },
    });
    expect(texts["team-c/httproute-b.yaml"]).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "b", namespace: "team-c" },
    });
    const topLevel = splitWorkspace(
      typed.replace(/^[\s\S]*?(?=apiVersion: gateway)/, "").replace(/^ {4}/gm, ""),
      [{ kind: "HTTPRoute", namespace: "team-c", name: "b", docIndex: 0, line: 5 }],
    );
    expect(parse(topLevel[0]?.text ?? "")).toMatchObject({
      kind: "HTTPRoute",
      metadata: { name: "b" },
    });
  });

  it("lists every file in kustomization.yaml", () => {
    expect(parse(byPath["kustomization.yaml"] ?? "")).toEqual({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      resources: files.slice(0, -1).map((f) => f.path),
    });
  });

  it("keeps duplicate and hostile names apart and inside their folder", () => {
    const out = splitWorkspace(
      "kind: A\nmetadata: {name: x}\n---\nkind: A\nmetadata: {name: x}\n---\nkind: B\n",
      [
        { kind: "A", namespace: "ns", name: "x", docIndex: 0, line: 1 },
        { kind: "A", namespace: "ns", name: "x", docIndex: 1, line: 4 },
        { kind: "B", namespace: "../etc", name: "a/b", docIndex: 2, line: 7 },
      ],
    );
    expect(out.map((f) => f.path)).toEqual([
      "ns/a-x.yaml",
      "ns/a-x-2.yaml",
      "__etc/b-a_b.yaml",
      "kustomization.yaml",
    ]);
  });
});
