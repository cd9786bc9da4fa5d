import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: a
  namespace: app
  parentRefs: [{name: gw}]
  colour: blue
spec:
  hostnames: [a.example.com]
rules:
- backendRefs: [{name: svc, port: 80}]
`;

const unknownFields = (text: string) =>
  analyze([{ name: "in.yaml", text }])
    .diagnostics.filter((d) => d.code === "schema.unknown-field")
    .map((d) => ({ path: d.path, message: d.message, hint: d.hint }));

describe("schema.unknown-field", () => {
  test("says that kubectl apply fails, and points a spec field written too high under spec", () => {
    const found = unknownFields(ROUTE);
    expect(found.map((f) => [f.path, f.hint])).toEqual([
      [
        "metadata.parentRefs",
        "`parentRefs` belongs under spec: move it into spec (spec.parentRefs).",
      ],
      ["metadata.colour", expect.stringContaining("Known fields here: name,")],
      ["rules", "`rules` belongs under spec: move it into spec (spec.rules)."],
    ]);
    expect(found[0]?.message).toBe(
      "metadata.parentRefs: unknown field `parentRefs`: `kubectl apply` (1.27 and later validate fields strictly by default) fails on it; clients that do not ask for strict validation see the API server drop it.",
    );
  });

  test("a core kind's top-level field that belongs in its spec", () => {
    const found = unknownFields(`apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
ports: [{port: 80}]
`);
    expect(found.map((f) => [f.path, f.hint])).toEqual([
      ["ports", "`ports` belongs under spec: move it into spec (spec.ports)."],
    ]);
    expect(found[0]?.message).toContain("in a Service: `kubectl apply` (1.27 and later");
  });
});
