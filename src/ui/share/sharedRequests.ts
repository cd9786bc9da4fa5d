/**
 * Saved simulator requests inside a share link (`#w=…&r=…`). The `r` payload is deflated JSON, like
 * the workspace text. A link may come from anyone, so reading it is strict: bounded sizes, only
 * the fields a request has (each of its type, strings capped), header names that are HTTP tokens,
 * null-prototype maps, fresh ids. Nothing in it is ever sent: the requests are only listed.
 */
import type { RequestProbe, SimRequest, SimScheme } from "../../engine";
import { InflateLimitError, inflateRawBounded } from "./inflateBounded";
import { ShareLinkError, fromBase64Url, toBase64Url } from "./shareLink";

export const SHARED_REQUESTS_PARAM = "r";
export const MAX_SHARED_REQUESTS = 50;
/** Far above what MAX_SHARED_REQUESTS requests need; keeps decoding cheap. */
export const MAX_SHARED_REQUESTS_PAYLOAD = 200_000;
export const MAX_SHARED_REQUESTS_BYTES = 512 * 1024;
const MAX_TEXT = 2048;
const MAX_NAME = 200;
const MAX_HEADERS = 32;
const FORMAT = 1;

const SCHEMES: ReadonlySet<string> = new Set<SimScheme>(["http", "https", "tls", "tcp", "udp"]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}$/;

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The `r` payload for these saved requests (names and requests only; ids are local). */
export async function encodeSharedRequests(probes: readonly RequestProbe[]): Promise<string> {
  const body = {
    format: FORMAT,
    requests: probes.map((p) => ({ name: p.name, request: p.request })),
  };
  return toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(body))));
}

export interface SharedRequests {
  probes: RequestProbe[];
  /** Entries of the link that were not well-formed requests and were left out. */
  dropped: number;
}

/** Reads an `r` payload; throws ShareLinkError with a readable reason when it is damaged or too large. */
export async function decodeSharedRequests(data: string): Promise<SharedRequests> {
  if (data.length > MAX_SHARED_REQUESTS_PAYLOAD)
    throw new ShareLinkError(
      `the saved requests take ${data.length.toLocaleString("en")} characters, more than gwsim ever makes`,
    );
  let inflated: Uint8Array;
  try {
    inflated = await inflateRawBounded(fromBase64Url(data), {
      maxBytes: MAX_SHARED_REQUESTS_BYTES,
      maxRatio: 200,
    });
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError(
      error instanceof InflateLimitError
        ? `the saved requests are too large (${error.message})`
        : "the saved requests are damaged",
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated));
  } catch {
    throw new ShareLinkError("the saved requests are not valid JSON text");
  }
  return sanitizeSharedRequests(parsed);
}

/** Keeps the well-formed requests of an untrusted value (at most MAX_SHARED_REQUESTS) and counts the rest. */
export function sanitizeSharedRequests(value: unknown): SharedRequests {
  const body =
    isRecord(value) && value["format"] === FORMAT && Array.isArray(value["requests"])
      ? (value["requests"] as unknown[])
      : undefined;
  if (body === undefined) throw new ShareLinkError("the saved requests have an unknown format");
  const probes: RequestProbe[] = [];
  let dropped = Math.max(0, body.length - MAX_SHARED_REQUESTS);
  for (const entry of body.slice(0, MAX_SHARED_REQUESTS)) {
    const name = isRecord(entry) ? text(entry["name"], MAX_NAME) : undefined;
    const request = isRecord(entry) ? readRequest(entry["request"]) : undefined;
    if (name === undefined || request === undefined) {
      dropped += 1;
      continue;
    }
    probes.push({ id: `shared-${probes.length + 1}`, name, request });
  }
  return { probes, dropped };
}

function readRequest(value: unknown): SimRequest | undefined {
  if (!isRecord(value)) return undefined;
  const scheme = value["scheme"];
  if (typeof scheme !== "string" || !SCHEMES.has(scheme)) return undefined;
  const out: SimRequest = { scheme: scheme as SimScheme };
  for (const key of ["gateway", "host", "sni", "method", "path"] as const) {
    if (value[key] === undefined) continue;
    const v = text(value[key], MAX_TEXT);
    if (v === undefined) return undefined;
    out[key] = v;
  }
  if (value["port"] !== undefined) {
    const port = value["port"];
    if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535)
      return undefined;
    out.port = port;
  }
  if (value["headers"] !== undefined) {
    const headers = readHeaders(value["headers"]);
    if (headers === undefined) return undefined;
    out.headers = headers;
  }
  if (value["grpc"] !== undefined) {
    const g = value["grpc"];
    const service = isRecord(g) ? text(g["service"], MAX_TEXT) : undefined;
    const method = isRecord(g) ? text(g["method"], MAX_TEXT) : undefined;
    if (service === undefined || method === undefined) return undefined;
    out.grpc = { service, method };
  }
  if (value["mesh"] !== undefined) {
    const m = value["mesh"];
    const clientNamespace = isRecord(m) ? text(m["clientNamespace"], 253) : undefined;
    const service = isRecord(m) ? text(m["service"], 507) : undefined;
    if (clientNamespace === undefined || service === undefined) return undefined;
    out.mesh = { clientNamespace, service };
  }
  return out;
}

function readHeaders(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > MAX_HEADERS) return undefined;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, raw] of entries) {
    const v = text(raw, MAX_TEXT);
    if (!TOKEN.test(name) || v === undefined) return undefined;
    out[name] = v;
  }
  // A plain object again, so the store and autosave see ordinary data.
  return { ...out };
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.length <= max ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
