import { describe, expect, test } from "vitest";
import { setOwn } from "./setOwn";

describe("setOwn", () => {
  test("__proto__ becomes an own field, never the prototype", () => {
    const target: Record<string, unknown> = {};
    setOwn(target, "__proto__", { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("other keys are own enumerable writable fields, also on objects without a prototype", () => {
    const target = Object.create(null) as Record<string, unknown>;
    setOwn(target, "constructor", 1);
    setOwn(target, "a", 2);
    expect(Object.getOwnPropertyDescriptor(target, "constructor")).toEqual({
      value: 1,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(Object.entries(target)).toEqual([
      ["constructor", 1],
      ["a", 2],
    ]);
  });
});
