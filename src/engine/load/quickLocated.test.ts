import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { loadManifests } from "./loadManifests";
import { createParseCache } from "./parseCache";

const ROUTE = `# world: closed
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
  namespace: apps
spec:
  parentRefs:
    - name: gw
  rules:
    - backendRefs:
        - {name: svc, port: 70000}
`;

describe("diagnostics in documents the quick reader read", () => {
  test("are located exactly where the yaml library would locate them", () => {
    const quick = analyze([{ name: "r.yaml", text: ROUTE }]);
    const port = quick.diagnostics.find((d) => d.code === "schema.range");
    // Line 12, columns 29-34: the value 70000 after "port: " in the flow mapping.
    expect(port && [port.line, port.column, port.endLine, port.endColumn]).toEqual([
      12, 29, 12, 34,
    ]);
    const reference = loadManifests([{ name: "r.yaml", text: ROUTE }], {}, undefined, true, false);
    const fast = loadManifests([{ name: "r.yaml", text: ROUTE }]);
    const path = ["spec", "rules", 0, "backendRefs", 0, "port"];
    const [refRoute] = reference.manifests;
    const [fastRoute] = fast.manifests;
    expect(refRoute && fastRoute).toBeTruthy();
    if (!refRoute || !fastRoute) return;
    expect(fast.locator.locate(fastRoute, path)).toEqual(reference.locator.locate(refRoute, path));
    expect(fastRoute.source).toEqual(refRoute.source);
  });

  test("the yaml Document is built once, when first located, and kept by the parse cache", () => {
    const cache = createParseCache();
    const clean =
      "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - {name: http, port: 80}\n";
    expect(analyze([{ name: "s.yaml", text: clean }], { parseCache: cache }).diagnostics).toEqual(
      [],
    );
    const [chunk] = [...cache.previous.values()];
    expect(chunk?.quick).toBeDefined();
    // Nothing asked where a field of the clean route is: no Document.
    expect(chunk?.full).toBeUndefined();
    const loaded = loadManifests([{ name: "s.yaml", text: clean }], {}, cache);
    const [service] = loaded.manifests;
    if (!service) throw new Error("service not loaded");
    expect(loaded.locator.locate(service, ["spec", "ports", 0, "port"])).toMatchObject({
      line: 7,
      column: 26,
    });
    expect(chunk?.full?.docs).toHaveLength(1);
  });
});
