/**
 * Does tls.key belong to the certificate in tls.crt? Controllers load the pair (Go's
 * tls.X509KeyPair, Envoy's SDS) and refuse a key whose public half differs from the certificate's
 * ("private key does not match public key"), so the listener gets ResolvedRefs=False
 * (InvalidCertificateRef). gwsim compares the public keys: RSA (modulus and exponent) and EC (the
 * curve point; for P-256 derived from the private scalar when the key file does not carry it).
 * Anything it cannot read is "unchecked" with the reason: never a crash, never a guess.
 */
import {
  bitStringBytes,
  children,
  DerError,
  expectTag,
  oidText,
  readDer,
  TAG,
  toBigInt,
  type DerNode,
} from "./der";
import { decompress, isOnCurve, publicKeyOf, type Point } from "./p256";
import { readPemBlocks } from "./pem";

export type KeyPairCheck =
  | { result: "match"; algorithm: string }
  | { result: "mismatch"; algorithm: string; detail: string }
  | { result: "unchecked"; why: string };

type PublicKey =
  { kind: "RSA"; n: bigint; e: bigint } | { kind: "EC"; curve: string; point: Uint8Array };

const OID_RSA = "1.2.840.113549.1.1.1";
const OID_EC = "1.2.840.10045.2.1";
const OID_P256 = "1.2.840.10045.3.1.7";
const CURVE_NAMES: ReadonlyMap<string, string> = new Map([
  [OID_P256, "P-256"],
  ["1.3.132.0.34", "P-384"],
  ["1.3.132.0.35", "P-521"],
]);
const KEY_NAMES: ReadonlyMap<string, string> = new Map([
  ["1.3.101.112", "Ed25519"],
  ["1.3.101.113", "Ed448"],
  ["1.2.840.113549.1.1.10", "RSASSA-PSS"],
]);

/** Larger values are not a certificate or a key a controller would load; gwsim does not read them. */
export const MAX_PEM_CHARS = 1 << 20;
/** RSA moduli above 16384 bits are refused by common TLS stacks; gwsim does not compare them. */
const MAX_RSA_BYTES = 2048 + 1;

export function checkTlsKeyPair(crt: string, key: string): KeyPairCheck {
  if (crt.length > MAX_PEM_CHARS || key.length > MAX_PEM_CHARS)
    return {
      result: "unchecked",
      why: `tls.crt or tls.key is larger than ${MAX_PEM_CHARS} characters`,
    };
  const cert = readPemBlocks(crt).find((b) => b.label === "CERTIFICATE");
  const priv = readPemBlocks(key).find((b) => b.label.endsWith("PRIVATE KEY"));
  if (cert === undefined)
    return { result: "unchecked", why: "tls.crt holds no complete PEM CERTIFICATE block" };
  if (priv === undefined)
    return { result: "unchecked", why: "tls.key holds no complete PEM PRIVATE KEY block" };
  if (cert.der === undefined)
    return { result: "unchecked", why: "the tls.crt certificate is not valid base64" };
  if (priv.der === undefined)
    return { result: "unchecked", why: "the tls.key private key is not valid base64" };
  let certKey: PublicKey;
  try {
    certKey = certificatePublicKey(cert.der);
  } catch (e) {
    return { result: "unchecked", why: `the tls.crt certificate could not be read (${reason(e)})` };
  }
  let keyOf: PublicKey | undefined;
  try {
    keyOf = privateKeyPublicKey(priv.label, priv.der, certKey);
  } catch (e) {
    return {
      result: "unchecked",
      why: `the tls.key ${priv.label} could not be read (${reason(e)})`,
    };
  }
  if (keyOf === undefined)
    return {
      result: "unchecked",
      why: `the public key of this ${certKey.kind === "EC" ? `${curveName(certKey.curve)} ` : ""}private key cannot be derived by gwsim`,
    };
  return compareKeys(certKey, keyOf);
}

/** Malformed input of any shape (a DerError, or a value a reader did not foresee) is a reason, not a crash. */
function reason(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 200) : "unreadable";
}

class UnsupportedKey extends Error {}

function curveName(oid: string): string {
  return CURVE_NAMES.get(oid) ?? `curve ${oid}`;
}

function compareKeys(cert: PublicKey, key: PublicKey): KeyPairCheck {
  if (cert.kind !== key.kind)
    return {
      result: "mismatch",
      algorithm: cert.kind,
      detail: `the certificate holds an ${cert.kind} public key, tls.key an ${key.kind} private key`,
    };
  if (cert.kind === "RSA" && key.kind === "RSA") {
    if (cert.n === key.n && cert.e === key.e)
      return { result: "match", algorithm: `RSA ${bitLength(cert.n)}-bit` };
    return {
      result: "mismatch",
      algorithm: "RSA",
      detail: cert.n === key.n ? "the public exponents differ" : "the RSA moduli differ",
    };
  }
  if (cert.kind === "EC" && key.kind === "EC") {
    const algorithm = `ECDSA ${curveName(cert.curve)}`;
    if (cert.curve !== key.curve)
      return {
        result: "mismatch",
        algorithm,
        detail: `the certificate's key is on ${curveName(cert.curve)}, tls.key on ${curveName(key.curve)}`,
      };
    return sameBytes(cert.point, key.point)
      ? { result: "match", algorithm }
      : { result: "mismatch", algorithm, detail: "the EC public points differ" };
  }
  return { result: "unchecked", why: "unknown key kinds" };
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Certificate → tbsCertificate → subjectPublicKeyInfo (RFC 5280 §4.1). */
function certificatePublicKey(der: Uint8Array): PublicKey {
  const certificate = expectTag(readDer(der), TAG.SEQUENCE, "Certificate");
  const tbs = expectTag(children(certificate)[0], TAG.SEQUENCE, "tbsCertificate");
  const fields = children(tbs);
  // version [0] is optional; then serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
  const first = fields[0]?.tag === 0xa0 ? 1 : 0;
  return spkiPublicKey(expectTag(fields[first + 5], TAG.SEQUENCE, "subjectPublicKeyInfo"));
}

function spkiPublicKey(spki: DerNode): PublicKey {
  const [algorithm, key] = children(spki);
  const [oid, params] = children(expectTag(algorithm, TAG.SEQUENCE, "AlgorithmIdentifier"));
  const alg = oidText(expectTag(oid, TAG.OID, "algorithm"));
  const bits = bitStringBytes(expectTag(key, TAG.BIT_STRING, "subjectPublicKey"));
  if (alg === OID_RSA) {
    const [n, e] = children(expectTag(readDer(bits), TAG.SEQUENCE, "RSAPublicKey"));
    return rsaKey(n, e);
  }
  if (alg === OID_EC) {
    const curve = oidText(expectTag(params, TAG.OID, "namedCurve"));
    return { kind: "EC", curve, point: normalizePoint(curve, bits) };
  }
  throw new UnsupportedKey(
    `${KEY_NAMES.get(alg) ?? `algorithm ${alg}`} certificates are not compared`,
  );
}

function rsaKey(n: DerNode | undefined, e: DerNode | undefined): PublicKey {
  const modulus = expectTag(n, TAG.INTEGER, "modulus").content;
  if (modulus.length > MAX_RSA_BYTES)
    throw new UnsupportedKey("RSA moduli above 16384 bits are not compared");
  return {
    kind: "RSA",
    n: toBigInt(modulus),
    e: toBigInt(expectTag(e, TAG.INTEGER, "publicExponent").content),
  };
}

/** tls.key's public key: from the key itself when it carries it, else derived (RSA, P-256). */
function privateKeyPublicKey(
  label: string,
  der: Uint8Array,
  certKey: PublicKey,
): PublicKey | undefined {
  if (label === "RSA PRIVATE KEY") return pkcs1PublicKey(der);
  if (label === "EC PRIVATE KEY")
    return sec1PublicKey(der, certKey.kind === "EC" ? certKey.curve : undefined);
  if (label === "PRIVATE KEY") return pkcs8PublicKey(der, certKey);
  if (label === "ENCRYPTED PRIVATE KEY")
    throw new UnsupportedKey("it is encrypted; controllers need it unencrypted");
  throw new UnsupportedKey(
    `the PEM label ${JSON.stringify(label.slice(0, 40))} is not a private key gwsim reads`,
  );
}

/** RSAPrivateKey (RFC 8017 A.1.2): version, n, e, … */
function pkcs1PublicKey(der: Uint8Array): PublicKey {
  const [, n, e] = children(expectTag(readDer(der), TAG.SEQUENCE, "RSAPrivateKey"));
  return rsaKey(n, e);
}

/** PrivateKeyInfo (RFC 5208): version, AlgorithmIdentifier, privateKey OCTET STRING, … */
function pkcs8PublicKey(der: Uint8Array, certKey: PublicKey): PublicKey | undefined {
  const [, algorithm, privateKey] = children(
    expectTag(readDer(der), TAG.SEQUENCE, "PrivateKeyInfo"),
  );
  const [oid, params] = children(expectTag(algorithm, TAG.SEQUENCE, "AlgorithmIdentifier"));
  const alg = oidText(expectTag(oid, TAG.OID, "algorithm"));
  const inner = expectTag(privateKey, TAG.OCTET_STRING, "privateKey").content;
  if (alg === OID_RSA) return pkcs1PublicKey(inner);
  if (alg === OID_EC)
    return sec1PublicKey(
      inner,
      params?.tag === TAG.OID ? oidText(params) : certKey.kind === "EC" ? certKey.curve : undefined,
    );
  throw new UnsupportedKey(`${KEY_NAMES.get(alg) ?? `algorithm ${alg}`} keys are not compared`);
}

/** ECPrivateKey (RFC 5915): version 1, privateKey OCTET STRING, [0] curve, [1] publicKey. */
function sec1PublicKey(der: Uint8Array, fallbackCurve: string | undefined): PublicKey | undefined {
  const fields = children(expectTag(readDer(der), TAG.SEQUENCE, "ECPrivateKey"));
  const scalar = expectTag(fields[1], TAG.OCTET_STRING, "privateKey").content;
  const named = fields.find((f) => f.tag === 0xa0);
  const curve =
    named !== undefined
      ? oidText(expectTag(children(named)[0], TAG.OID, "namedCurve"))
      : fallbackCurve;
  if (curve === undefined) throw new UnsupportedKey("the EC key names no curve");
  const carried = fields.find((f) => f.tag === 0xa1);
  if (carried !== undefined)
    return {
      kind: "EC",
      curve,
      point: normalizePoint(
        curve,
        bitStringBytes(expectTag(children(carried)[0], TAG.BIT_STRING, "publicKey")),
      ),
    };
  if (curve !== OID_P256 || scalar.length > 32) return undefined;
  const point = publicKeyOf(toBigInt(scalar));
  if (point === undefined) throw new UnsupportedKey("the P-256 private scalar is out of range");
  return { kind: "EC", curve, point: encodePoint(point) };
}

/** An EC point as uncompressed bytes (0x04 ‖ X ‖ Y); compressed P-256 points are expanded. */
function normalizePoint(curve: string, bytes: Uint8Array): Uint8Array {
  if (bytes.length > 0 && bytes[0] === 0x04) return bytes;
  if (curve === OID_P256 && bytes.length === 33 && (bytes[0] === 0x02 || bytes[0] === 0x03)) {
    const point = decompress(toBigInt(bytes.subarray(1)), bytes[0] === 0x03);
    if (point === undefined || !isOnCurve(point))
      throw new DerError("the compressed P-256 point is not on the curve");
    return encodePoint(point);
  }
  throw new UnsupportedKey("compressed points are read for P-256 only");
}

function encodePoint(p: Point): Uint8Array {
  const out = new Uint8Array(65);
  out[0] = 0x04;
  writeBigInt(out, 1, p.x);
  writeBigInt(out, 33, p.y);
  return out;
}

function writeBigInt(out: Uint8Array, at: number, value: bigint): void {
  let v = value;
  for (let i = 31; i >= 0; i--) {
    out[at + i] = Number(v & 0xffn);
    v >>= 8n;
  }
}
