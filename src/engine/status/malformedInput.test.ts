/**
 * gwsim reads what users type, so later stages see malformed specs (validate/ reports them).
 * The status stage must neither throw nor drop the object: it writes what it can.
 */
import { describe, expect, test } from "vitest";
import {
  aGateway,
  aGatewayClass,
  aManifest,
  anHTTPRoute,
  lineOfObjectLocator,
} from "../../test-utils/manifests";
import { indexResources } from "../resolve/indexResources";
import { computeStatus } from "./computeStatus";

const GW = "gateway.networking.k8s.io/v1";

describe("computeStatus on malformed specs", () => {
  test("wrong types everywhere: no exception, every object still gets status", () => {
    const manifests = [
      aGatewayClass(),
      aGateway(
        "ns",
        "gw",
        [
          {
            name: "a",
            port: "80",
            protocol: "HTTP",
            hostname: 7,
            allowedRoutes: {
              kinds: "HTTPRoute",
              namespaces: { from: "Selector", selector: "team=a" },
            },
          },
          { name: "b", port: 443, protocol: "HTTPS", tls: [] },
          null as unknown as Record<string, unknown>,
        ],
        {
          addresses: "x",
          tls: {
            frontend: { default: { validation: { caCertificateRefs: [null] } }, perPort: "x" },
          },
          infrastructure: { parametersRef: "p" },
        },
      ),
      aManifest({
        apiVersion: GW,
        kind: "Gateway",
        metadata: { name: "nolisteners", namespace: "ns" },
        spec: { gatewayClassName: "gwsim", listeners: "none" },
      }),
      anHTTPRoute("ns", "r1", {
        parentRefs: [null, 5, { name: "gw", port: "x", sectionName: 3 }],
        hostnames: [1, "ok.example.com"],
        rules: [
          null,
          {
            matches: "all",
            backendRefs: [{ name: 7, port: "80", weight: "heavy" }],
            filters: [{ type: "RequestMirror", requestMirror: { backendRef: "svc" } }],
          },
        ],
      }),
      anHTTPRoute("ns", "r2", { parentRefs: "gw", rules: "none" }),
      aManifest({
        apiVersion: GW,
        kind: "GRPCRoute",
        metadata: { name: "g", namespace: "ns" },
        spec: {
          parentRefs: [{ name: "gw" }],
          rules: [{ matches: [{ method: "Get" }], filters: ["x"] }],
        },
      }),
      aManifest({
        apiVersion: GW,
        kind: "TLSRoute",
        metadata: { name: "t", namespace: "ns" },
        spec: { parentRefs: [{ name: "gw" }], rules: [{ backendRefs: "svc" }] },
      }),
      aManifest({
        apiVersion: GW,
        kind: "ListenerSet",
        metadata: { name: "ls", namespace: "ns" },
        spec: { parentRef: "gw", listeners: [{}] },
      }),
      aManifest({
        apiVersion: "gateway.networking.k8s.io/v1beta1",
        kind: "ReferenceGrant",
        metadata: { name: "rg", namespace: "ns" },
        spec: { from: "all", to: [null] },
      }),
      aManifest({
        apiVersion: GW,
        kind: "BackendTLSPolicy",
        metadata: { name: "p", namespace: "ns" },
        spec: { targetRefs: "svc", validation: { caCertificateRefs: [null] } },
      }),
      aManifest({
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "svc", namespace: "ns" },
        spec: { ports: "http" },
      }),
    ];
    const result = computeStatus(indexResources(manifests), lineOfObjectLocator, {
      clock: () => "T",
    });
    expect(Object.keys(result.status).sort()).toEqual([
      "BackendTLSPolicy/ns/p",
      "GRPCRoute/ns/g",
      "Gateway/ns/gw",
      "Gateway/ns/nolisteners",
      "GatewayClass//gwsim",
      "HTTPRoute/ns/r1",
      "TLSRoute/ns/t",
    ]);
    expect(result.gateways.map((g) => g.listeners.length)).toEqual([3, 0]);
    expect(result.routes.map((r) => r.key)).toEqual([
      "HTTPRoute/ns/r1",
      "HTTPRoute/ns/r2",
      "GRPCRoute/ns/g",
      "TLSRoute/ns/t",
    ]);
  });
});
