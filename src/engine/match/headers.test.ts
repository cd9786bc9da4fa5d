import { describe, expect, test } from "vitest";
import { compileHeaderMatches, matchHeaders, toHeaderLookup } from "./headers";
import { matchQueryParams, parseQuery } from "./query";
import { matchMethod } from "./method";
import { matchGrpcMethod } from "./grpc";

describe("header matching (HTTPRouteHeaderMatching)", () => {
  test("names are case-insensitive, values case-sensitive", () => {
    const headers = toHeaderLookup({ VERSION: "one" });
    expect(matchHeaders([{ name: "version", value: "one" }], headers).pass).toBe(true);
    expect(matchHeaders([{ name: "Version", value: "One" }], headers).pass).toBe(false);
  });

  test("all headers of a match must hold (AND)", () => {
    const headers = toHeaderLookup({ version: "two", color: "orange" });
    expect(
      matchHeaders(
        [
          { name: "version", value: "two" },
          { name: "color", value: "orange" },
        ],
        headers,
      ).pass,
    ).toBe(true);
    const out = matchHeaders(
      [
        { name: "version", value: "two" },
        { name: "color", value: "blue" },
      ],
      headers,
    );
    expect(out.pass).toBe(false);
    expect(out.detail).toContain("header color: orange does not equal blue");
  });

  test("a missing header fails with the wanted value", () => {
    expect(matchHeaders([{ name: "x", value: "y" }], toHeaderLookup({})).detail).toBe(
      "header x is absent (wanted = y)",
    );
  });

  test("duplicate names differing in case: the first entry wins", () => {
    const compiled = compileHeaderMatches([
      { name: "Foo", value: "a" },
      { name: "foo", value: "b" },
    ]);
    expect(compiled).toHaveLength(1);
    expect(matchHeaders(compiled, toHeaderLookup({ foo: "a" })).pass).toBe(true);
    expect(matchHeaders(compiled, toHeaderLookup({ foo: "b" })).pass).toBe(false);
  });

  test("RegularExpression values are RE2 full matches", () => {
    const spec = [{ type: "RegularExpression", name: "v", value: "v[0-9]" }];
    expect(matchHeaders(spec, toHeaderLookup({ v: "v1" })).pass).toBe(true);
    expect(matchHeaders(spec, toHeaderLookup({ v: "v12" })).pass).toBe(false);
  });

  test('request headers repeated in different case are joined with ","', () => {
    expect(toHeaderLookup({ "X-A": "1", "x-a": "2" }).get("x-a")).toBe("1,2");
  });
});

describe("query-param matching", () => {
  test("names and values are case-sensitive; the first value counts", () => {
    const params = parseQuery("animal=whale&animal=dolphin&ANIMAL=Whale");
    expect(matchQueryParams([{ name: "animal", value: "whale" }], params).pass).toBe(true);
    expect(matchQueryParams([{ name: "animal", value: "dolphin" }], params).pass).toBe(false);
    expect(matchQueryParams([{ name: "ANIMAL", value: "Whale" }], params).pass).toBe(true);
    expect(matchQueryParams([{ name: "Animal", value: "whale" }], params).pass).toBe(false);
  });

  test("values are percent-decoded", () => {
    expect(parseQuery("q=a%20b&e").get("q")).toBe("a b");
    expect(parseQuery("q=a%20b&e").get("e")).toBe("");
    expect(parseQuery("bad=%zz").get("bad")).toBe("%zz");
  });
});

describe("method and gRPC method matching", () => {
  test("method is exact", () => {
    expect(matchMethod("PATCH", "PATCH").pass).toBe(true);
    expect(matchMethod("PATCH", "patch").pass).toBe(false);
    expect(matchMethod(undefined, "GET")).toEqual({ pass: true, detail: "any method" });
  });

  const call = { service: "pkg.Echo", method: "EchoTwo" };
  test.each([
    [{ service: "pkg.Echo", method: "EchoTwo" }, true],
    [{ service: "pkg.Echo", method: "Echo" }, false],
    [{ service: "pkg.Echo" }, true],
    [{ method: "EchoTwo" }, true],
    [{ type: "RegularExpression", service: "pkg\\..*", method: "Echo.*" }, true],
    [{ type: "RegularExpression", method: "Echo" }, false],
  ])("%j → %s", (spec, want) => {
    expect(matchGrpcMethod(spec, call).pass).toBe(want);
  });

  test("a plain HTTP request never matches a gRPC method", () => {
    expect(matchGrpcMethod({ service: "x" }, undefined)).toMatchObject({ pass: false });
  });
});
