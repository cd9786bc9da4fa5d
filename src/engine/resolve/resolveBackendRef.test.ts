import { describe, expect, test } from "vitest";
import { aManifest, aService } from "../../test-utils/manifests";
import { indexResources } from "./indexResources";
import { resolveBackendRef, sharedRefList, writableRef } from "./resolveBackendRef";

const from = { kind: "HTTPRoute" as const, namespace: "app" };

describe("resolveBackendRef (spec §2.7 order)", () => {
  test("a valid ref resolves to its Service, weight defaulting to 1", () => {
    const ref = resolveBackendRef(
      indexResources([aService("app", "web")]),
      from,
      { name: "web", port: 8080 },
      0,
    );
    expect(ref).toMatchObject({
      valid: true,
      target: "Service/app/web",
      weight: 1,
      group: "",
      kind: "Service",
      namespace: "app",
    });
  });
  test("an unsupported kind is InvalidKind even when a grant and object would exist", () => {
    const ref = resolveBackendRef(
      indexResources([]),
      from,
      { group: "example.com", kind: "Bucket", name: "b", port: 1 },
      0,
    );
    expect(ref.reason).toBe("InvalidKind");
  });
  test("the grant is checked before existence, so a missing cross-namespace Service is RefNotPermitted", () => {
    const ref = resolveBackendRef(
      indexResources([], "closed"),
      from,
      { name: "ghost", namespace: "other", port: 80 },
      0,
    );
    expect(ref.reason).toBe("RefNotPermitted");
  });
  test("a missing same-namespace Service is BackendNotFound in a closed world", () => {
    expect(
      resolveBackendRef(indexResources([], "closed"), from, { name: "ghost", port: 80 }, 0).reason,
    ).toBe("BackendNotFound");
  });
  test("in auto, a missing Service is assumed unless the input holds Services in its namespace", () => {
    const assumed = resolveBackendRef(indexResources([]), from, { name: "ghost", port: 80 }, 0);
    expect(assumed).toMatchObject({
      valid: true,
      target: "Service/app/ghost",
      assumed: "Service app/ghost:80 is not in the workspace; assumed to exist (closed world: 500)",
    });
    const typo = resolveBackendRef(
      indexResources([aService("app", "web")]),
      from,
      { name: "ghost", port: 80 },
      0,
    );
    expect(typo).toMatchObject({ valid: false, reason: "BackendNotFound" });
    expect(typo.assumed).toBeUndefined();
  });
  test("an assumed Service still needs a port", () => {
    expect(resolveBackendRef(indexResources([], "open"), from, { name: "ghost" }, 0).reason).toBe(
      "BackendNotFound",
    );
  });
  test("a port the Service does not expose is BackendNotFound", () => {
    const ref = resolveBackendRef(
      indexResources([aService("app", "web")]),
      from,
      { name: "web", port: 9999 },
      0,
    );
    expect(ref).toMatchObject({
      valid: false,
      reason: "BackendNotFound",
      message: "backendRef Service app/web:9999: Service app/web has no port 9999 (ports: 8080)",
    });
  });
  test("GEP-1911: a GRPCRoute cannot use a WebSocket port; an HTTPRoute can use an h2c one", () => {
    const index = indexResources([
      aService("app", "svc", [
        { port: 80, appProtocol: "kubernetes.io/ws" },
        { port: 81, appProtocol: "kubernetes.io/h2c" },
      ]),
    ]);
    expect(
      resolveBackendRef(
        index,
        { kind: "GRPCRoute", namespace: "app" },
        { name: "svc", port: 80 },
        0,
      ).reason,
    ).toBe("UnsupportedProtocol");
    expect(resolveBackendRef(index, from, { name: "svc", port: 81 }, 0).valid).toBe(true);
  });
  test("a UDPRoute needs a UDP port and a TCP route a TCP one", () => {
    const index = indexResources([aService("app", "dns", [{ port: 53, protocol: "UDP" }])]);
    expect(
      resolveBackendRef(index, { kind: "UDPRoute", namespace: "app" }, { name: "dns", port: 53 }, 0)
        .valid,
    ).toBe(true);
    expect(
      resolveBackendRef(index, { kind: "TCPRoute", namespace: "app" }, { name: "dns", port: 53 }, 0)
        .reason,
    ).toBe("UnsupportedProtocol");
  });
  test("a port number listed once per protocol (53/UDP, 53/TCP) serves both route families", () => {
    // kube-dns lists 53/UDP first, then 53/TCP: a TCPRoute to it names the TCP entry.
    const index = indexResources([
      aService("app", "dns", [
        { name: "dns", port: 53, protocol: "UDP" },
        { name: "dns-tcp", port: 53, protocol: "TCP", appProtocol: "kubernetes.io/ws" },
      ]),
    ]);
    for (const kind of ["UDPRoute", "TCPRoute", "HTTPRoute"] as const)
      expect(
        resolveBackendRef(index, { kind, namespace: "app" }, { name: "dns", port: 53 }, 0).valid,
        kind,
      ).toBe(true);
    // The TCP entry's appProtocol is the one checked for a GRPCRoute.
    expect(
      resolveBackendRef(
        index,
        { kind: "GRPCRoute", namespace: "app" },
        { name: "dns", port: 53 },
        0,
      ).reason,
    ).toBe("UnsupportedProtocol");
  });
  test("a grant makes the cross-namespace ref valid", () => {
    const grant = aManifest({
      apiVersion: "gateway.networking.k8s.io/v1beta1",
      kind: "ReferenceGrant",
      metadata: { name: "g", namespace: "other" },
      spec: {
        from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "app" }],
        to: [{ group: "", kind: "Service" }],
      },
    });
    const ref = resolveBackendRef(
      indexResources([grant, aService("other", "db", [{ port: 5432 }])]),
      from,
      { name: "db", namespace: "other", port: 5432, weight: 0 },
      2,
    );
    expect(ref).toMatchObject({ valid: true, index: 2, weight: 0, target: "Service/other/db" });
  });
});

describe("resolveBackendRef output", () => {
  // The key order is what JSON output (CLI, worker messages) prints: it must not depend on how the
  // outcome is recorded on the reference.
  test("keys come in one order: identity, weight, validity, filters, port, then the outcome", () => {
    const index = indexResources([aService("app", "web")]);
    const ok = resolveBackendRef(index, from, { name: "web", port: 8080 }, 0);
    expect(Object.keys(ok)).toEqual([
      "index",
      "group",
      "kind",
      "namespace",
      "name",
      "weight",
      "valid",
      "filters",
      "port",
      "target",
    ]);
    const missing = resolveBackendRef(
      indexResources([aService("app", "web")], "closed"),
      from,
      { name: "gone", port: 1 },
      1,
    );
    expect(Object.keys(missing)).toEqual([
      "index",
      "group",
      "kind",
      "namespace",
      "name",
      "weight",
      "valid",
      "filters",
      "port",
      "reason",
      "message",
    ]);
    expect(missing.valid).toBe(false);
  });
  test("equal valid references to a Service are one frozen object; others are their own", () => {
    const index = indexResources([aService("app", "web"), aService("other", "web")]);
    const a = resolveBackendRef(index, from, { name: "web", port: 8080 }, 0);
    const b = resolveBackendRef(index, from, { name: "web", port: 8080 }, 0);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    // Every field differs from one of these: each is a reference of its own.
    expect(resolveBackendRef(index, from, { name: "web", port: 8080 }, 1)).not.toBe(a);
    expect(resolveBackendRef(index, from, { name: "web", port: 8080, weight: 2 }, 0)).not.toBe(a);
    expect(resolveBackendRef(index, from, { name: "web", port: 8081 }, 0)).not.toBe(a);
    expect(
      resolveBackendRef(index, { ...from, namespace: "other" }, { name: "web", port: 8080 }, 0),
    ).not.toBe(a);
    // A failure is written into a reference of its own, never into a shared one.
    const missing = resolveBackendRef(index, from, { name: "ghost", port: 8080 }, 0);
    expect(Object.isFrozen(missing)).toBe(false);
    expect(missing).not.toBe(resolveBackendRef(index, from, { name: "ghost", port: 8080 }, 0));
  });
  test("writableRef copies a shared reference and leaves the shared one as it was", () => {
    const index = indexResources([aService("app", "web")]);
    const shared = resolveBackendRef(index, from, { name: "web", port: 8080 }, 0);
    const own = writableRef(shared);
    expect(own).not.toBe(shared);
    expect(own).toEqual(shared);
    own.weight = 0;
    expect(shared.weight).toBe(1);
    expect(writableRef(own)).toBe(own);
  });
  test("sharedRefList shares lists of the same shared references, in order", () => {
    const index = indexResources([aService("app", "web"), aService("app", "api")]);
    const web = resolveBackendRef(index, from, { name: "web", port: 8080 }, 0);
    const api = resolveBackendRef(index, from, { name: "api", port: 8080 }, 1);
    const list = sharedRefList([web, api]);
    expect(sharedRefList([web, api])).toBe(list);
    expect(sharedRefList([web])).not.toBe(list);
    expect(sharedRefList([web])).toEqual([web]);
    const own = [web, writableRef(api)];
    expect(sharedRefList(own)).toBe(own);
  });
});
