import { describe, expect, test } from "vitest";
import { analyze } from "../../test-utils/engineRoundTrip";
import { planConnection, planDeletion } from "./canvasEdits";

const YAML = `# world: closed
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: eg }
spec: { controllerName: example.com/gc }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: default }
spec:
  gatewayClassName: eg
  listeners:
  - { name: http, port: 80, protocol: HTTP }
  - { name: http-2, port: 8080, protocol: HTTP }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: default }
spec:
  parentRefs: [{ name: gw }]
  rules: [{ backendRefs: [{ name: svc, port: 80 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lone, namespace: default }
spec:
  rules: [{ backendRefs: [{ name: svc, port: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: default }
spec: { ports: [{ port: 80 }] }
`;
const analysis = analyze([{ name: "w.yaml", text: YAML }], { world: "closed" });
const { graph, explain } = analysis;
const GW = "Gateway/default/gw";

describe("planConnection", () => {
  test("a listener onto a route with no parent adds a parentRef at once", () => {
    const plan = planConnection(graph, explain, {
      source: GW,
      sourceHandle: "listener:http",
      target: "HTTPRoute/default/lone",
      targetHandle: "in",
    });
    expect(plan.type).toBe("apply");
    expect(plan.type === "apply" && plan.intents.map((i) => i.type)).toEqual(["attachRoute"]);
  });

  test("a listener onto a route that already names the whole Gateway asks before narrowing", () => {
    const plan = planConnection(graph, explain, {
      source: GW,
      sourceHandle: "listener:http-2",
      target: "HTTPRoute/default/r",
      targetHandle: "in",
    });
    expect(plan.type).toBe("confirm");
  });

  test("a connection that means nothing is a notice, never an edit", () => {
    const plan = planConnection(graph, explain, {
      source: "Service/default/svc",
      target: "GatewayClass//eg",
    });
    expect(plan.type).toBe("notice");
  });
});

describe("planDeletion", () => {
  const node = (id: string) => {
    const n = graph.nodes.find((x) => x.id === id)!;
    return { id, graphNode: { ghost: n.ghost, kind: n.kind, name: n.name } };
  };

  test("deleting a referenced Service asks, naming who references it", () => {
    const plan = planDeletion(graph, [node("Service/default/svc")], []);
    expect(plan.questions).toHaveLength(1);
    expect(plan.questions[0]).toContain("HTTPRoute r");
    expect(plan.intents).toEqual([{ type: "removeObject", key: "Service/default/svc" }]);
  });

  test("deleting a route with its own edges removes only the object; a lone edge removes its reference", () => {
    const edges = graph.edges.filter((e) => e.source === "HTTPRoute/default/r");
    const withNode = planDeletion(graph, [node("HTTPRoute/default/r")], edges);
    expect(withNode.intents).toEqual([{ type: "removeObject", key: "HTTPRoute/default/r" }]);
    const backend = edges.find((e) => e.kind === "backend");
    const alone = planDeletion(graph, [], [backend, backend]);
    expect(alone.intents).toEqual([
      { type: "removeBackendRef", route: "HTTPRoute/default/r", ruleIndex: 0, backendRefIndex: 0 },
    ]);
  });

  test("frames and ghosts are never deleted", () => {
    expect(planDeletion(graph, [{ id: "Namespace//default" }], []).intents).toEqual([]);
  });
});
