import { describe, expect, test } from "vitest";
import type { GraphNode, ResourceKey } from "../../engine";
import { nodeSize } from "../../layout/nodeSize";
import { frameHandles, graphNodeHandles } from "./nodeHandles";

/**
 * The expected boxes are what Chromium laid out for these cards (React Flow's own measurement:
 * the handle's bounding box relative to the node's, divided by the zoom), read from the examples'
 * canvas; e2e/first-load.spec.ts checks every drawn node of every example the same way.
 */
const at = (handles: ReturnType<typeof graphNodeHandles>) =>
  Object.fromEntries(
    handles.map((h) => [h.id, [h.type, h.position, h.x, h.y, h.width, h.height].join(" ")]),
  );

const listener = (name: string) => ({
  name,
  protocol: "HTTPS",
  port: 443,
  attachedRoutes: 1,
  ready: true,
  conflicted: false,
});
const gateway: GraphNode = {
  id: "Gateway/gw-external/public" as ResourceKey,
  kind: "Gateway",
  category: "gateway",
  name: "public",
  namespace: "gw-external",
  status: "ok",
  ghost: false,
  details: {
    category: "gateway",
    className: "envoy",
    listeners: [listener("public"), listener("status")],
  },
};
const route: GraphNode = {
  id: "HTTPRoute/shop/shop" as ResourceKey,
  kind: "HTTPRoute",
  category: "route",
  name: "shop",
  namespace: "shop",
  status: "error",
  reason: "NotAllowedByListeners",
  ghost: false,
  details: { category: "route", hostnames: [], ruleCount: 1, parents: [] },
};
const grant: GraphNode = {
  id: "ReferenceGrant/backends/allow" as ResourceKey,
  kind: "ReferenceGrant",
  category: "grant",
  name: "allow",
  namespace: "backends",
  status: "ok",
  ghost: false,
  details: { category: "grant", from: ["HTTPRoute in shop"], to: ["Service"] },
};

describe("graphNodeHandles", () => {
  test("a gateway: in at mid-height, one handle per listener row just outside the card, out beside the name", () => {
    const size = nodeSize(gateway);
    expect(size).toEqual({ width: 264, height: 112 });
    expect(at(graphNodeHandles(gateway, size))).toEqual({
      in: "target left -1 51 10 10",
      "listener:public": "source right 264 53.5 10 10",
      "listener:status": "source right 264 79.5 10 10",
      out: "source right 258 26 10 10",
    });
  });

  test("a route: in and out at mid-height on the card's left and right borders", () => {
    const size = nodeSize(route);
    expect(size).toEqual({ width: 212, height: 126 });
    expect(at(graphNodeHandles(route, size))).toEqual({
      in: "target left -1 58 10 10",
      out: "source right 206 58 10 10",
    });
  });

  test("a ReferenceGrant also has its grant handle on the top border", () => {
    const size = nodeSize(grant);
    expect(size).toEqual({ width: 212, height: 104 });
    expect(at(graphNodeHandles(grant, size))).toEqual({
      in: "target left -1 47 10 10",
      out: "source right 206 47 10 10",
      grant: "source top 102.5 -4 10 10",
    });
  });

  test("a gateway without listeners has no listener handles", () => {
    const bare: GraphNode = {
      ...gateway,
      details: { category: "gateway", className: "envoy", listeners: [] },
    };
    expect(Object.keys(at(graphNodeHandles(bare, nodeSize(bare))))).toEqual(["in", "out"]);
  });
});

describe("frameHandles", () => {
  test("a namespace frame's handle is React Flow's 6 px one, centred on its top edge", () => {
    expect(frameHandles({ width: 1223, height: 486 })).toEqual([
      { id: "in", type: "target", position: "top", x: 608.5, y: -3, width: 6, height: 6 },
    ]);
  });
});
