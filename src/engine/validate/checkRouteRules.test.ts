/**
 * The path-value CEL rules of HTTPRoute matches (checkRouteRules.ts). isPlainPath answers for
 * nearly every path in one scan; these tests hold it to the nine rules it stands in for.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { breaksPathValueRule, checkRoute, isPlainPath } from "./checkRouteRules";

/** The issues checkRoute reports for one PathPrefix or Exact match with this value. */
function pathIssues(value: string, type = "PathPrefix"): string[] {
  return checkRoute("HTTPRoute", { rules: [{ matches: [{ path: { type, value } }] }] }).map(
    (issue) => issue.message,
  );
}

describe("isPlainPath", () => {
  test("accepts the paths routes are written with", () => {
    for (const path of ["/", "/r1/api", "/a-b_c~d/e:f@g", "/x;y=z", "/A/B/c+d,e", "/$&'()*!"])
      expect(isPlainPath(path), path).toBe(true);
  });

  test("turns away every path one of the rules may reject, and the rules do reject them", () => {
    const broken = ["r1", "//a", "/a//b", "/a/%2f", "/a#b", "/a b", "/é"];
    for (const path of broken) {
      expect(isPlainPath(path), path).toBe(false);
      expect(pathIssues(path).length, path).toBeGreaterThan(0);
    }
    // Dots and percent signs are often fine: the rules then decide, not the scan.
    for (const path of ["/v1.2", "/a%20b", "/.well-known"]) {
      expect(isPlainPath(path), path).toBe(false);
      expect(pathIssues(path), path).toEqual([]);
    }
    for (const path of ["/a/./b", "/a/../b", "/a/..", "/a/."])
      expect(pathIssues(path).length, path).toBeGreaterThan(0);
  });

  test("a plain path breaks none of the rules", () => {
    const pathChar = fc.constantFrom(..."//..a%2f#é".split(""));
    fc.assert(
      fc.property(fc.boolean(), fc.array(pathChar, { maxLength: 8 }), (absolute, chars) => {
        const value = (absolute ? "/" : "") + chars.join("");
        // The rules themselves, not checkRoute (which asks isPlainPath first).
        if (isPlainPath(value)) expect(breaksPathValueRule(value), value).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
