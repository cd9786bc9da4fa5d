import { describe, expect, test } from "vitest";
import type { ObjectSummary, ResourceKey } from "../../engine";
import { KIND_DISPLAY_ORDER } from "../../engine/present";
import {
  PALETTE_KINDS,
  buildListenerTemplate,
  buildObjectTemplate,
  uniqueName,
} from "./objectTemplates";

function summary(kind: string, namespace: string | undefined, name: string): ObjectSummary {
  const o: ObjectSummary = {
    key: `${kind}/${namespace ?? ""}/${name}` as ResourceKey,
    apiVersion: "v1",
    kind,
    name,
    modelled: true,
    file: "f",
    docIndex: 0,
    line: 1,
    endLine: 1,
  };
  if (namespace !== undefined) o.namespace = namespace;
  return o;
}

describe("palette templates", () => {
  test("names are unique per kind and namespace", () => {
    const objects = [
      summary("Service", "default", "service"),
      summary("Service", "default", "service-2"),
      summary("Service", "other", "service-3"),
    ];
    expect(uniqueName(objects, "Service", "default", "service")).toBe("service-3");
    expect(uniqueName(objects, "Service", "other", "service")).toBe("service");
    expect(uniqueName(objects, "HTTPRoute", "default", "service")).toBe("service");
  });

  test("a new Gateway uses the first GatewayClass; a new route attaches to the first Gateway", () => {
    const objects = [
      summary("GatewayClass", undefined, "envoy"),
      summary("Gateway", "infra", "shared"),
    ];
    expect(buildObjectTemplate("Gateway", objects, "infra")).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "Gateway",
      metadata: { name: "gateway", namespace: "infra" },
      spec: {
        gatewayClassName: "envoy",
        listeners: [{ name: "http", protocol: "HTTP", port: 80 }],
      },
    });
    expect(buildObjectTemplate("HTTPRoute", objects, "team-a")).toMatchObject({
      metadata: { name: "http-route", namespace: "team-a" },
      spec: { parentRefs: [{ name: "shared", namespace: "infra" }] },
    });
    // Same namespace: the parentRef needs no namespace.
    expect(buildObjectTemplate("HTTPRoute", objects, "infra")).toMatchObject({
      spec: { parentRefs: [{ name: "shared" }] },
    });
  });

  test("cluster-scoped kinds get no namespace", () => {
    expect(buildObjectTemplate("Namespace", [], "team-a")).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "namespace" },
    });
    expect(
      buildObjectTemplate(
        "GatewayClass",
        [summary("GatewayClass", undefined, "gateway-class")],
        "x",
      ),
    ).toMatchObject({ metadata: { name: "gateway-class-2" } });
  });

  test("a new listener takes a free name and a free port", () => {
    expect(
      buildListenerTemplate([
        { name: "http", port: 80 },
        { name: "http-2", port: 8080 },
      ]),
    ).toEqual({ name: "http-3", protocol: "HTTP", port: 8081 });
  });
});

describe("PALETTE_KINDS", () => {
  test("are the engine's kinds in its display order", () => {
    expect(PALETTE_KINDS).toBe(KIND_DISPLAY_ORDER);
    expect(PALETTE_KINDS).toEqual([
      "GatewayClass",
      "Gateway",
      "ListenerSet",
      "HTTPRoute",
      "GRPCRoute",
      "TLSRoute",
      "TCPRoute",
      "UDPRoute",
      "Service",
      "Namespace",
      "ReferenceGrant",
      "BackendTLSPolicy",
    ]);
  });
});
