import { describe, expect, it } from "vitest";
import { locateObject, mentionsName } from "./findObjectNode";

const route = (name: string, extra = "") => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: team
spec:
  hostnames: ["${name}.example.com"]${extra}
`;

describe("mentionsName", () => {
  it("finds the name as a whole token, plain, quoted or in a flow mapping", () => {
    expect(mentionsName("  name: route-1\n", "route-1")).toBe(true);
    expect(mentionsName(`  name: "route-1"`, "route-1")).toBe(true);
    expect(mentionsName("{name: route-1, port: 80}", "route-1")).toBe(true);
    expect(mentionsName("name: route-1", "route-1")).toBe(true);
  });

  it("does not count a longer name that starts or ends with it", () => {
    expect(mentionsName("  name: route-10\n", "route-1")).toBe(false);
    expect(mentionsName("  name: my-route-1\n", "route-1")).toBe(false);
    expect(mentionsName("  name: route-1.v2\n", "route-1")).toBe(false);
    expect(mentionsName("  name: route-10\n  other: route-1\n", "route-1")).toBe(true);
  });
});

describe("locateObject", () => {
  it("of duplicates in a List, finds the one the loader keeps: a nested List's item comes last", () => {
    const text = [
      "apiVersion: v1",
      "kind: List",
      "items:",
      "- apiVersion: v1",
      "  kind: List",
      "  items:",
      "  - apiVersion: v1",
      "    kind: Service",
      "    metadata: {name: a}",
      "    spec: {ports: [{port: 81}]}",
      "- apiVersion: v1",
      "  kind: Service",
      "  metadata: {name: a}",
      "  spec: {ports: [{port: 80}]}",
      "",
    ].join("\n");
    const found = locateObject(text, { kind: "Service", name: "a" });
    expect(found?.node.root.getIn(["spec", "ports", 0, "port"])).toBe(81);
    expect(found?.node.list?.index).toBe(0);
  });

  it("finds an object whose name begins other objects' names", () => {
    const docs = [route("route-1")];
    for (let i = 10; i < 20; i++) docs.push(route(`route-${i}`));
    const text = docs.join("---\n");
    const located = locateObject(text, { kind: "HTTPRoute", namespace: "team", name: "route-1" });
    expect(located?.node.root.getIn(["metadata", "name"])).toBe("route-1");
    // The object located in its own document, not among the route-1x ones.
    expect(located?.chunkText).toBe(docs[0]);
  });

  it("finds the later duplicate and objects mentioned only under escapes", () => {
    const text = [route("route-1"), route("route-1", "\n  rules: []")].join("---\n");
    const located = locateObject(text, { kind: "HTTPRoute", namespace: "team", name: "route-1" });
    expect(located?.node.root.getIn(["spec", "rules"])).toEqual(expect.anything());
    const escaped = `kind: Service\nmetadata:\n  name: "svc\\x2d1"\n  namespace: team\n---\nkind: Service\nmetadata:\n  name: svc-10\n  namespace: team\n`;
    const found = locateObject(escaped, { kind: "Service", namespace: "team", name: "svc-1" });
    expect(found?.node.root.getIn(["metadata", "name"])).toBe("svc-1");
  });
});
