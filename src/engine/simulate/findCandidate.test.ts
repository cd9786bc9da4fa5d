import { describe, expect, test } from "vitest";
import { MatchContext } from "./findCandidate";

describe("MatchContext.header", () => {
  test.each([
    [{ "x-a": "1" }, "x-a"],
    [{ "X-A": "1", "x-a": "2", other: "3" }, "x-a"],
    [{ "X-A": "1", "x-A": "2" }, "x-a"],
    [{ other: "3" }, "x-a"],
    [{}, "x-a"],
  ])("reads %j like the lower-cased header map does (%s)", (raw, key) => {
    const fresh = new MatchContext("/", "", "GET", raw, undefined);
    const mapped = new MatchContext("/", "", "GET", raw, undefined);
    expect(fresh.header(key)).toBe(mapped.headers.get(key));
    expect(mapped.header(key)).toBe(mapped.headers.get(key));
  });

  test("reset forgets the previous request", () => {
    const ctx = new MatchContext("/", "q=1", "GET", { a: "1" }, undefined);
    expect(ctx.headers.get("a")).toBe("1");
    expect(ctx.queryParams.get("q")).toBe("1");
    ctx.reset("/x", "", "POST", { b: "2" }, undefined);
    expect([ctx.header("a"), ctx.header("b"), ctx.queryParams.get("q"), ctx.hashed]).toEqual([
      undefined,
      "2",
      undefined,
      false,
    ]);
  });
});
