import { describe, expect, test } from "vitest";
import { applyPathModifier, replacePrefixMatch } from "./pathModifier";
import { computeRedirect } from "./redirect";

describe("ReplacePrefixMatch reproduces the spec table (§4.3)", () => {
  test.each([
    ["/foo/bar", "/foo", "/xyz", "/xyz/bar"],
    ["/foo/bar", "/foo/", "/xyz", "/xyz/bar"],
    ["/foo/bar", "/foo", "/xyz/", "/xyz/bar"],
    ["/foo/bar", "/foo/", "/xyz/", "/xyz/bar"],
    ["/foo", "/foo", "/xyz", "/xyz"],
    ["/foo/", "/foo", "/xyz", "/xyz/"],
    ["/foo/bar", "/foo", "", "/bar"],
    ["/foo", "/foo", "", "/"],
    ["/foo/", "/foo", "", "/"],
    ["/foo", "/foo", "/", "/"],
    ["/foo/", "/foo", "/", "/"],
    // HTTPRouteRewritePath and HTTPRouteRedirectPath anchors
    ["/strip-prefix/three", "/strip-prefix", "/", "/three"],
    ["/strip-prefix", "/strip-prefix", "/", "/"],
    [
      "/original-prefix/lemon",
      "/original-prefix",
      "/replacement-prefix",
      "/replacement-prefix/lemon",
    ],
    ["/anything", "/", "/prefix", "/prefix/anything"],
  ])('%s with prefix %s → "%s" gives %s', (path, prefix, replacement, want) => {
    expect(replacePrefixMatch(path, prefix, replacement)).toBe(want);
  });

  test("ReplaceFullPath replaces the whole path", () => {
    expect(
      applyPathModifier(
        "/full/one/two",
        { type: "ReplaceFullPath", replaceFullPath: "/one" },
        { type: "PathPrefix", value: "/full" },
      ),
    ).toMatchObject({ ok: true, path: "/one" });
  });

  test("ReplacePrefixMatch on a non-PathPrefix match leaves the path and says why", () => {
    const out = applyPathModifier(
      "/x",
      { type: "ReplacePrefixMatch", replacePrefixMatch: "/y" },
      { type: "Exact", value: "/x" },
    );
    expect(out).toMatchObject({ ok: false, path: "/x" });
    expect(out.detail).toMatch(/needs the rule to match a single PathPrefix/);
  });
});

describe("redirect Location and port defaulting (§4.2, HTTPRouteRedirectPortAndScheme)", () => {
  const base = {
    host: "example.org",
    path: "/p",
    query: "",
    matchedPath: { type: "PathPrefix", value: "/" },
  };
  test.each([
    ["http on 80, nothing set", "http", 80, {}, "http://example.org/p"],
    [
      "http on 8080, nothing set keeps the listener port",
      "http",
      8080,
      {},
      "http://example.org:8080/p",
    ],
    [
      "http on 8080, scheme https drops to 443",
      "http",
      8080,
      { scheme: "https" },
      "https://example.org/p",
    ],
    ["http on 80, port 8080", "http", 80, { port: 8080 }, "http://example.org:8080/p"],
    ["https on 443, scheme http", "https", 443, { scheme: "http" }, "http://example.org/p"],
    ["https on 443, port 8443", "https", 443, { port: 8443 }, "https://example.org:8443/p"],
    [
      "https on 443, scheme http + port 8080",
      "https",
      443,
      { scheme: "http", port: 8080 },
      "http://example.org:8080/p",
    ],
    ["https on 8443, nothing set", "https", 8443, {}, "https://example.org:8443/p"],
    [
      "http on 80, port 443 is shown on http",
      "http",
      80,
      { port: 443 },
      "http://example.org:443/p",
    ],
    ["hostname set", "http", 80, { hostname: "example.net" }, "http://example.net/p"],
  ])("%s", (_name, scheme, listenerPort, filter, want) => {
    expect(computeRedirect(filter, { ...base, scheme, listenerPort }).location).toBe(want);
  });

  test("status defaults to 302, the Host port is dropped and the query kept", () => {
    const r = computeRedirect(
      { statusCode: 301 },
      { ...base, scheme: "http", host: "example.org:80", query: "a=1", listenerPort: 80 },
    );
    expect(r).toMatchObject({ status: 301, location: "http://example.org/p?a=1" });
    expect(computeRedirect({}, { ...base, scheme: "http", listenerPort: 80 }).status).toBe(302);
  });

  test("path modifiers apply to the Location", () => {
    const r = computeRedirect(
      { path: { type: "ReplacePrefixMatch", replacePrefixMatch: "/replacement-prefix" } },
      {
        ...base,
        scheme: "http",
        listenerPort: 80,
        path: "/original-prefix/lemon",
        matchedPath: { type: "PathPrefix", value: "/original-prefix" },
      },
    );
    expect(r.location).toBe("http://example.org/replacement-prefix/lemon");
  });
});
