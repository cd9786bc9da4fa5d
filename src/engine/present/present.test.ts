import { describe, expect, it } from "vitest";
import {
  displayKey,
  keyOfRef,
  kindOfKey,
  namespaceOfKey,
  objectLabel,
  parseResourceKey,
  renamedKey,
  resourceKey,
  slug,
} from "./index";
import { describeBackendStream, formatShare } from "./whatIf";

describe("resource keys", () => {
  const route = resourceKey("HTTPRoute", "team-b", "shop");
  const cls = resourceKey("GatewayClass", undefined, "gwsim");

  it("round-trips namespaced and cluster-scoped keys", () => {
    expect(route).toBe("HTTPRoute/team-b/shop");
    expect(cls).toBe("GatewayClass//gwsim");
    expect(parseResourceKey(route)).toEqual({
      kind: "HTTPRoute",
      namespace: "team-b",
      name: "shop",
    });
    expect(parseResourceKey(cls)).toEqual({ kind: "GatewayClass", name: "gwsim" });
    expect(keyOfRef({ kind: "Gateway", namespace: "infra", name: "eg" })).toBe("Gateway/infra/eg");
  });

  it("displays keys as kubectl users say them, without a stray slash for cluster-scoped objects", () => {
    expect(displayKey(route)).toBe("team-b/shop");
    expect(displayKey(cls)).toBe("gwsim");
    expect(objectLabel(route)).toBe("HTTPRoute team-b/shop");
    expect(objectLabel(cls)).toBe("GatewayClass gwsim");
    expect(kindOfKey(route)).toBe("HTTPRoute");
    expect(namespaceOfKey(route)).toBe("team-b");
    expect(namespaceOfKey(cls)).toBeUndefined();
  });

  it("keeps a name that contains a slash whole", () => {
    const odd = resourceKey("ConfigMap", "ns", "a/b");
    expect(parseResourceKey(odd).name).toBe("a/b");
    expect(displayKey(odd)).toBe("ns/a/b");
  });

  it("renames within the same kind and namespace", () => {
    expect(renamedKey(route, "store")).toBe("HTTPRoute/team-b/store");
    expect(renamedKey(cls, "other")).toBe("GatewayClass//other");
  });
});

describe("formatShare", () => {
  it("rounds to two decimals and drops trailing zeros", () => {
    expect(formatShare(0.9)).toBe("90%");
    expect(formatShare(1 / 3)).toBe("33.33%");
    expect(formatShare(0.005)).toBe("0.5%");
    expect(formatShare(1)).toBe("100%");
  });

  it("never shows float noise", () => {
    expect(formatShare(0.07)).toBe("7%");
    expect(formatShare(0.29)).toBe("29%");
    expect(formatShare(-1e-9)).toBe("0%");
  });

  it("pads to two decimals for aligned columns", () => {
    expect(formatShare(0.9, { fixed: true })).toBe("90.00%");
    expect(formatShare(1 / 3, { fixed: true })).toBe("33.33%");
    expect(formatShare(0.07, { fixed: true })).toBe("7.00%");
  });
});

describe("slug", () => {
  it("kebab-cases keys and trims dashes", () => {
    expect(slug("HTTPRoute/team-b/shop")).toBe("httproute-team-b-shop");
    expect(slug("GatewayClass//gwsim")).toBe("gatewayclass-gwsim");
    expect(slug("--404 not-found!")).toBe("404-not-found");
  });
});

describe("describeBackendStream", () => {
  it("names who made the TLS the backend sees, and its SNI", () => {
    expect(describeBackendStream({ tls: true, sni: "a.example.com", origin: "passthrough" })).toBe(
      "TLS, SNI a.example.com (the client's TLS, passed through)",
    );
    expect(
      describeBackendStream({
        tls: true,
        sni: "b.example.com",
        origin: "BackendTLSPolicy",
        clientCertificate: "infra/client",
      }),
    ).toBe(
      "TLS, SNI b.example.com (re-encrypted by the Gateway per BackendTLSPolicy), client certificate infra/client",
    );
    expect(describeBackendStream({ tls: true })).toBe(
      "TLS, SNI (none) (re-encrypted by the Gateway per BackendTLSPolicy)",
    );
  });

  it("says plaintext when TLS ends at the Gateway", () => {
    expect(describeBackendStream({ tls: false })).toBe("plaintext (TLS ends at the Gateway)");
  });
});
