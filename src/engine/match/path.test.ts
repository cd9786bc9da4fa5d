import { describe, expect, test } from "vitest";
import { compilePathMatch, isPathMatch, matchPath, pathRankLength } from "./path";

const matches = (type: string, value: string, path: string): boolean =>
  isPathMatch(compilePathMatch({ type, value }), path);

describe("PathPrefix is element-wise (spec §3.3, HTTPRouteMatching)", () => {
  test.each([
    ["/v2", "/v2", true],
    ["/v2", "/v2/", true],
    ["/v2", "/v2/example", true],
    ["/v2", "/v2example", false],
    ["/v2", "/v", false],
    ["/match/", "/match/any", true],
    ["/match/", "/match", true],
    ["/match/", "/matchany", false],
    ["/", "/anything/at/all", true],
    ["/", "/", true],
  ])("prefix %s vs %s → %s", (prefix, path, want) => {
    expect(matches("PathPrefix", prefix, path)).toBe(want);
  });

  test("a failed boundary says why", () => {
    const out = matchPath({ type: "PathPrefix", value: "/v2" }, "/v2example");
    expect(out).toEqual({
      pass: false,
      detail: expect.stringContaining('not at a "/" boundary') as unknown as string,
    });
  });

  test("omitted path and type default to PathPrefix /", () => {
    expect(compilePathMatch(undefined)).toMatchObject({
      type: "PathPrefix",
      value: "/",
      prefix: "",
    });
    expect(compilePathMatch({ value: "/x" })).toMatchObject({ type: "PathPrefix", prefix: "/x" });
  });

  test("/foo and /foo/ rank with the same length", () => {
    expect(pathRankLength(compilePathMatch({ type: "PathPrefix", value: "/foo/" }))).toBe(4);
    expect(pathRankLength(compilePathMatch({ type: "PathPrefix", value: "/foo" }))).toBe(4);
  });
});

describe("Exact is strict (HTTPRouteExactPathMatching)", () => {
  test.each([
    ["/two", "/two", true],
    ["/two", "/two/", false],
    ["/two", "/Two", false],
    ["/two", "/twoo", false],
  ])("exact %s vs %s → %s", (value, path, want) => {
    expect(matches("Exact", value, path)).toBe(want);
  });
});

describe("RegularExpression is an RE2 full match", () => {
  test("anchored at both ends", () => {
    expect(matches("RegularExpression", "/v[0-9]+", "/v12")).toBe(true);
    expect(matches("RegularExpression", "/v[0-9]+", "/v12/x")).toBe(false);
    expect(matches("RegularExpression", "/v[0-9]+", "/api/v12")).toBe(false);
  });

  test("an invalid pattern never matches and says so", () => {
    const m = compilePathMatch({ type: "RegularExpression", value: "/(?=x)" });
    expect(m.error).toMatch(/invalid RE2 pattern/);
    expect(matchPath(m, "/x")).toMatchObject({
      pass: false,
      detail: expect.stringContaining("never matches") as unknown as string,
    });
  });

  test("an unknown type never matches", () => {
    expect(compilePathMatch({ type: "Prefix", value: "/" }).error).toMatch(
      /unsupported path match type "Prefix"/,
    );
    expect(matches("Prefix", "/", "/")).toBe(false);
  });
});
