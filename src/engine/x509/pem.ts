/**
 * PEM blocks (RFC 7468) found by plain string search, so the time is linear in the text whatever
 * it holds (no regex backtracking over an untrusted Secret).
 */
import { decodeBase64 } from "./base64";

export interface PemBlock {
  /** The label between "BEGIN " and the dashes: "CERTIFICATE", "PRIVATE KEY", … */
  label: string;
  /** The decoded DER bytes; undefined when the body is not base64. */
  der: Uint8Array | undefined;
}

/** At most this many blocks are read from one value (a large CA bundle holds a few hundred). */
export const MAX_PEM_BLOCKS = 1024;

export function readPemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  let from = 0;
  while (out.length < MAX_PEM_BLOCKS) {
    const begin = text.indexOf("-----BEGIN ", from);
    if (begin < 0) break;
    const labelEnd = text.indexOf("-----", begin + 11);
    if (labelEnd < 0) break;
    const label = text.slice(begin + 11, labelEnd);
    const endMarker = `-----END ${label}-----`;
    const end = text.indexOf(endMarker, labelEnd + 5);
    if (end < 0) break;
    const binary = decodeBase64(text.slice(labelEnd + 5, end));
    out.push({ label, der: binary === undefined ? undefined : latin1Bytes(binary) });
    from = end + endMarker.length;
  }
  return out;
}

function latin1Bytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
