import { describe, expect, test } from "vitest";
import { emptyList } from "../collections/emptyList";
import { asArray } from "./validationIssue";

describe("asArray", () => {
  test("a list is itself; anything else is the shared frozen empty list, made once", () => {
    const list = [1, 2];
    expect(asArray(list)).toBe(list);
    // Every route's checks read a rule's filters and a match's headers through asArray: an absent
    // list must not cost a fresh [] each time.
    expect(asArray(undefined)).toBe(emptyList());
    expect(asArray({ length: 1 })).toBe(asArray("x"));
    expect(Object.isFrozen(asArray(null))).toBe(true);
  });
});
