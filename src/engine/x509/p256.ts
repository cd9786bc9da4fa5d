/**
 * NIST P-256 (secp256r1, SEC 2 §2.4.2) point arithmetic on BigInt, only to derive the public key
 * of a private key that does not carry it. Not constant-time: gwsim compares keys, it never signs.
 */

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const A = P - 3n;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const G: Point = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};
export const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

export interface Point {
  x: bigint;
  y: bigint;
}

function mod(v: bigint): bigint {
  const r = v % P;
  return r < 0n ? r + P : r;
}

/** Inverse modulo P by the extended Euclidean algorithm (P is prime, v is not 0). */
function inverse(v: bigint): bigint {
  let [oldR, r] = [mod(v), P];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS);
}

function modPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
    e >>= 1n;
  }
  return result;
}

/** Affine addition; null is the point at infinity. */
function add(p: Point | null, q: Point | null): Point | null {
  if (p === null) return q;
  if (q === null) return p;
  let slope: bigint;
  if (p.x === q.x) {
    if (mod(p.y + q.y) === 0n) return null;
    slope = mod((3n * p.x * p.x + A) * inverse(2n * p.y));
  } else {
    slope = mod((q.y - p.y) * inverse(q.x - p.x));
  }
  const x = mod(slope * slope - p.x - q.x);
  return { x, y: mod(slope * (p.x - x) - p.y) };
}

/** d·G, or undefined when d is not a valid private scalar (0 or ≥ the group order). */
export function publicKeyOf(d: bigint): Point | undefined {
  if (d <= 0n || d >= P256_ORDER) return undefined;
  let result: Point | null = null;
  let addend: Point | null = G;
  for (let k = d; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result ?? undefined;
}

/** True when (x, y) satisfies y² = x³ + ax + b. */
export function isOnCurve(p: Point): boolean {
  return p.x < P && p.y < P && mod(p.y * p.y) === mod(p.x * p.x * p.x + A * p.x + B);
}

/** The y of a compressed point (SEC 1 §2.3.4); P ≡ 3 (mod 4), so the root is a single power. */
export function decompress(x: bigint, odd: boolean): Point | undefined {
  if (x >= P) return undefined;
  const rhs = mod(x * x * x + A * x + B);
  const y = modPow(rhs, (P + 1n) / 4n);
  if (mod(y * y) !== rhs) return undefined;
  return { x, y: (y & 1n) === (odd ? 1n : 0n) ? y : P - y };
}
