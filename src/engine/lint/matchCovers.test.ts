import { describe, expect, it } from "vitest";
import type { RouteTableMatch } from "../routing/types";
import { isSameMatch, matchCovers } from "./matchCovers";

const m = (over: Partial<RouteTableMatch>): RouteTableMatch => ({
  headers: [],
  queryParams: [],
  defaulted: false,
  ...over,
});
const prefix = (value: string) => m({ path: { type: "PathPrefix", value } });
const exact = (value: string) => m({ path: { type: "Exact", value } });
const regex = (value: string) => m({ path: { type: "RegularExpression", value } });

describe("matchCovers", () => {
  it("PathPrefix covers whole segments only", () => {
    expect(matchCovers(prefix("/api"), prefix("/api/v1"))).toBe(true);
    expect(matchCovers(prefix("/api/"), exact("/api"))).toBe(true);
    expect(matchCovers(prefix("/api"), prefix("/apis"))).toBe(false);
    expect(matchCovers(prefix("/"), regex("/x.*"))).toBe(false);
  });
  it("a regular expression covers the exact paths it accepts and literal-prefix patterns their prefixes", () => {
    expect(matchCovers(regex("/v[0-9]+/items"), exact("/v2/items"))).toBe(true);
    expect(matchCovers(regex("/v[0-9]+/items"), exact("/vx/items"))).toBe(false);
    expect(matchCovers(regex("/api/.*"), prefix("/api/v1"))).toBe(true);
    expect(matchCovers(regex("/api/.*"), prefix("/api"))).toBe(false);
    expect(matchCovers(regex("/a+.*"), prefix("/aa"))).toBe(false);
  });
  it("every header, query and method condition of the upper match must appear in the lower one", () => {
    const upper = m({
      path: { type: "PathPrefix", value: "/" },
      headers: [{ type: "Exact", name: "X-Env", value: "qa" }],
    });
    expect(
      matchCovers(
        upper,
        m({
          path: { type: "Exact", value: "/a" },
          headers: [{ type: "Exact", name: "x-env", value: "qa" }],
          method: "GET",
        }),
      ),
    ).toBe(true);
    expect(matchCovers(upper, exact("/a"))).toBe(false);
    expect(
      matchCovers(
        m({ path: { type: "PathPrefix", value: "/" }, method: "POST" }),
        m({ path: { type: "PathPrefix", value: "/" }, method: "GET" }),
      ),
    ).toBe(false);
  });
  it("gRPC: an absent service or method covers any", () => {
    expect(
      matchCovers(
        m({ grpc: { type: "Exact", service: "a.B" } }),
        m({ grpc: { type: "Exact", service: "a.B", method: "Get" } }),
      ),
    ).toBe(true);
    expect(
      matchCovers(
        m({ grpc: { type: "Exact", service: "a.B", method: "Get" } }),
        m({ grpc: { type: "Exact", service: "a.B" } }),
      ),
    ).toBe(false);
  });
  it("isSameMatch is mutual coverage", () => {
    expect(isSameMatch(prefix("/a"), prefix("/a/"))).toBe(true);
    expect(isSameMatch(prefix("/a"), exact("/a"))).toBe(false);
  });
});
