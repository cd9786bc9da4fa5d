import { describe, expect, test } from "vitest";
import { checkRuleValidity } from "./checkRuleValidity";

describe("checkRuleValidity (spec §2.6)", () => {
  test("valid HTTP rules, including RE2 regexes, pass", () => {
    expect(
      checkRuleValidity("HTTPRoute", {
        matches: [
          {
            path: { type: "RegularExpression", value: "/v[0-9]+/.*" },
            headers: [{ name: "x", type: "RegularExpression", value: "a|b" }],
          },
        ],
      }),
    ).toBeUndefined();
    expect(checkRuleValidity("HTTPRoute", {})).toBeUndefined();
  });
  test("every redirect scheme, status code and path modifier type of the API passes; null is unset", () => {
    for (const scheme of ["http", "https", null])
      for (const statusCode of [301, 302, 303, 307, 308, null])
        for (const path of [{ type: "ReplaceFullPath", replaceFullPath: "/x" }, { type: null }]) {
          const rule = {
            filters: [{ type: "RequestRedirect", requestRedirect: { scheme, statusCode, path } }],
          };
          expect(checkRuleValidity("HTTPRoute", rule)).toBeUndefined();
        }
  });
  test.each([
    [
      { matches: [{ path: { type: "Regex", value: "/" } }] },
      "UnsupportedValue",
      'path match type "Regex" is not supported',
    ],
    [
      { matches: [{ path: { type: "RegularExpression", value: "(?=lookahead)" } }] },
      "UnsupportedValue",
      "is not a valid RE2 regular expression",
    ],
    [
      { matches: [{ queryParams: [{ name: "q", type: "RegularExpression", value: "[" }] }] },
      "UnsupportedValue",
      "query parameter q match",
    ],
    [{ matches: [{ method: "FETCH" }] }, "UnsupportedValue", 'method "FETCH" is not supported'],
    [
      { filters: [{ type: "Teleport" }] },
      "UnsupportedValue",
      'filter type "Teleport" is not supported on a HTTPRoute',
    ],
    [
      {
        filters: [
          { type: "RequestRedirect", requestRedirect: {} },
          { type: "URLRewrite", urlRewrite: {} },
        ],
      },
      "IncompatibleFilters",
      "RequestRedirect and URLRewrite",
    ],
    [
      {
        matches: [{ path: { type: "Exact", value: "/a" } }],
        filters: [
          {
            type: "URLRewrite",
            urlRewrite: { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/b" } },
          },
        ],
      },
      "UnsupportedValue",
      "ReplacePrefixMatch needs exactly one match, of type PathPrefix",
    ],
    [
      { matches: [{ headers: [{ name: "x-a", type: "PathPrefix", value: "/a" }] }] },
      "UnsupportedValue",
      'header x-a match type "PathPrefix" is not supported',
    ],
    [
      { matches: [{ queryParams: [{ name: "q", type: "Prefix", value: "a" }] }] },
      "UnsupportedValue",
      'query parameter q match type "Prefix" is not supported',
    ],
    [
      { filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "ftp" } }] },
      "UnsupportedValue",
      'redirect scheme "ftp" is not supported',
    ],
    [
      { filters: [{ type: "RequestRedirect", requestRedirect: { statusCode: 666 } }] },
      "UnsupportedValue",
      "redirect status code 666 is not supported",
    ],
    [
      { filters: [{ type: "RequestRedirect", requestRedirect: { statusCode: "301" } }] },
      "UnsupportedValue",
      'redirect status code "301" is not supported',
    ],
    [
      {
        filters: [
          {
            type: "URLRewrite",
            urlRewrite: { path: { type: "ReplacePrefixMatches", replacePrefixMatch: "/b" } },
          },
        ],
      },
      "UnsupportedValue",
      'path modifier type "ReplacePrefixMatches" is not supported',
    ],
    [
      {
        backendRefs: [
          {
            name: "s",
            port: 80,
            filters: [{ type: "RequestRedirect", requestRedirect: { path: { type: {} } } }],
          },
        ],
      },
      "UnsupportedValue",
      "path modifier type a mapping is not supported",
    ],
    [
      { backendRefs: [{ name: "s", port: 80, filters: [{ type: "Bogus" }] }] },
      "UnsupportedValue",
      'filter type "Bogus"',
    ],
  ])("HTTPRoute rule %j → %s", (rule, reason, fragment) => {
    const problem = checkRuleValidity("HTTPRoute", rule);
    expect(problem?.reason).toBe(reason);
    expect(problem?.message).toContain(fragment);
  });
  test("a header modifier naming one header twice leaves the rule valid (neither the CRD nor the spec rejects the rule; validate/ warns)", () => {
    const twice = {
      set: [{ name: "X-Foo", value: "1" }],
      add: [{ name: "x-foo", value: "2" }],
      remove: ["X-FOO"],
    };
    expect(
      checkRuleValidity("HTTPRoute", {
        filters: [{ type: "RequestHeaderModifier", requestHeaderModifier: twice }],
      }),
    ).toBeUndefined();
    expect(
      checkRuleValidity("GRPCRoute", {
        filters: [{ type: "ResponseHeaderModifier", responseHeaderModifier: twice }],
      }),
    ).toBeUndefined();
  });

  test("GRPCRoute: only header modifiers, mirror and ExtensionRef filters; method regexes must compile", () => {
    expect(
      checkRuleValidity("GRPCRoute", { filters: [{ type: "RequestRedirect" }] })?.message,
    ).toContain("not supported on a GRPCRoute");
    expect(
      checkRuleValidity("GRPCRoute", {
        matches: [{ method: { type: "RegularExpression", service: "svc(", method: "Get" } }],
      })?.reason,
    ).toBe("UnsupportedValue");
    expect(
      checkRuleValidity("GRPCRoute", {
        matches: [{ method: { service: "pkg.Svc", method: "Get" } }],
        filters: [{ type: "RequestMirror" }],
      }),
    ).toBeUndefined();
  });
  test("L4 routes have no matches or filters to validate", () => {
    expect(checkRuleValidity("TCPRoute", { filters: [{ type: "Anything" }] })).toBeUndefined();
  });
});
