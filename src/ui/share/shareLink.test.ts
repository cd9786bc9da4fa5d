import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  buildShareUrl,
  decodeShareText,
  encodeShareText,
  MAX_SHARE_INFLATED_BYTES,
  MAX_SHARE_PAYLOAD_LENGTH,
  MAX_SHARE_URL_LENGTH,
  readShareFragment,
  ShareLinkError,
  toBase64Url,
} from "./shareLink";

const WORKSPACE = `# file: gateway.yaml
# Team A's gateway — owned by platform ✓
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared # 共有
  namespace: infra
spec:
  gatewayClassName: gwsim
`;

describe("share link", () => {
  it("round-trips the text exactly, comments and unicode included", async () => {
    const data = await encodeShareText(WORKSPACE);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShareText(data)).toBe(WORKSPACE);
  });

  it("round-trips an empty workspace and text with CRLF line endings", async () => {
    expect(await decodeShareText(await encodeShareText(""))).toBe("");
    expect(await decodeShareText(await encodeShareText("a: 1\r\nb: 2\r\n"))).toBe(
      "a: 1\r\nb: 2\r\n",
    );
  });

  it("reads the payload from the fragment and puts it there", async () => {
    const result = await buildShareUrl("http://localhost:4173/?x=1#old", WORKSPACE);
    if (!result.ok) throw new Error("expected a link");
    expect(result.url.startsWith("http://localhost:4173/?x=1#w=")).toBe(true);
    const data = readShareFragment(new URL(result.url).hash);
    expect(data).toBeDefined();
    expect(await decodeShareText(data ?? "")).toBe(WORKSPACE);
    expect(readShareFragment("")).toBeUndefined();
    expect(readShareFragment("#section")).toBeUndefined();
  });

  it("gives a clear error for a damaged or cut-off link", async () => {
    const data = await encodeShareText(WORKSPACE);
    await expect(decodeShareText(data.slice(0, Math.floor(data.length / 2)))).rejects.toThrow(
      ShareLinkError,
    );
    await expect(decodeShareText("not*base64")).rejects.toThrow(/not base64url/);
    await expect(decodeShareText("")).rejects.toThrow(/no workspace data/);
    await expect(decodeShareText("AAAA")).rejects.toThrow(ShareLinkError);
  });

  it("refuses to build a link longer than the limit", async () => {
    // Pseudo-random hex barely compresses, so the link grows with the text.
    let seed = 2463534242;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const noise = Array.from({ length: 120_000 }, () => (next() % 16).toString(16)).join("");
    const result = await buildShareUrl("http://localhost/", `data: ${noise}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.length).toBeGreaterThan(MAX_SHARE_URL_LENGTH);
  });

  it("refuses a decompression bomb while inflating, with a reason, never a partial text", async () => {
    // 4 MB of spaces deflate to about 4 KB: under the size cap, but the ratio gives it away after
    // the first megabyte; a larger bomb meets the size cap first (next test).
    const bomb = toBase64Url(deflateRawSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
    expect(bomb.length).toBeLessThan(MAX_SHARE_PAYLOAD_LENGTH);
    await expect(decodeShareText(bomb)).rejects.toThrow(
      /too large \(it unpacks to more than 200 times its packed size/,
    );
    const bigBomb = toBase64Url(deflateRawSync(Buffer.alloc(256 * 1024 * 1024, 0x20)));
    await expect(decodeShareText(bigBomb)).rejects.toThrow(
      /too large \(it unpacks to more than 5 MB\)/,
    );
    // Deflating 256 MB of spaces (the test's own setup) takes seconds on a loaded machine.
  }, 30_000);

  it("refuses a workspace that unpacks beyond the size cap even at an ordinary ratio", async () => {
    let seed = 2463534242;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    let text = "";
    while (text.length <= MAX_SHARE_INFLATED_BYTES)
      text += `    - name: route-${next() % 1000}\n      port: ${next() % 100}\n`;
    const data = toBase64Url(deflateRawSync(Buffer.from(text)));
    expect(data.length).toBeLessThan(MAX_SHARE_PAYLOAD_LENGTH);
    await expect(decodeShareText(data)).rejects.toThrow(
      /too large \(it unpacks to more than 5 MB\)/,
    );
    // Just under the cap still opens.
    const under = text.slice(0, MAX_SHARE_INFLATED_BYTES - 100);
    expect(await decodeShareText(toBase64Url(deflateRawSync(Buffer.from(under))))).toBe(under);
  });

  it("refuses a payload longer than any link gwsim makes before decoding it", async () => {
    await expect(decodeShareText("A".repeat(MAX_SHARE_PAYLOAD_LENGTH + 1))).rejects.toThrow(
      /more than gwsim ever makes/,
    );
  });
});
