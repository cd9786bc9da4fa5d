import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../engine";
import { simulatorApi } from "../worker/simulatorApi";
import { createGwsimStore } from "./index";

const read = (name: string) =>
  readFileSync(new URL(`../../fixtures/examples/${name}.yaml`, import.meta.url), "utf8");
const shared = read("shared-gateway-two-teams");
const grpc = read("grpc-method-routing-with-header-canary");
const at = (text: string) => [{ name: "workspace.yaml", text }];

function open(store: ReturnType<typeof createGwsimStore>, text: string) {
  store.getState().replaceWorkspace(text, "example");
  store.getState().setAnalysis(store.getState().revision, analyze(at(text)));
}

const toShared = {
  gateway: "infra/shared",
  scheme: "http" as const,
  port: 80,
  host: "shop.example.com",
  path: "/cart",
};

describe("simulator state follows the objects of each new analysis", () => {
  test("switching examples drops the gone Gateway from the composer and Recent, keeps saved requests and says so", () => {
    const store = createGwsimStore();
    open(store, shared);
    store.getState().setSimDraft(toShared);
    store
      .getState()
      .setSimTrace(simulatorApi.simTrace(store.getState().revision, at(shared), toShared));
    store.getState().saveSimRequest("cart");
    store.getState().saveSimMix({
      id: "",
      name: "shop mix",
      templates: [{ name: "cart", request: toShared, weight: 1 }],
    });
    store.getState().setSimRollout({
      route: "HTTPRoute/team-b/shop",
      ruleIndex: 1,
      backendIndex: 1,
      steps: [10, 100],
      current: -1,
    });
    expect(store.getState().simGone).toEqual([]);

    open(store, grpc);
    const s = store.getState();
    expect(s.simDraft.gateway).toBeUndefined();
    // The grpc example's Gateway listens on port 80 too, so the port stays.
    expect(s.simDraft.port).toBe(80);
    expect(s.simHistory).toEqual([]);
    expect(s.simSaved.map((r) => r.request.gateway)).toEqual(["infra/shared"]);
    expect(s.simRollout).toBeUndefined();
    expect(s.simGone.join("\n")).toMatch(
      /Gateway infra\/shared is not in the workspace any more: the request now goes to any Gateway/,
    );
    expect(s.simGone.join("\n")).toMatch(/Saved request "cart" names Gateway infra\/shared/);
    expect(s.simGone.join("\n")).toMatch(/Mix "shop mix" sends to Gateway infra\/shared/);
    expect(s.simGone.join("\n")).toMatch(/rollout stepped HTTPRoute team-b\/shop rule 1/);
    // The composer's request now reaches the Gateway that listens on the port instead of being refused.
    const trace = simulatorApi.simTrace(s.revision, at(grpc), {
      ...s.simDraft,
      host: "grpc.example.com",
    });
    expect(trace.trace.outcome.kind).not.toBe("connection-refused");
    expect(trace.trace.listener?.gateway).toBe("Gateway/catalog/grpc");

    store.getState().dismissSimGone();
    expect(store.getState().simGone).toEqual([]);
  });

  test("a port no Gateway listens on any more goes back to the scheme default", () => {
    const store = createGwsimStore();
    open(store, shared);
    store.getState().setSimDraft({ ...toShared, port: 443, scheme: "https" });
    open(store, grpc);
    expect(store.getState().simDraft.port).toBeUndefined();
    expect(store.getState().simGone.join("\n")).toMatch(/No Gateway listens on port 443 now/);
  });

  test("a syntax error does not count as deletion: the Gateway named by the composer stays", () => {
    const store = createGwsimStore();
    open(store, shared);
    store.getState().setSimDraft(toShared);
    const broken = shared.replace("kind: Gateway\n", "kind: Gateway\n  bad: [\n");
    store.getState().setText(broken, "editor");
    store.getState().setAnalysis(store.getState().revision, analyze(at(broken)));
    expect(store.getState().analysis?.diagnostics.some((d) => d.code === "yaml.syntax")).toBe(true);
    expect(store.getState().simDraft.gateway).toBe("infra/shared");
    expect(store.getState().simGone).toEqual([]);
  });

  test("Recent belongs to its workspace: opening another one starts an empty Recent, editing keeps it", () => {
    const store = createGwsimStore();
    open(store, shared);
    const toAny = { scheme: "http" as const, host: "shop.example.com", path: "/" };
    store
      .getState()
      .setSimTrace(simulatorApi.simTrace(store.getState().revision, at(shared), toAny));
    store.getState().setText(`${shared}\n# edited\n`, "editor");
    expect(store.getState().simHistory).toHaveLength(1);
    store.getState().replaceWorkspace(grpc, "file");
    expect(store.getState().simHistory).toEqual([]);
  });
});

describe("mesh requests follow the workspace too", () => {
  const mesh = read("mesh-route-with-service-parent");
  test("a mesh draft to a Service that left the workspace goes back to a Gateway, and says so", () => {
    const store = createGwsimStore();
    open(store, mesh);
    const request = {
      scheme: "http" as const,
      port: 9080,
      mesh: { clientNamespace: "web", service: "bookinfo/reviews" },
    };
    store.getState().setSimDraft(request);
    store
      .getState()
      .setSimTrace(simulatorApi.simTrace(store.getState().revision, at(mesh), request));
    expect(store.getState().simHistory).toHaveLength(1);
    const withoutReviews = mesh
      .replace(
        "kind: Service\nmetadata:\n  name: reviews\n",
        "kind: Service\nmetadata:\n  name: ratings\n",
      )
      .replace("kind: Service\n      name: reviews\n", "kind: Service\n      name: ratings\n");
    expect(withoutReviews).not.toMatch(
      /name: reviews\n\s+(namespace: bookinfo\n\s+spec:\n\s+selector|port: 9080)/,
    );
    open(store, withoutReviews);
    const s = store.getState();
    expect(s.simDraft.mesh).toBeUndefined();
    expect(s.simHistory).toEqual([]);
    expect(s.simGone.join("\n")).toContain(
      "Service bookinfo/reviews is not in the workspace any more: the request goes to a Gateway again.",
    );
  });
});
