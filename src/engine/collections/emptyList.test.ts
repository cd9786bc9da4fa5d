import { describe, expect, test } from "vitest";
import { emptyList, orEmpty } from "./emptyList";

describe("emptyList", () => {
  test("is one shared, frozen, empty array", () => {
    const a = emptyList<string>();
    expect(a).toBe(emptyList<number>());
    expect(a).toEqual([]);
    expect(Object.isFrozen(a)).toBe(true);
    expect(JSON.stringify({ a })).toBe('{"a":[]}');
  });

  test("refuses to be filled, so no holder's list changes under another", () => {
    expect(() => emptyList<string>().push("x")).toThrow(TypeError);
    expect(emptyList()).toHaveLength(0);
  });

  test("orEmpty keeps a list with items and swaps an empty one for the shared list", () => {
    const items = [1, 2];
    expect(orEmpty(items)).toBe(items);
    const empty: number[] = [];
    expect(orEmpty(empty)).not.toBe(empty);
    expect(orEmpty(empty)).toBe(emptyList());
  });
});
