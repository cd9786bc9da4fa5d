/**
 * Plausibility checks on certificate material, enough to tell a usable kubernetes.io/tls Secret
 * from a malformed one (GatewayInvalidTLSConfiguration): the keys exist and hold PEM blocks of the
 * right type, and tls.key belongs to the certificate in tls.crt (x509/checkTlsKeyPair.ts) when
 * gwsim can read both. Validity dates and SANs are not checked.
 */
import type { Manifest } from "../types";
import { asRecord, asString } from "./read";
import { decodeBase64, describeIllegalBase64 } from "../x509/base64";
import { checkTlsKeyPair, type KeyPairCheck } from "../x509/checkTlsKeyPair";
import { readPemBlocks } from "../x509/pem";

export { decodeBase64 };

export type DataOutcome = { ok: true } | { ok: false; problem: string };

/** Problems are phrased without the object's name: callers prefix the reference they checked. */

/** A Secret usable as a server or client certificate: `tls.crt` and `tls.key` holding PEM. */
export function inspectTlsSecret(secret: Manifest): DataOutcome {
  const undecodable = findUndecodableValue(secret.body, ["tls.crt", "tls.key"]);
  if (undecodable !== undefined) return { ok: false, problem: undecodable };
  const crt = readSecretValue(secret, "tls.crt");
  const key = readSecretValue(secret, "tls.key");
  if (crt === undefined || key === undefined) {
    const missing = [crt === undefined ? "tls.crt" : "", key === undefined ? "tls.key" : ""]
      .filter(Boolean)
      .join(" and ");
    return { ok: false, problem: `the Secret has no ${missing}` };
  }
  if (!hasPemBlock(crt, isCertificateLabel)) {
    return { ok: false, problem: "tls.crt is not a PEM certificate" };
  }
  if (!hasPemBlock(key, isPrivateKeyLabel)) {
    return { ok: false, problem: "tls.key is not a PEM private key" };
  }
  const pair = checkTlsKeyPair(crt, key);
  if (pair.result === "mismatch") return { ok: false, problem: describeKeyMismatch(pair) };
  return { ok: true };
}

/** The check behind a Secret's key-pair diagnostics (validate/checkCoreKinds.ts), from the Secret's body. */
export function checkSecretKeyPair(body: Record<string, unknown>): KeyPairCheck | undefined {
  const crt = readBodyValue(body, "tls.crt");
  const key = readBodyValue(body, "tls.key");
  if (
    crt === undefined ||
    key === undefined ||
    !hasPemBlock(crt, isCertificateLabel) ||
    !hasPemBlock(key, isPrivateKeyLabel)
  )
    return undefined;
  return checkTlsKeyPair(crt, key);
}

export function describeKeyMismatch(pair: Extract<KeyPairCheck, { result: "mismatch" }>): string {
  return `tls.key does not belong to the certificate in tls.crt (${pair.detail}); controllers that load the pair refuse it`;
}

const isCertificateLabel = (label: string): boolean => label === "CERTIFICATE";
const isPrivateKeyLabel = (label: string): boolean =>
  label.endsWith("PRIVATE KEY") && /^[A-Z ]*$/.test(label);

/** A complete PEM block with a body (found by string search: linear in the value's length). */
function hasPemBlock(text: string, label: (l: string) => boolean): boolean {
  return readPemBlocks(text).some((b) => label(b.label) && b.der !== undefined && b.der.length > 0);
}

/** A ConfigMap or Secret usable as a CA bundle: `ca.crt` holding at least one PEM certificate. */
export function inspectCaBundle(object: Manifest): DataOutcome {
  const undecodable =
    object.kind === "Secret" ? findUndecodableValue(object.body, ["ca.crt"]) : undefined;
  if (undecodable !== undefined) return { ok: false, problem: undecodable };
  const value =
    object.kind === "Secret"
      ? readSecretValue(object, "ca.crt")
      : readConfigMapValue(object, "ca.crt");
  if (value === undefined) return { ok: false, problem: `the ${object.kind} has no ca.crt` };
  if (!hasPemBlock(value, isCertificateLabel)) {
    return { ok: false, problem: "ca.crt is not a PEM certificate" };
  }
  return { ok: true };
}

/**
 * A key present in `data` that is not base64: the API server refuses such a Secret, so a
 * controller never sees it; "the Secret has no tls.crt" would send the user looking for a key
 * that is right there.
 */
function findUndecodableValue(body: Record<string, unknown>, keys: string[]): string | undefined {
  const plain = asRecord(body["stringData"]);
  for (const key of keys) {
    // stringData wins over data for the same key (readBodyValue), as the API server merges it.
    if (asString(plain?.[key]) !== undefined) continue;
    const encoded = asString(asRecord(body["data"])?.[key]);
    if (encoded === undefined) continue;
    const why = describeIllegalBase64(encoded);
    if (why !== undefined)
      return `data.${key} is not valid base64 (${why}); the API server refuses the Secret`;
  }
  return undefined;
}

function readSecretValue(secret: Manifest, key: string): string | undefined {
  return readBodyValue(secret.body, key);
}

function readBodyValue(body: Record<string, unknown>, key: string): string | undefined {
  const plain = asString(asRecord(body["stringData"])?.[key]);
  if (plain !== undefined) return plain;
  const encoded = asString(asRecord(body["data"])?.[key]);
  return encoded === undefined ? undefined : decodeBase64(encoded);
}

function readConfigMapValue(configMap: Manifest, key: string): string | undefined {
  const plain = asString(asRecord(configMap.body["data"])?.[key]);
  if (plain !== undefined) return plain;
  const encoded = asString(asRecord(configMap.body["binaryData"])?.[key]);
  return encoded === undefined ? undefined : decodeBase64(encoded);
}
