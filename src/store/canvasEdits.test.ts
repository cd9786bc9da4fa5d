import { describe, expect, test } from "vitest";
import { readField } from "../engine";
import { createFieldReader } from "./canvasEdits";

const route = (host: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: team-a
spec:
  hostnames: ["${host}"]
  rules:
    - backendRefs:
        - name: shop
          port: 80
`;
const SHOP = { kind: "HTTPRoute", namespace: "team-a", name: "shop" };

describe("the edit forms' field reader", () => {
  test("reads a field once per text, and again when the text changes", () => {
    const reads: string[] = [];
    const reader = createFieldReader((text, target, path) => {
      reads.push(path.join("."));
      return readField(text, target, path);
    });
    const first = route("shop.example.com");
    expect(reader.read(first, SHOP, ["spec", "hostnames"])).toEqual(["shop.example.com"]);
    expect(reader.read(first, SHOP, ["spec", "hostnames"])).toEqual(["shop.example.com"]);
    expect(reader.read(first, SHOP, ["spec", "rules", 0, "backendRefs", 0, "port"])).toBe(80);
    expect(reader.read(first, { ...SHOP, namespace: "team-b" }, ["spec", "hostnames"])).toBe(
      undefined,
    );
    expect(reads).toEqual(["spec.hostnames", "spec.rules.0.backendRefs.0.port", "spec.hostnames"]);
    // A keystroke: the same field is read from the new text.
    const second = route("api.example.com");
    expect(reader.read(second, SHOP, ["spec", "hostnames"])).toEqual(["api.example.com"]);
    expect(reads).toHaveLength(4);
  });
});
