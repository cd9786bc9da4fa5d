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

  it("lists, ascending and once each, exactly the entries below `before` that the paths allow", () => {
    const paths: (RouteTableMatch["path"] | undefined)[] = [
      { type: "PathPrefix", value: "/" },
      { type: "Exact", value: "/a/b" },
      { type: "RegularExpression", value: "/a/.*" },
      { type: "PathPrefix", value: "/a" },
      { type: "PathPrefix", value: "/a/" },
      undefined,
      { type: "PathPrefix", value: "/a/b" },
      { type: "Exact", value: "/a/b" },
      { type: "PathPrefix", value: "/a//" },
      { type: "PathPrefix", value: "/b" },
      { type: "Exact", value: "/a//x" },
      { type: "PathPrefix", value: "//" },
      { type: "PathPrefix", value: "/" },
      { type: "RegularExpression", value: "/x" },
    ];
    const entries = paths.map((path, i) => entry(path === undefined ? {} : { path }, i));
    const trim = (v: string) => (v.endsWith("/") ? v.slice(0, -1) : v);
    // The straightforward reading: every entry above whose path could cover the loser's.
    const reference = (loser: RouteTableEntry, before: number) =>
      entries
        .map((e, i) => ({ e, i }))
        .filter(({ e, i }) => {
          if (i >= before) return false;
          const a = e.match.path;
          const b = loser.match.path;
          if (a === undefined || (a.type !== "Exact" && a.type !== "PathPrefix")) return true;
          if (b === undefined || (b.type !== "Exact" && b.type !== "PathPrefix")) return false;
          if (a.type === "Exact") return b.type === "Exact" && a.value === b.value;
          const p = trim(a.value);
          return p === "" || trim(b.value) === p || trim(b.value).startsWith(`${p}/`);
        })
        .map(({ i }) => i);
    const candidates = indexCoverCandidates(entries);
    let listed = 0;
    for (const loser of entries)
      for (let before = 0; before <= entries.length; before++) {
        const got = candidates(loser, before);
        expect(got).toEqual(reference(loser, before));
        listed += got.length;
      }
    expect(listed).toBeGreaterThan(200);
    const last = entries[10] as RouteTableEntry;
    expect(candidates(last)).toEqual(reference(last, entries.length));
  });

  it("does not list unrelated prefixes", () => {
    const entries = [
      entry({ path: { type: "PathPrefix", value: "/shop" } }, 0),
      entry({ path: { type: "PathPrefix", value: "/api/v1" } }, 1),
    ];
    expect(indexCoverCandidates(entries)(entries[1] as RouteTableEntry)).toEqual([1]);
  });
});
