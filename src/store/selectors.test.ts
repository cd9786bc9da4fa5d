/**
 * The policy and drift selectors read the engine's Analysis (computed here by the real engine on
 * the bundled examples) and return the same array for the same analysis, as zustand requires.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze, type Analysis, type ResourceKey } from "../engine";
import { createGwsimStore } from "./index";
import { NOT_FOLLOWED, selectAnalysisRevisionWhile, selectHasStatusDrift } from "./selectors";
import {
  selectEffectivePolicies,
  selectObjectsReachedByPolicy,
  selectPolicyTargets,
  selectStatusDrift,
} from "./inspectorSelectors";

const exampleText = (name: string) =>
  readFileSync(new URL(`../../fixtures/examples/${name}.yaml`, import.meta.url), "utf8");
const key = (k: string) => k as ResourceKey;

function storeWith(name: string) {
  const text = exampleText(name);
  const store = createGwsimStore({ initialText: text });
  const analysis: Analysis = analyze([{ name: "workspace.yaml", text }]);
  store.getState().setAnalysis(0, analysis);
  return store;
}

describe("policy selectors", () => {
  const store = storeWith("envoy-gateway-policies");
  const state = () => store.getState();

  test("a route gets its own policy and the one of its Gateway, most specific first", () => {
    const policies = selectEffectivePolicies(key("HTTPRoute/apps/api"))(state());
    expect(policies.map((p) => `${p.policyKind} ${p.reach} ${p.target}`)).toEqual([
      "BackendTrafficPolicy direct HTTPRoute/apps/api",
      "ClientTrafficPolicy gateway Gateway/apps/eg",
    ]);
    expect(selectEffectivePolicies(key("HTTPRoute/apps/api"))(state())).toBe(policies);
  });

  test("an object no policy reaches gets an empty list", () => {
    expect(selectEffectivePolicies(key("Service/apps/api"))(state())).toEqual([]);
  });

  test("a policy's targets and the objects it takes effect on", () => {
    const targets = selectPolicyTargets(key("ClientTrafficPolicy/apps/client-defaults"))(state());
    expect(targets.map((t) => t.target)).toEqual(["Gateway/apps/eg"]);
    expect(selectPolicyTargets(key("ClientTrafficPolicy/apps/client-defaults"))(state())).toBe(
      targets,
    );
    const reached = selectObjectsReachedByPolicy(key("ClientTrafficPolicy/apps/client-defaults"))(
      state(),
    );
    expect(reached.map((r) => `${r.object} ${r.effective.reach}`).sort()).toEqual([
      "Gateway/apps/eg direct",
      "HTTPRoute/apps/admin gateway",
      "HTTPRoute/apps/api gateway",
    ]);
    expect(selectPolicyTargets(key("HTTPRoute/apps/api"))(state())).toEqual([]);
  });

  test("a new analysis gives new results", () => {
    const before = selectEffectivePolicies(key("HTTPRoute/apps/api"))(state());
    const text = exampleText("envoy-gateway-policies").replace(
      "name: api-resilience",
      "name: api-retries",
    );
    store.getState().setText(text, "editor");
    store
      .getState()
      .setAnalysis(store.getState().revision, analyze([{ name: "workspace.yaml", text }]));
    const after = selectEffectivePolicies(key("HTTPRoute/apps/api"))(state());
    expect(after).not.toBe(before);
    expect(after[0]?.policy).toBe("BackendTrafficPolicy/apps/api-retries");
  });
});

describe("status drift selectors", () => {
  test("the drift of one object, and which objects have any", () => {
    const store = storeWith("cluster-dump-with-drift");
    const drift = selectStatusDrift(key("HTTPRoute/infra/status-page"))(store.getState());
    expect(drift.map((d) => `${d.kind} ${d.conditionType}`)).toEqual(["stale-generation Accepted"]);
    expect(selectStatusDrift(key("HTTPRoute/infra/status-page"))(store.getState())).toBe(drift);
    expect(selectHasStatusDrift(key("HTTPRoute/infra/status-page"))(store.getState())).toBe(true);
    // Agrees with the controller: the dump lacks Namespace store, assumed labeled as selected.
    expect(selectHasStatusDrift(key("HTTPRoute/store/storefront"))(store.getState())).toBe(false);
    expect(selectHasStatusDrift(key("Service/store/storefront"))(store.getState())).toBe(false);
  });

  test("a workspace without status has no drift", () => {
    const store = storeWith("quickstart");
    expect(selectStatusDrift(key("HTTPRoute/default/hello"))(store.getState())).toEqual([]);
    expect(selectHasStatusDrift(key("HTTPRoute/default/hello"))(store.getState())).toBe(false);
  });
});

describe("selectAnalysisRevisionWhile", () => {
  test("a hidden view reads the same value through analyses; a shown one follows them", () => {
    const text = exampleText("quickstart");
    const store = createGwsimStore({ initialText: text });
    store.getState().setAnalysis(0, analyze([{ name: "workspace.yaml", text }]));
    const edited = `${text}\n# edit`;
    store.getState().setText(edited, "editor");
    store.getState().setAnalysis(1, analyze([{ name: "workspace.yaml", text: edited }]));
    expect(selectAnalysisRevisionWhile(true)(store.getState())).toBe(1);
    expect(selectAnalysisRevisionWhile(false)(store.getState())).toBe(NOT_FOLLOWED);
  });
});
