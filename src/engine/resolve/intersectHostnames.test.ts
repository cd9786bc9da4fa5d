import { describe, expect, test } from "vitest";
import {
  computeEffectiveHostnames,
  hostnameSetsOverlap,
  intersectHostname,
  isCoveredByWildcard,
} from "./intersectHostnames";

describe("intersectHostname (spec §2.5 table)", () => {
  test.each([
    ["www.example.com", "www.example.com", "www.example.com"],
    ["*.example.com", "a.b.example.com", "a.b.example.com"],
    ["www.example.com", "*.example.com", "www.example.com"],
    ["*.com", "*.example.com", "*.example.com"],
    ["*.example.com", "*.com", "*.example.com"],
    ["*.example.com", "*.example.com", "*.example.com"],
    [undefined, "foo.com", "foo.com"],
    ["*.example.com", "example.com", undefined],
    ["*.example.com", "test.example.net", undefined],
    ["foo.example.com", "bar.example.com", undefined],
    ["*.example.com", "*.example.net", undefined],
  ])("listener %s × route %s → %s", (listener, route, expected) => {
    expect(intersectHostname(listener, route)).toBe(expected);
  });
});

describe("isCoveredByWildcard", () => {
  test("covers one or more labels, never the bare suffix", () => {
    expect(isCoveredByWildcard("*.example.com", "a.example.com")).toBe(true);
    expect(isCoveredByWildcard("*.example.com", "a.b.example.com")).toBe(true);
    expect(isCoveredByWildcard("*.example.com", "example.com")).toBe(false);
    expect(isCoveredByWildcard("*.example.com", "aexample.com")).toBe(false);
    expect(isCoveredByWildcard("example.com", "a.example.com")).toBe(false);
  });
});

describe("computeEffectiveHostnames", () => {
  test("a route without hostnames takes the listener hostname, or * when the listener has none", () => {
    expect(computeEffectiveHostnames("foo.com", [])).toEqual(["foo.com"]);
    expect(computeEffectiveHostnames(undefined, [])).toEqual(["*"]);
  });
  test("non-intersecting route hostnames are ignored, duplicates dropped", () => {
    expect(
      computeEffectiveHostnames("*.wildcard.io", [
        "foo.wildcard.io",
        "bar.other.io",
        "*.wildcard.io",
        "foo.wildcard.io",
      ]),
    ).toEqual(["foo.wildcard.io", "*.wildcard.io"]);
  });
  test("no intersection at all gives an empty list", () => {
    expect(
      computeEffectiveHostnames("very.specific.com", [
        "non.matching.com",
        "*.nonmatchingwildcard.io",
      ]),
    ).toEqual([]);
  });
});

describe("hostnameSetsOverlap", () => {
  test("match-all overlaps everything; wildcards overlap what they cover", () => {
    expect(hostnameSetsOverlap(["*"], ["a.com"])).toBe(true);
    expect(hostnameSetsOverlap(["*.example.com"], ["api.example.com"])).toBe(true);
    expect(hostnameSetsOverlap(["a.example.com"], ["b.example.com"])).toBe(false);
  });
});
