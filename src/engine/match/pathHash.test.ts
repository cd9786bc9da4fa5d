import { describe, expect, test } from "vitest";
import { PathProbes, hashPath } from "./pathHash";

describe("PathProbes", () => {
  const prefixes = (path: string): [number, number][] => {
    const probes = new PathProbes();
    probes.compute(path);
    return Array.from({ length: probes.count }, (_, i): [number, number] => [
      probes.hashes[i] ?? 0,
      probes.lengths[i] ?? 0,
    ]).reverse();
  };
  const expected = (...ps: string[]): [number, number][] => ps.map((p) => [hashPath(p), p.length]);

  test.each([
    ["/a/b/c", ["/a/b/c", "/a/b", "/a", ""]],
    ["/a/b/", ["/a/b", "/a", ""]],
    ["/", [""]],
    ["/v2example", ["/v2example", ""]],
  ])("%s probes %j (read from the end: longest first)", (path, want) => {
    expect(prefixes(path)).toEqual(expected(...want));
  });

  test('the full-path hash is hashPath of the whole path, also with a trailing "/"', () => {
    const probes = new PathProbes();
    for (const p of ["/a/b/", "/a/b", "/", `/${"x/".repeat(100)}`]) {
      probes.compute(p);
      expect(probes.full).toBe(hashPath(p));
    }
  });

  test.each([
    ["/a/b", true],
    ["/", true],
    ["/a/b/", true],
    ["/.well-known", false],
    ["/a/./b", false],
    ["/a//b", false],
    ["//a", false],
    ["/a?x=1", false],
    ["/a#f", false],
    ["/%61", false],
    ["a/b", false],
    ["", false],
  ])("scan(%j) takes the fast path: %s", (raw, fast) => {
    const probes = new PathProbes();
    expect(probes.scan(raw)).toBe(fast);
    if (fast) expect(probes.full).toBe(hashPath(raw));
  });

  test("hashes are non-negative 30-bit integers (V8 small integers, never boxed)", () => {
    for (const p of ["/", "/a", "/api/v1/orders", "/ünïcode", "/r9999/static"]) {
      const h = hashPath(p);
      expect(Number.isInteger(h) && h >= 0 && h < 2 ** 30).toBe(true);
    }
  });
});
