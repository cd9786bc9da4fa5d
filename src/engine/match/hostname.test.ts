import { describe, expect, test } from "vitest";
import {
  HostnameIndex,
  hostnameSpecificity,
  isHostnameMatch,
  matchHostname,
  normalizeHost,
} from "./hostname";

describe("hostname matching (spec §3.2)", () => {
  test.each([
    ["*", "anything.example.com", true],
    ["*.example.com", "a.example.com", true],
    ["*.example.com", "a.b.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "aexample.com", false],
    ["foo.example.com", "foo.example.com", true],
    ["foo.example.com", "bar.example.com", false],
  ])("%s covers %s → %s", (pattern, host, want) => {
    expect(isHostnameMatch(pattern, host)).toBe(want);
    expect(matchHostname(pattern, host).pass).toBe(want);
  });

  test("the port in Host is ignored and case folds", () => {
    expect(normalizeHost("Very.Specific.com:1234")).toBe("very.specific.com");
    expect(normalizeHost("[::1]:8080")).toBe("[::1]");
    expect(normalizeHost("example.com.")).toBe("example.com");
  });

  test("exact beats wildcard beats match-all, longer wildcard beats shorter", () => {
    expect(hostnameSpecificity("a.example.com")).toBeGreaterThan(
      hostnameSpecificity("*.a.example.com"),
    );
    expect(hostnameSpecificity("*.foo.example.com")).toBeGreaterThan(
      hostnameSpecificity("*.example.com"),
    );
    expect(hostnameSpecificity("*.example.com")).toBeGreaterThan(hostnameSpecificity(undefined));
  });
});

describe("HostnameIndex picks the most specific covering pattern", () => {
  const index = new HostnameIndex<string>();
  for (const p of ["*.example.com", "www.example.com", "*.foo.example.com", "*"]) index.add(p, p);

  test.each([
    ["www.example.com", "www.example.com"],
    ["a.example.com", "*.example.com"],
    ["x.foo.example.com", "*.foo.example.com"],
    ["a.b.foo.example.com", "*.foo.example.com"],
    ["foo.example.com", "*.example.com"],
    ["example.com", "*"],
    ["", "*"],
  ])("%s → %s", (host, want) => {
    expect(index.lookup(host)).toBe(want);
  });

  test("without a match-all, an uncovered host finds nothing", () => {
    const only = new HostnameIndex<string>();
    only.add("*.example.com", "w");
    expect(only.lookup("example.org")).toBeUndefined();
    expect(only.lookup("")).toBeUndefined();
  });
});
