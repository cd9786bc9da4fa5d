import { describe, expect, test } from "vitest";
import * as K from "../testdata/x509Keys";
import { checkTlsKeyPair, MAX_PEM_CHARS } from "./checkTlsKeyPair";
import { publicKeyOf } from "./p256";
import { children, readDer, DerError } from "./der";

describe("checkTlsKeyPair", () => {
  test.each([
    ["RSA, PKCS#8 key", K.RSA_CRT, K.RSA_KEY_PKCS8, "RSA 2048-bit"],
    ["RSA, PKCS#1 key", K.RSA_CRT, K.RSA_KEY_PKCS1, "RSA 2048-bit"],
    ["P-256, SEC1 key with its public point", K.EC_CRT, K.EC_KEY_SEC1, "ECDSA P-256"],
    [
      "P-256, SEC1 key without public point (derived d·G)",
      K.EC_CRT,
      K.EC_KEY_SEC1_NO_PUBLIC,
      "ECDSA P-256",
    ],
    ["P-256, PKCS#8 key without public point", K.EC_CRT, K.EC_KEY_PKCS8_NO_PUBLIC, "ECDSA P-256"],
  ])("%s: the pair matches", (_name, crt, key, algorithm) => {
    expect(checkTlsKeyPair(crt, key)).toEqual({ result: "match", algorithm });
  });

  test.each([
    ["another RSA key", K.RSA_CRT, K.RSA_OTHER_KEY, "the RSA moduli differ"],
    [
      "another P-256 key (derived)",
      K.EC_CRT,
      K.EC_OTHER_KEY_NO_PUBLIC,
      "the EC public points differ",
    ],
    [
      "an EC key for an RSA certificate",
      K.RSA_CRT,
      K.EC_KEY_SEC1,
      "the certificate holds an RSA public key, tls.key an EC private key",
    ],
  ])("%s: mismatch, with what differs", (_name, crt, key, detail) => {
    expect(checkTlsKeyPair(crt, key)).toMatchObject({ result: "mismatch", detail });
  });

  test("a certificate chain: the first certificate (the leaf) is the one compared", () => {
    expect(checkTlsKeyPair(K.RSA_CRT + K.EC_CRT, K.RSA_KEY_PKCS1).result).toBe("match");
    expect(checkTlsKeyPair(K.EC_CRT + K.RSA_CRT, K.RSA_KEY_PKCS1).result).toBe("mismatch");
  });

  test.each([
    [
      "placeholder PEM bodies",
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
      K.RSA_KEY_PKCS1,
      "the tls.crt certificate could not be read",
    ],
    [
      "a key that is not base64",
      K.RSA_CRT,
      "-----BEGIN PRIVATE KEY-----\n%%%\n-----END PRIVATE KEY-----",
      "not valid base64",
    ],
    ["Ed25519", K.ED25519_CRT, K.ED25519_KEY, "Ed25519 certificates are not compared"],
    [
      "an encrypted key",
      K.RSA_CRT,
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----",
      "it is encrypted",
    ],
    ["no PEM at all", "hello", K.RSA_KEY_PKCS1, "no complete PEM CERTIFICATE block"],
    [
      "an unterminated block",
      "-----BEGIN CERTIFICATE-----\nMIIB",
      K.RSA_KEY_PKCS1,
      "no complete PEM CERTIFICATE block",
    ],
    ["an oversized value", "x".repeat(MAX_PEM_CHARS + 1), K.RSA_KEY_PKCS1, "larger than"],
  ])("%s: unchecked, with the reason", (_name, crt, key, why) => {
    const r = checkTlsKeyPair(crt, key);
    expect(r.result).toBe("unchecked");
    expect(r.result === "unchecked" ? r.why : "").toContain(why);
  });

  test("truncated and bit-flipped DER never throws", () => {
    const body = K.RSA_CRT.split("\n")
      .filter((l) => !l.startsWith("-----"))
      .join("");
    for (let cut = 4; cut < body.length; cut += 97) {
      const pem = `-----BEGIN CERTIFICATE-----\n${body.slice(0, cut - (cut % 4))}\n-----END CERTIFICATE-----`;
      expect(() => checkTlsKeyPair(pem, K.RSA_KEY_PKCS1)).not.toThrow();
    }
    const flipped = body
      .split("")
      .map((c, i) => (i % 53 === 7 ? (c === "A" ? "B" : "A") : c))
      .join("");
    expect(() =>
      checkTlsKeyPair(
        `-----BEGIN CERTIFICATE-----\n${flipped}\n-----END CERTIFICATE-----`,
        K.RSA_KEY_PKCS1,
      ),
    ).not.toThrow();
  });
});

describe("DER reader caps", () => {
  test("indefinite lengths, lengths past the input and deep nesting are errors", () => {
    expect(() => readDer(new Uint8Array([0x30, 0x80, 0, 0]))).toThrow(DerError);
    expect(() => readDer(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]))).toThrow(DerError);
    // 20 SEQUENCEs nested in each other: walking them passes the depth cap.
    const deep = new Uint8Array(40).map((_, i) => (i % 2 === 0 ? 0x30 : 38 - (i - 1)));
    const walk = (node: ReturnType<typeof readDer>, depth: number): number => {
      const [inner] = children(node, depth);
      return inner === undefined ? depth : walk(inner, depth + 1);
    };
    expect(() => walk(readDer(deep), 0)).toThrow("DER nested too deeply");
  });
});

describe("P-256", () => {
  test("1·G is the generator and d·G matches a known test vector (RFC 6979 A.2.5 key)", () => {
    expect(publicKeyOf(1n)?.x.toString(16)).toBe(
      "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
    );
    const q = publicKeyOf(0xc9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721n);
    expect(q?.x.toString(16)).toBe(
      "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
    );
    expect(q?.y.toString(16)).toBe(
      "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299",
    );
  });
  test("0 and the group order are not private keys", () => {
    expect(publicKeyOf(0n)).toBeUndefined();
    expect(
      publicKeyOf(0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n),
    ).toBeUndefined();
  });
});
