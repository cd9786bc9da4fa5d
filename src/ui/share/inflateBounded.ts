/**
 * Raw-deflate inflation with a ceiling, for data from strangers (share links, zip entries). The
 * output is read chunk by chunk from DecompressionStream and the stream is cancelled as soon as it
 * grows past the limit, so a decompression bomb costs at most the limit in memory and time instead
 * of filling the page (a 776 KB link can inflate to 600 MB).
 */

export interface InflateLimits {
  /** Largest output accepted, in bytes. */
  maxBytes: number;
  /**
   * Largest output/input ratio accepted once the output is past `ratioFloorBytes`: text compresses
   * tens of times, a bomb about a thousand times.
   */
  maxRatio?: number;
  ratioFloorBytes?: number;
}

export class InflateLimitError extends Error {
  override name = "InflateLimitError";
  constructor(
    message: string,
    readonly limit: "size" | "ratio",
  ) {
    super(message);
  }
}

const DEFAULT_RATIO_FLOOR = 1024 * 1024;

/** The inflated bytes; throws InflateLimitError past a limit, or the stream's error on bad data. */
export async function inflateRawBounded(
  data: Uint8Array,
  limits: InflateLimits,
): Promise<Uint8Array> {
  const reader = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const floor = limits.ratioFloorBytes ?? DEFAULT_RATIO_FLOOR;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    let exceeded: InflateLimitError | undefined;
    if (total > limits.maxBytes) {
      exceeded = new InflateLimitError(
        `it unpacks to more than ${formatBytes(limits.maxBytes)}`,
        "size",
      );
    } else if (
      limits.maxRatio !== undefined &&
      total > floor &&
      total > limits.maxRatio * Math.max(1, data.length)
    ) {
      exceeded = new InflateLimitError(
        `it unpacks to more than ${limits.maxRatio} times its packed size (${formatBytes(data.length)} packed), like a decompression bomb`,
        "ratio",
      );
    }
    if (exceeded) {
      await reader.cancel().catch(() => undefined);
      throw exceeded;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
