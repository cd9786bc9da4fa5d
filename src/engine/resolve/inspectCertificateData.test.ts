import { describe, expect, test } from "vitest";
import { aManifest } from "../../test-utils/manifests";
import { decodeBase64, inspectCaBundle, inspectTlsSecret } from "./inspectCertificateData";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n";
const b64 = (s: string) => Buffer.from(s, "latin1").toString("base64");
const secret = (data: Record<string, string>, field = "data") =>
  aManifest({
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "s", namespace: "ns" },
    [field]: data,
  });

describe("decodeBase64", () => {
  test("decodes what Buffer encodes, ignores whitespace, rejects non-base64", () => {
    expect(decodeBase64(b64("Hello world\n"))).toBe("Hello world\n");
    expect(decodeBase64("SGVs\nbG8=")).toBe("Hello");
    expect(decodeBase64("not base64!")).toBeUndefined();
  });
});

describe("inspectTlsSecret", () => {
  test("PEM certificate and key in data (base64) or stringData pass", () => {
    expect(inspectTlsSecret(secret({ "tls.crt": b64(CERT), "tls.key": b64(KEY) }))).toEqual({
      ok: true,
    });
    expect(inspectTlsSecret(secret({ "tls.crt": CERT, "tls.key": KEY }, "stringData"))).toEqual({
      ok: true,
    });
  });
  test("missing keys, or data that is not PEM (conformance malformed-certificate), fail", () => {
    expect(inspectTlsSecret(secret({}))).toEqual({
      ok: false,
      problem: "the Secret has no tls.crt and tls.key",
    });
    expect(
      inspectTlsSecret(secret({ "tls.crt": "SGVsbG8gd29ybGQK", "tls.key": "SGVsbG8gd29ybGQK" })),
    ).toEqual({ ok: false, problem: "tls.crt is not a PEM certificate" });
    expect(inspectTlsSecret(secret({ "tls.crt": b64(CERT), "tls.key": b64(CERT) }))).toEqual({
      ok: false,
      problem: "tls.key is not a PEM private key",
    });
  });
});

describe("inspectCaBundle", () => {
  test("a ConfigMap needs ca.crt holding a PEM certificate", () => {
    const cm = (data: Record<string, string>) =>
      aManifest({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "ca", namespace: "ns" },
        data,
      });
    expect(inspectCaBundle(cm({ "ca.crt": CERT }))).toEqual({ ok: true });
    expect(inspectCaBundle(cm({ "ca.pem": CERT }))).toEqual({
      ok: false,
      problem: "the ConfigMap has no ca.crt",
    });
    expect(inspectCaBundle(cm({ "ca.crt": "garbage" }))).toEqual({
      ok: false,
      problem: "ca.crt is not a PEM certificate",
    });
  });
});

test("a long run of `=` inside base64 is rejected in linear time", () => {
  // /=+$/ retried the run from each `=`: quadratic in its length.
  expect(decodeBase64(`${"=".repeat(200_000)}x`)).toBeUndefined();
  expect(decodeBase64("aGk=")).toBe("hi");
});
