import { describe, expect, test } from "vitest";
import { readField } from "./readField";

const TEXT = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  listeners:
    - name: http   # plain
      port: 80
      allowedRoutes: {namespaces: {from: All}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  listeners: []
`;

describe("readField", () => {
  test("reads scalars and collections of the addressed object as plain data", () => {
    const gw = { kind: "Gateway", namespace: "infra", name: "gw" };
    expect(readField(TEXT, gw, ["spec", "listeners", 0, "port"])).toBe(80);
    expect(readField(TEXT, gw, ["spec", "listeners", 0, "allowedRoutes"])).toEqual({
      namespaces: { from: "All" },
    });
    // Same name in another namespace (default, as the loader reads a missing namespace).
    expect(readField(TEXT, { kind: "Gateway", name: "gw" }, ["spec", "listeners"])).toEqual([]);
  });

  test("is undefined for a missing object or field", () => {
    expect(
      readField(TEXT, { kind: "Gateway", namespace: "nope", name: "gw" }, ["spec"]),
    ).toBeUndefined();
    expect(
      readField(TEXT, { kind: "Gateway", namespace: "infra", name: "gw" }, [
        "spec",
        "listeners",
        3,
      ]),
    ).toBeUndefined();
  });
});
