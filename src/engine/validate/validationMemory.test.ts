import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { createParseCache } from "../load/parseCache";
import { loadValidated } from "./loadValidated";
import { validateManifests } from "./validateManifests";

const TEXT = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: gw
  rules:
    - backendRefs:
        - {name: svc, port: 80, extra: 1}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
`;

describe("what validation keeps between calls", () => {
  test("results are kept only when asked: a cold validation leaves nothing behind", () => {
    const loaded = loadManifests([{ name: "a.yaml", text: TEXT }]);
    const cold1 = validateManifests(loaded.manifests, loaded.locator);
    const cold2 = validateManifests(loaded.manifests, loaded.locator);
    // Validated afresh (equal, not the same objects): nothing was remembered.
    expect(cold2.manifests).toEqual(cold1.manifests);
    expect(cold2.diagnostics).toEqual(cold1.diagnostics);
    for (let i = 0; i < cold1.manifests.length; i++)
      expect(cold2.manifests[i]).not.toBe(cold1.manifests[i]);
    const kept1 = validateManifests(loaded.manifests, loaded.locator, true);
    const kept2 = validateManifests(loaded.manifests, loaded.locator, true);
    expect(kept1.manifests).toEqual(cold1.manifests);
    expect(kept1.diagnostics).toEqual(cold1.diagnostics);
    for (let i = 0; i < kept1.manifests.length; i++)
      expect(kept2.manifests[i]).toBe(kept1.manifests[i]);
  });

  test("a load with a parse cache remembers; the same text loads to the same typed objects", () => {
    const cache = createParseCache();
    const first = loadValidated([{ name: "a.yaml", text: TEXT }], cache);
    const second = loadValidated([{ name: "a.yaml", text: TEXT }], cache);
    expect(second.manifests.length).toBe(2);
    for (let i = 0; i < first.manifests.length; i++)
      expect(second.manifests[i]).toBe(first.manifests[i]);
    expect(second.validationDiagnostics).toEqual(first.validationDiagnostics);
    expect(first.validationDiagnostics.map((d) => d.code)).toContain("schema.unknown-field");
  });
});
