import { describe, expect, it } from "vitest";
import type { RouteTableEntry, RouteTableMatch } from "../routing/types";
import { indexCoverCandidates } from "./coverCandidates";
import { matchCovers } from "./matchCovers";

function entry(match: Partial<RouteTableMatch>, i: number): RouteTableEntry {
  return {
    rank: i + 1,
    routeKind: match.grpc ? "GRPCRoute" : "HTTPRoute",
    route: `HTTPRoute/ns/r${i}` as RouteTableEntry["route"],
    namespace: "ns",
    name: `r${i}`,
    ruleIndex: 0,
    matchIndex: 0,
    match: { headers: [], queryParams: [], defaulted: false, ...match },
    filters: [],
    backends: [],
  };
}

describe("indexCoverCandidates", () => {
  it("never misses an entry that covers another (checked against every pair)", () => {
    const paths: NonNullable<RouteTableMatch["path"]>[] = [
      { type: "PathPrefix", value: "/" },
      { type: "PathPrefix", value: "/api" },
      { type: "PathPrefix", value: "/api/" },
      { type: "PathPrefix", value: "/api/v1" },
      { type: "PathPrefix", value: "/apis" },
      { type: "Exact", value: "/api" },
      { type: "Exact", value: "/api/v1/items" },
      { type: "RegularExpression", value: "/api/.*" },
      { type: "RegularExpression", value: "/v[0-9]+" },
      { type: "Exact", value: "/v2" },
    ];
    const entries = [
      ...paths.map((path, i) => entry({ path }, i)),
      entry({ grpc: { type: "Exact", service: "a.B" } }, 10),
      entry({ grpc: { type: "Exact", service: "a.B", method: "M" } }, 11),
    ];
    const candidates = indexCoverCandidates(entries);
    let covering = 0;
    entries.forEach((loser, j) => {
      const listed = new Set(candidates(loser));
      entries.forEach((winner, i) => {
        if (i === j || !matchCovers(winner.match, loser.match)) return;
        covering++;
        expect(
          listed.has(i),
          `${JSON.stringify(winner.match)} covers ${JSON.stringify(loser.match)}`,
        ).toBe(true);
      });
    });
    expect(covering).toBeGreaterThan(10);
  });

  it("does not list unrelated prefixes", () => {
    const entries = [
      entry({ path: { type: "PathPrefix", value: "/shop" } }, 0),
      entry({ path: { type: "PathPrefix", value: "/api/v1" } }, 1),
    ];
    expect(indexCoverCandidates(entries)(entries[1] as RouteTableEntry)).toEqual([1]);
  });
});
