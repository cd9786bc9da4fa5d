import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { createParseCache } from "../load/parseCache";
import { loadValidated } from "./loadValidated";
import { validateManifests } from "./validateManifests";
import { loadAllEngineModules } from "../modules/engineModules";
import type { Manifest } from "../types";

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

  test("a document that only moved keeps its body's check: typed anew at its lines, then kept", async () => {
    // Loading around the edit is the incremental module's (load/reloadFile.ts).
    await loadAllEngineModules();
    const cache = createParseCache();
    const text = (blank: string) => TEXT + "---\n" + blank + TEXT.replaceAll("web", "web2");
    const first = loadValidated([{ name: "a.yaml", text: text("") }], cache);
    // Enter before the second HTTPRoute: its document moves down a line, the first stays.
    const moved = loadValidated([{ name: "a.yaml", text: text("\n") }], cache);
    const again = loadValidated([{ name: "a.yaml", text: text("\n") }], cache);
    expect(moved.manifests[0]).toBe(first.manifests[0]);
    const [was, now, kept] = [first, moved, again].map((l) => l.manifests[2] as Manifest);
    // The same typed body (no check ran again), on a new object at the new lines.
    expect(now?.body).toBe(was?.body);
    expect(now).not.toBe(was);
    expect(now?.source.line).toBe((was?.source.line ?? 0) + 1);
    // Its diagnostics located anew, a line down, and equal to a cold validation of the new text.
    const lines = (l: typeof first) => l.validationDiagnostics.map((d) => d.line);
    expect(lines(moved)).toEqual([lines(first)[0], (lines(first)[1] ?? 0) + 1]);
    const cold = loadValidated([{ name: "a.yaml", text: text("\n") }]);
    expect(moved.validationDiagnostics).toEqual(cold.validationDiagnostics);
    expect(moved.manifests).toEqual(cold.manifests);
    // The moved object's result is kept: the next load of the same text hands on the same ones.
    expect(kept).toBe(now);
    expect(again.validationDiagnostics[1]).toBe(moved.validationDiagnostics[1]);
  });
});
