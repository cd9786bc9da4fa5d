import { describe, expect, test } from "vitest";
import { compileRegex } from "./regex";
import { compilePathMatch, isPathMatch } from "./path";

// Behaviour only (no timing assertion): RE2 runs in linear time, so these finish where a
// backtracking engine would not in any practical time.
describe("hostile regex input", () => {
  test("(a+)+$ against 50,000 a's and a b completes and does not match", () => {
    const r = compileRegex("(a+)+$");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.regex.matches(`${"a".repeat(50_000)}b`)).toBe(false);
    expect(r.regex.matches("a".repeat(50_000))).toBe(true);
  });

  test("nested quantifiers on a path matcher complete", () => {
    const m = compilePathMatch({ type: "RegularExpression", value: "/(x+x+)+y" });
    expect(isPathMatch(m, `/${"x".repeat(20_000)}`)).toBe(false);
  });

  test.each([
    ["backreference", "(a)\\1"],
    ["lookahead", "a(?=b)"],
    ["negative lookbehind", "(?<!a)b"],
    ["unbalanced", "(abc"],
  ])("%s is rejected cleanly", (_name, source) => {
    const r = compileRegex(source);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  });

  test("random printable patterns never throw", () => {
    let seed = 7;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const alphabet = "ab()[]*+?|\\^$.{}1,-=!<";
    for (let i = 0; i < 500; i++) {
      const length = 1 + (next() % 12);
      let source = "";
      for (let j = 0; j < length; j++) source += alphabet[next() % alphabet.length];
      const r = compileRegex(source);
      if (r.ok) expect(typeof r.regex.matches("aab".repeat(100))).toBe("boolean");
      else expect(typeof r.error).toBe("string");
    }
  });
});
