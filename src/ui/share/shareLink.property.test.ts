/**
 * Property tests of share links, which anyone can send: decoding an arbitrary or damaged payload
 * gives the workspace text or a ShareLinkError with a reason, never another exception, and what
 * encodeShareText writes decodes to the same text.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decodeShareText, encodeShareText, readShareFragment, ShareLinkError } from "./shareLink";

const SEED = 20261206;

async function decodeOrError(data: string): Promise<string | ShareLinkError> {
  try {
    return await decodeShareText(data);
  } catch (error) {
    if (error instanceof ShareLinkError) return error;
    throw error;
  }
}

/** Text a workspace may hold: YAML-ish ASCII, and any Unicode scalar value. */
const workspaceText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc
    .array(fc.constantFrom("apiVersion: v1\n", "kind: Service\n", "---\n", "  name: é✓\n", "共"))
    .map((parts) => parts.join("")),
);

/** A damaged payload: a character changed, cut off, inserted, or a slice of it duplicated. */
const damage = fc.record({
  kind: fc.constantFrom("replace", "truncate", "insert", "duplicate"),
  at: fc.nat(),
  char: fc.constantFrom("A", "_", "-", "z", "0", "=", "%", " ", "é"),
});

function damaged(data: string, d: { kind: string; at: number; char: string }): string {
  const at = data.length === 0 ? 0 : d.at % data.length;
  if (d.kind === "replace") return data.slice(0, at) + d.char + data.slice(at + 1);
  if (d.kind === "truncate") return data.slice(0, at);
  if (d.kind === "insert") return data.slice(0, at) + d.char + data.slice(at);
  return data.slice(0, at) + data.slice(at, at + 8) + data.slice(at);
}

describe("share links (seeded properties)", () => {
  test("encode then decode gives the same text", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceText, async (text) => {
        expect(await decodeShareText(await encodeShareText(text))).toBe(text);
      }),
      { seed: SEED, numRuns: 200 },
    );
  }, 30_000);

  test("an arbitrary payload decodes to text or a ShareLinkError", async () => {
    const payload = fc.oneof(
      fc.string(),
      fc.string({
        unit: fc.constantFrom(
          ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        const result = await decodeOrError(data);
        if (result instanceof ShareLinkError) expect(result.message).not.toBe("");
        else expect(typeof result).toBe("string");
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 30_000);

  test("a damaged link opens as text or fails with a ShareLinkError, never another error", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceText, damage, async (text, d) => {
        const data = damaged(await encodeShareText(text), d);
        const result = await decodeOrError(data);
        if (result instanceof ShareLinkError) expect(result.message).not.toBe("");
        else expect(typeof result).toBe("string");
        // The fragment reader gives the payload back whatever it holds.
        expect(readShareFragment(`#w=${encodeURIComponent(data)}`)).toBe(data);
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 30_000);
});
