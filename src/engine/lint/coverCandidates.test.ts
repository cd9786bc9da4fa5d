import { describe, expect, it } from "vitest";
import type { RouteTableEntry, RouteTableMatch } from "../routing/types";
import { createCoverIndex, type CoverIndex } from "./coverCandidates";
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

/** An index of the first `count` entries. */
function indexOf(entries: readonly RouteTableEntry[], count = entries.length): CoverIndex {
  const index = createCoverIndex();
  for (let i = 0; i < count; i++) index.add(entries[i] as RouteTableEntry, i);
  return index;
}

describe("createCoverIndex", () => {
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
    const index = indexOf(entries);
    let covering = 0;
    entries.forEach((loser, j) => {
      const listed = new Set(index.candidates(loser));
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

  it("lists, ascending and once each, exactly the added entries that the paths allow", () => {
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
    let listed = 0;
    const scratch: number[] = [];
    for (let before = 0; before <= entries.length; before++) {
      const index = indexOf(entries, before);
      for (const loser of entries) {
        const got = index.candidates(loser, scratch);
        expect(got).toEqual(reference(loser, before));
        listed += got.length;
      }
    }
    expect(listed).toBeGreaterThan(200);
  });

  it("as lint uses it: asked, then added, entry by entry, and emptied for the next host", () => {
    const entries = [
      entry({ path: { type: "PathPrefix", value: "/a/" } }, 0),
      entry({ path: { type: "RegularExpression", value: "/a/.*" } }, 1),
      entry({ path: { type: "Exact", value: "/a/b" } }, 2),
      entry({ path: { type: "PathPrefix", value: "/a/b" } }, 3),
      entry({ path: { type: "Exact", value: "/a/b" } }, 4),
    ];
    const index = createCoverIndex();
    const asked: number[][] = [];
    for (let round = 0; round < 2; round++) {
      index.clear();
      entries.forEach((e, i) => {
        asked.push([...index.candidates(e)]);
        index.add(e, i);
      });
    }
    // A regular-expression loser is covered only by the entries listed always (none above it).
    const once = [[], [], [0, 1], [0, 1], [0, 1, 2, 3]];
    expect(asked).toEqual([...once, ...once]);
  });

  it("does not list unrelated prefixes", () => {
    const entries = [
      entry({ path: { type: "PathPrefix", value: "/shop" } }, 0),
      entry({ path: { type: "PathPrefix", value: "/api/v1" } }, 1),
    ];
    expect(indexOf(entries).candidates(entries[1] as RouteTableEntry)).toEqual([1]);
  });
});
