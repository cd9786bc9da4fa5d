import { describe, expect, it } from "vitest";
import { LayeredMap } from "./layeredMap";

const filled = (n: number): LayeredMap<number, string> => {
  const map = LayeredMap.empty<number, string>();
  for (let i = 0; i < n; i++) map.set(i, `v${i}`);
  return map;
};

describe("LayeredMap", () => {
  it("reads as the map it started from, and writes to either do not reach the other", () => {
    for (const size of [10, 5000]) {
      const first = filled(size);
      const second = LayeredMap.startingFrom(first);
      second.set(3, "changed");
      second.delete(4);
      second.set(size + 1, "added");
      first.set(5, "first only");
      expect([second.get(3), second.get(4), second.get(5), second.get(size + 1)]).toEqual([
        "changed",
        undefined,
        "v5",
        "added",
      ]);
      expect([first.get(3), first.get(4), first.get(size + 1)]).toEqual(["v3", "v4", undefined]);
      const third = LayeredMap.startingFrom(second);
      third.set(4, "back");
      expect([third.get(3), third.get(4), second.get(4)]).toEqual(["changed", "back", undefined]);
    }
  });

  it("lists the same entries after its layers are folded into one", () => {
    let map = filled(3000);
    const expected = new Map<number, string>();
    for (let i = 0; i < 3000; i++) expected.set(i, `v${i}`);
    for (let step = 0; step < 1500; step++) {
      map = LayeredMap.startingFrom(map);
      map.set(step * 2, `s${step}`);
      expected.set(step * 2, `s${step}`);
      map.delete(step * 2 + 1);
      expected.delete(step * 2 + 1);
    }
    expect(new Map(map.entries())).toEqual(expected);
    for (const [k, v] of expected) expect(map.get(k)).toBe(v);
    expect(map.get(1)).toBeUndefined();
  });
});
