import { describe, expect, test } from "vitest";
import { normalizePath } from "./normalizePath";

describe("normalizePath", () => {
  test.each([
    ["/a/b", "/a/b"],
    ["/a/b/", "/a/b/"],
    ["/", "/"],
    ["/a/./b", "/a/b"],
    ["/a/../b", "/b"],
    ["/a/b/..", "/a/"],
    ["/../a", "/a"],
    ["/a//b///c", "/a/b/c"],
    ["/%61pi/v%31", "/api/v1"],
    ["/a%2Fb", "/a%2Fb"],
    ["/a%2fb", "/a%2Fb"],
    ["/caf%C3%A9", "/caf%C3%A9"],
    ["a/b", "/a/b"],
    ["/a/.hidden", "/a/.hidden"],
  ])("%s → %s", (path, want) => {
    expect(normalizePath(path)).toBe(want);
  });

  test("an already normal path is returned as the same string", () => {
    const p = "/api/v1/items";
    expect(normalizePath(p)).toBe(p);
  });
});
