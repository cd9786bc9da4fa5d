import { describe, expect, it } from "vitest";
import { keyedLookup, positionIndex, positionsOf } from "./positions";

const keyOf = (s: string) => (s === "" ? undefined : s);

describe("positionIndex", () => {
  const list = ["a", "b", "", "a", "c", "b", "a"];

  it("finds a key's positions in list order, and none for a key the list lacks", () => {
    const index = positionIndex(keyOf);
    expect(positionsOf(index, list, "a")).toEqual([0, 3, 6]);
    expect(positionsOf(index, list, "c")).toEqual([4]);
    expect(positionsOf(index, list, "z")).toEqual([]);
  });

  it("gives the same positions when asked for more keys than it walks for (every item indexed)", () => {
    const long = Array.from({ length: 200 }, (_, i) => `k${i % 37}`);
    const walked = positionIndex(keyOf);
    const expected = (key: string) => long.flatMap((x, i) => (x === key ? [i] : []));
    for (let k = 0; k < 40; k++)
      expect(positionsOf(walked, long, `k${k}`)).toEqual(expected(`k${k}`));
  });

  it("hands the positions on to a list with the same layout, without reading it again", () => {
    let reads = 0;
    const index = positionIndex((s: string) => {
      reads++;
      return s;
    });
    expect(positionsOf(index, list, "b")).toEqual([1, 5]);
    const next = list.slice();
    next[5] = "b";
    index.carry(list, next);
    const before = reads;
    expect(positionsOf(index, next, "b")).toEqual([1, 5]);
    expect(reads).toBe(before);
    // A key not asked for before is found in the new list by walking it.
    expect(positionsOf(index, next, "c")).toEqual([4]);
    expect(reads).toBe(before + next.length);
  });
});

describe("keyedLookup", () => {
  it("walks for the first keys, then indexes the whole container once", () => {
    let walks = 0;
    let indexings = 0;
    const lookup = keyedLookup<{ items: string[] }, number>(
      (c, key) => {
        walks++;
        return c.items.indexOf(key);
      },
      (c) => {
        indexings++;
        return new Map(c.items.map((x, i) => [x, i]));
      },
      -1,
    );
    const container = { items: Array.from({ length: 20 }, (_, i) => `k${i}`) };
    for (let i = 0; i < 20; i++) expect(lookup.find(container, `k${i}`)).toBe(i);
    expect(lookup.find(container, "missing")).toBe(-1);
    expect(walks).toBe(8);
    expect(indexings).toBe(1);
  });
});
