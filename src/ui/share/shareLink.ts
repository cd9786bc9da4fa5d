/**
 * Share links without a server: the workspace text, deflated and base64url-encoded, travels in
 * the URL fragment (`#w=…`). Browsers never send the fragment in a request, so the configuration
 * (which may name internal hosts) stays between the two people sharing the link.
 */

import { InflateLimitError, inflateRawBounded } from "./inflateBounded";

export const SHARE_PARAM = "w";
/** Links longer than this are cut or refused by chat tools and some browsers. */
export const MAX_SHARE_URL_LENGTH = 60_000;

/**
 * Limits for opening a link, which may come from anyone: a workspace is kilobytes of YAML, and an
 * editor, analysis and autosave of more than a few megabytes would stall the page. The payload cap
 * is far above any link gwsim builds (MAX_SHARE_URL_LENGTH) and keeps base64 decoding cheap.
 */
export const MAX_SHARE_PAYLOAD_LENGTH = 1_000_000;
export const MAX_SHARE_INFLATED_BYTES = 5 * 1024 * 1024;
export const MAX_SHARE_RATIO = 200;

export class ShareLinkError extends Error {
  override name = "ShareLinkError";
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(data: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(data))
    throw new ShareLinkError("the link contains characters that are not base64url");
  const padded =
    data.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (data.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new ShareLinkError("the link data is truncated or not base64url");
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The fragment payload for `text` (without `#w=`). */
export async function encodeShareText(text: string): Promise<string> {
  return toBase64Url(await deflate(new TextEncoder().encode(text)));
}

/**
 * The workspace text inside a payload; throws ShareLinkError with a readable reason when damaged or
 * beyond the limits (never a partial text, which would open as a wrong or empty workspace).
 */
export async function decodeShareText(data: string): Promise<string> {
  if (data === "") throw new ShareLinkError("the link holds no workspace data");
  if (data.length > MAX_SHARE_PAYLOAD_LENGTH) {
    throw new ShareLinkError(
      `the link is ${data.length.toLocaleString("en")} characters long, more than gwsim ever makes; it was not opened`,
    );
  }
  const bytes = fromBase64Url(data);
  let inflated: Uint8Array;
  try {
    inflated = await inflateRawBounded(bytes, {
      maxBytes: MAX_SHARE_INFLATED_BYTES,
      maxRatio: MAX_SHARE_RATIO,
    });
  } catch (error) {
    if (error instanceof InflateLimitError) {
      throw new ShareLinkError(`the workspace in it is too large (${error.message})`);
    }
    throw new ShareLinkError(
      "the link data is damaged (it may have been cut off when it was copied)",
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(inflated);
  } catch {
    throw new ShareLinkError("the link data is not valid UTF-8 text");
  }
}

/** The `w` payload of a location hash (`#w=…`), or undefined when the hash is not a share link. */
export function readShareFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get(SHARE_PARAM) ?? undefined;
}

export type ShareUrlResult = { ok: true; url: string } | { ok: false; length: number };

/**
 * `base` with the workspace in its fragment (and `extra` parameters after it, already encoded),
 * or the would-be length when it is too long to share.
 */
export async function buildShareUrl(
  base: string,
  text: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<ShareUrlResult> {
  const tail = Object.entries(extra)
    .map(([k, v]) => `&${k}=${v}`)
    .join("");
  const url = `${base.replace(/#.*$/, "")}#${SHARE_PARAM}=${await encodeShareText(text)}${tail}`;
  return url.length > MAX_SHARE_URL_LENGTH ? { ok: false, length: url.length } : { ok: true, url };
}

/** The value of another parameter of a share fragment (e.g. the saved requests), or undefined. */
export function readShareParam(hash: string, name: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, "")).get(name) ?? undefined;
}
