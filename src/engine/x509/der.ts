/**
 * A small DER reader (X.690), enough for certificates and private keys: definite lengths only,
 * lengths that must fit the input, a nesting depth cap. Anything else throws DerError, which the
 * callers turn into "could not check", never a crash.
 */

export class DerError extends Error {}

export interface DerNode {
  /** The identifier octet: 0x30 SEQUENCE, 0x02 INTEGER, 0x03 BIT STRING, 0x04 OCTET STRING, 0x06 OID, 0xa0.. context tags. */
  tag: number;
  /** The content octets (a view into the input, not a copy). */
  content: Uint8Array;
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const;

/** Deeper nesting than this is not a certificate or a key. */
const MAX_DEPTH = 16;

/** The single element that fills `bytes` (trailing bytes are an error). */
export function readDer(bytes: Uint8Array, depth = 0): DerNode {
  const [node, next] = readElement(bytes, 0, depth);
  if (next !== bytes.length) throw new DerError("trailing bytes after the DER element");
  return node;
}

/** The elements inside a constructed node (SEQUENCE or explicit context tag). */
export function children(node: DerNode, depth = 0): DerNode[] {
  if ((node.tag & 0x20) === 0)
    throw new DerError(`tag 0x${node.tag.toString(16)} is not constructed`);
  if (depth > MAX_DEPTH) throw new DerError("DER nested too deeply");
  const out: DerNode[] = [];
  let at = 0;
  while (at < node.content.length) {
    const [child, next] = readElement(node.content, at, depth + 1);
    out.push(child);
    at = next;
  }
  return out;
}

function readElement(bytes: Uint8Array, at: number, depth: number): [DerNode, number] {
  if (depth > MAX_DEPTH) throw new DerError("DER nested too deeply");
  if (at + 2 > bytes.length) throw new DerError("DER element cut short");
  const tag = bytes[at] as number;
  if ((tag & 0x1f) === 0x1f)
    throw new DerError("multi-byte DER tags are not used by keys or certificates");
  let length = bytes[at + 1] as number;
  let start = at + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    // Four length octets address 4 GiB: far beyond any input gwsim accepts.
    if (octets === 0 || octets > 4) throw new DerError("indefinite or oversized DER length");
    if (start + octets > bytes.length) throw new DerError("DER length cut short");
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (bytes[start + i] as number);
    start += octets;
  }
  const end = start + length;
  if (end > bytes.length) throw new DerError("DER length runs past the input");
  return [{ tag, content: bytes.subarray(start, end) }, end];
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (node === undefined || node.tag !== tag)
    throw new DerError(
      `${what}: expected tag 0x${tag.toString(16)}, got ${node === undefined ? "nothing" : `0x${node.tag.toString(16)}`}`,
    );
  return node;
}

/** An unsigned big-endian integer (INTEGER content or raw octets). */
export function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

/** Dotted OID text, e.g. "1.2.840.113549.1.1.1". */
export function oidText(node: DerNode): string {
  const bytes = expectTag(node, TAG.OID, "OID").content;
  if (bytes.length === 0 || bytes.length > 64) throw new DerError("implausible OID length");
  const first = bytes[0] as number;
  const parts = [
    Math.min(2, Math.floor(first / 40)),
    first - Math.min(2, Math.floor(first / 40)) * 40,
  ];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i] as number;
    value = value * 128 + (b & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw new DerError("OID arc too large");
    if ((b & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

/** The bits of a BIT STRING with no unused bits (public keys always are). */
export function bitStringBytes(node: DerNode): Uint8Array {
  const content = expectTag(node, TAG.BIT_STRING, "BIT STRING").content;
  if (content.length === 0 || content[0] !== 0) throw new DerError("BIT STRING with unused bits");
  return content.subarray(1);
}
