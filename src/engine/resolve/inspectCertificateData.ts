/**
 * Plausibility checks on certificate material, enough to tell a usable kubernetes.io/tls Secret
 * from a malformed one (GatewayInvalidTLSConfiguration). gwsim does not parse X.509: it checks
 * that the keys exist and hold PEM blocks of the right type.
 */
import type { Manifest } from '../types';
import { asRecord, asString } from './read';

export type DataOutcome = { ok: true } | { ok: false; problem: string };

/** Problems are phrased without the object's name: callers prefix the reference they checked. */

/** A Secret usable as a server or client certificate: `tls.crt` and `tls.key` holding PEM. */
export function inspectTlsSecret(secret: Manifest): DataOutcome {
  const crt = readSecretValue(secret, 'tls.crt');
  const key = readSecretValue(secret, 'tls.key');
  if (crt === undefined || key === undefined) {
    const missing = [crt === undefined ? 'tls.crt' : '', key === undefined ? 'tls.key' : ''].filter(Boolean).join(' and ');
    return { ok: false, problem: `the Secret has no ${missing}` };
  }
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(crt)) {
    return { ok: false, problem: 'tls.crt is not a PEM certificate' };
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----/.test(key)) {
    return { ok: false, problem: 'tls.key is not a PEM private key' };
  }
  return { ok: true };
}

/** A ConfigMap or Secret usable as a CA bundle: `ca.crt` holding at least one PEM certificate. */
export function inspectCaBundle(object: Manifest): DataOutcome {
  const value = object.kind === 'Secret' ? readSecretValue(object, 'ca.crt') : readConfigMapValue(object, 'ca.crt');
  if (value === undefined) return { ok: false, problem: `the ${object.kind} has no ca.crt` };
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.test(value)) {
    return { ok: false, problem: 'ca.crt is not a PEM certificate' };
  }
  return { ok: true };
}

function readSecretValue(secret: Manifest, key: string): string | undefined {
  const plain = asString(asRecord(secret.body['stringData'])?.[key]);
  if (plain !== undefined) return plain;
  const encoded = asString(asRecord(secret.body['data'])?.[key]);
  return encoded === undefined ? undefined : decodeBase64(encoded);
}

function readConfigMapValue(configMap: Manifest, key: string): string | undefined {
  const plain = asString(asRecord(configMap.body['data'])?.[key]);
  if (plain !== undefined) return plain;
  const encoded = asString(asRecord(configMap.body['binaryData'])?.[key]);
  return encoded === undefined ? undefined : decodeBase64(encoded);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to a latin-1 string; undefined when the input is not base64 (the engine has no atob). */
export function decodeBase64(input: string): string | undefined {
  // Trailing padding trimmed by a loop: /=+$/ backtracks quadratically over a long run of '='.
  let clean = input.replace(/\s+/g, '');
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === 61 /* = */) end--;
  clean = clean.slice(0, end);
  if (clean.length % 4 === 1) return undefined;
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const ch of clean) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}
