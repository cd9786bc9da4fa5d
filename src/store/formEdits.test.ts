import { describe, expect, test } from "vitest";
import { useGwsimStore } from "./index";
import { checkFormEdit, commitFormEdit, type FormEdit } from "./formEdits";
// The page loads the engine's editor lazily (editEngine.ts); these tests edit synchronously.
import "./editEngineModule";

const TEXT = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs:
        - name: web   # the only one
          port: 80
`;
const route = { kind: "HTTPRoute", namespace: "app", name: "shop" };
const structure = (edit: Extract<FormEdit, { type: "structure" }>["edit"]): FormEdit => ({
  type: "structure",
  route,
  edit,
});

describe("structure edits through the inspector's form path", () => {
  test("a rule added is written as one undo step", () => {
    useGwsimStore.getState().setText(TEXT, "editor");
    const check = commitFormEdit(structure({ action: "addRule" }));
    expect(check.errors).toEqual([]);
    expect(check.consequence).toBeUndefined();
    const after = useGwsimStore.getState().text;
    expect(after.startsWith(TEXT)).toBe(true);
    expect(after.slice(TEXT.length)).toContain("value: /new-rule");
    useGwsimStore.getState().undo();
    expect(useGwsimStore.getState().text).toBe(TEXT);
  });

  test("the last backend: checking says what it means and writes nothing; committing writes it", () => {
    useGwsimStore.getState().setText(TEXT, "editor");
    const edit = structure({ action: "removeBackend", ruleIndex: 0, backendIndex: 0 });
    const check = checkFormEdit(edit);
    expect(check.errors).toEqual([]);
    expect(check.consequence).toMatch(/HTTP 500/);
    expect(useGwsimStore.getState().text).toBe(TEXT);
    commitFormEdit(edit);
    expect(useGwsimStore.getState().text).not.toContain("backendRefs");
  });

  test("an item that is not there is an error and nothing is written", () => {
    useGwsimStore.getState().setText(TEXT, "editor");
    const check = commitFormEdit(structure({ action: "removeRule", ruleIndex: 3 }));
    expect(check.errors).toEqual(["rule 3 does not exist"]);
    expect(useGwsimStore.getState().text).toBe(TEXT);
  });
});
