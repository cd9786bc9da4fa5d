/**
 * One display order for kinds (KIND_DISPLAY_ORDER): every Gateway API kind gwsim models is in it,
 * and the printers that list kinds follow it.
 */
import { describe, expect, it } from "vitest";
import { printStatus } from "../print/printStatus";
import type { StatusReport } from "../types";
import {
  GATEWAY_GROUP,
  KIND_DISPLAY_ORDER,
  ModelledKind,
  SERVED_VERSIONS,
  kindDisplayRank,
} from "./kinds";

describe("KIND_DISPLAY_ORDER", () => {
  it("holds every Gateway API kind gwsim models, once", () => {
    const gatewayApiKinds = Object.values(ModelledKind).filter((k) =>
      SERVED_VERSIONS[k].every((v) => v.startsWith(`${GATEWAY_GROUP}/`)),
    );
    expect(gatewayApiKinds.length).toBeGreaterThan(5);
    for (const kind of gatewayApiKinds) expect(KIND_DISPLAY_ORDER).toContain(kind);
    expect(new Set(KIND_DISPLAY_ORDER).size).toBe(KIND_DISPLAY_ORDER.length);
  });

  it("ranks an unlisted kind after every listed one", () => {
    expect(kindDisplayRank("GatewayClass")).toBe(0);
    expect(kindDisplayRank("XBackendTrafficPolicy")).toBe(KIND_DISPLAY_ORDER.length);
  });

  it("orders printStatus: classes, Gateways, routes, policies, then other kinds", () => {
    const status = { conditions: [] } as unknown as StatusReport[string];
    const objects = [
      { key: "Widget/ns/a", apiVersion: "v1", kind: "Widget", namespace: "ns", name: "a" },
      {
        key: "BackendTLSPolicy/ns/p",
        apiVersion: "v1",
        kind: "BackendTLSPolicy",
        namespace: "ns",
        name: "p",
      },
      { key: "UDPRoute/ns/u", apiVersion: "v1", kind: "UDPRoute", namespace: "ns", name: "u" },
      { key: "HTTPRoute/ns/h", apiVersion: "v1", kind: "HTTPRoute", namespace: "ns", name: "h" },
      { key: "Gateway/ns/g", apiVersion: "v1", kind: "Gateway", namespace: "ns", name: "g" },
      { key: "GatewayClass/c", apiVersion: "v1", kind: "GatewayClass", name: "c" },
    ];
    const report = Object.fromEntries(objects.map((o) => [o.key, status])) as StatusReport;
    const printed = printStatus(report, objects as unknown as Parameters<typeof printStatus>[1]);
    const kinds = [...printed.matchAll(/^kind: (\S+)$/gm)].map((m) => m[1]);
    expect(kinds).toEqual([
      "GatewayClass",
      "Gateway",
      "HTTPRoute",
      "UDPRoute",
      "BackendTLSPolicy",
      "Widget",
    ]);
  });
});
