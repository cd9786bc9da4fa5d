/**
 * linearPattern.ts stands in for RE2 on the CRDs' `pattern`s: it must accept every pattern the
 * vendored CRDs use (else validation would need re2js on every workspace) and answer exactly what
 * RE2 (re2js) answers, on values built to match, near misses of those, and arbitrary text.
 */
import fc from "fast-check";
import { RE2JS } from "re2js";
import { describe, expect, test } from "vitest";
import { CRD_SCHEMAS, type JsonSchema } from "../validate/crdSchemas";
import { KEY_PATTERN } from "../validate/checkInfrastructureKeys";
import {
  compileLinearPattern,
  parseLinearPattern,
  UNBOUNDED,
  type PatternNode,
} from "./linearPattern";

function vendoredPatterns(): string[] {
  const patterns = new Set<string>([KEY_PATTERN]);
  const visit = (s: JsonSchema | undefined): void => {
    if (!s) return;
    if (s.pattern !== undefined) patterns.add(s.pattern);
    for (const child of Object.values(s.properties ?? {})) visit(child);
    if (typeof s.additionalProperties === "object") visit(s.additionalProperties);
    visit(s.items);
  };
  for (const crd of CRD_SCHEMAS) for (const v of crd.versions) visit(v.schema);
  return [...patterns];
}

const re2Finds = (source: string) => {
  const pattern = RE2JS.compile(source);
  return (value: string) => pattern.matcher(value).find();
};

/** Characters that sit at the edges of the patterns' classes, plus ones no pattern names. */
const EXTRA = ["\n", "\r", " ", "é", "😀", "\ud800", "\udc00", "\u0000", "\u007f", "Z", "z", "_"];

/** A value the tree would match if its anchors allow, drawn with `pick`. */
function sample(node: PatternNode, pick: (n: number) => number): string {
  switch (node.kind) {
    case "begin":
    case "end":
      return "";
    case "set": {
      if (!node.negated) {
        const i = 2 * pick(node.ranges.length / 2);
        const lo = node.ranges[i] as number;
        const hi = node.ranges[i + 1] as number;
        return String.fromCodePoint(lo + pick(Math.min(hi - lo + 1, 200)));
      }
      const outside = ["a", "/", ":", "?", "#", "0", "é", "😀", "\n", "-", "."].filter(
        (c) => !inRanges(node.ranges, c.codePointAt(0) as number),
      );
      return outside[pick(outside.length)] ?? "";
    }
    case "concat":
      return node.items.map((item) => sample(item, pick)).join("");
    case "alt":
      return sample(node.options[pick(node.options.length)] as PatternNode, pick);
    case "repeat": {
      const spread = node.max === UNBOUNDED ? 4 : Math.min(node.max - node.min, 70) + 1;
      const times = node.min + pick(spread);
      let out = "";
      for (let i = 0; i < times; i++) out += sample(node.item, pick);
      return out;
    }
  }
}

function inRanges(ranges: readonly number[], code: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if (code >= (ranges[i] as number) && code <= (ranges[i + 1] as number)) return true;
  }
  return false;
}

/** Values for a pattern: samples of it, near misses (one character changed, added or dropped). */
function values(source: string, tree: PatternNode): fc.Arbitrary<string> {
  const alphabet = [...new Set([...Array.from(source), ...EXTRA])];
  const sampled = fc.array(fc.nat(), { minLength: 1, maxLength: 200 }).map((choices) => {
    let at = 0;
    return sample(tree, (n) => (n <= 1 ? 0 : (choices[at++ % choices.length] as number) % n));
  });
  const nearMiss = fc
    .tuple(sampled, fc.nat(), fc.constantFrom(...alphabet), fc.constantFrom("set", "add", "drop"))
    .map(([value, at, c, edit]) => {
      const chars = Array.from(value);
      const i = chars.length === 0 ? 0 : at % (chars.length + (edit === "add" ? 1 : 0));
      if (edit === "set") chars[i] = c;
      else if (edit === "add") chars.splice(i, 0, c);
      else chars.splice(i, 1);
      return chars.join("");
    });
  const arbitrary = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 });
  return fc.oneof(sampled, nearMiss, arbitrary);
}

describe("linearPattern", () => {
  const patterns = vendoredPatterns();

  test("accepts every pattern in the vendored CRDs (a pattern outside its subset fails here)", () => {
    expect(patterns.length).toBeGreaterThan(10);
    for (const p of patterns) expect([p, compileLinearPattern(p) !== undefined]).toEqual([p, true]);
  });

  test.each(patterns)("agrees with re2js on %s (property)", (source) => {
    const tree = parseLinearPattern(source) as PatternNode;
    const linear = compileLinearPattern(source) as (value: string) => boolean;
    const re2 = re2Finds(source);
    let matched = 0;
    fc.assert(
      fc.property(values(source, tree), (value) => {
        const expected = re2(value);
        if (expected) matched++;
        expect(linear(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
    // The generator reaches both answers, or the agreement proves little.
    expect(matched).toBeGreaterThan(100);
    expect(matched).toBeLessThan(2900);
  });

  test("agrees with re2js on random patterns of its subset, and accepts none that RE2 refuses (property)", () => {
    const atom = fc.constantFrom(
      "a",
      "b",
      "-",
      ".",
      "\\.",
      "\\-",
      "\\/",
      "\\x60",
      "[a-c]",
      "[^a]",
      "[-ab]",
      "[ab-]",
      "[^-/]",
      "[\\]x]",
      "^",
      "$",
      "é",
      "😀",
    );
    const pattern: fc.Arbitrary<string> = fc.letrec<{ re: string }>((tie) => ({
      re: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        atom,
        fc.tuple(tie("re"), tie("re")).map(([x, y]) => x + y),
        fc.tuple(tie("re"), tie("re")).map(([x, y]) => `${x}|${y}`),
        tie("re").map((x) => `(${x})`),
        fc
          .tuple(
            tie("re"),
            fc.constantFrom("*", "+", "?", "{2}", "{1,3}", "{0,2}", "{2,}", "{3,1}"),
          )
          .map(([x, q]) => `(${x})${q}`),
      ),
    })).re;
    const text = fc.string({
      unit: fc.constantFrom("a", "b", "c", "-", ".", "/", "`", "]", "x", "é", "😀", "\n", "\ud800"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(pattern, fc.array(text, { maxLength: 20 }), (source, texts) => {
        const linear = compileLinearPattern(source);
        if (linear === undefined) return;
        const re2 = re2Finds(source); // throws (fails the property) when RE2 refuses the pattern
        for (const t of texts) expect([source, t, linear(t)]).toEqual([source, t, re2(t)]);
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    "\\d+",
    "(?i)abc",
    "a*?",
    "a**",
    "[[:alpha:]]",
    "\\bword",
    "[]a]",
    "[a-c-e]",
    "a{1001}",
    "(abc",
    "x{2,1}",
  ])("leaves %s to re2js", (source) => {
    expect(compileLinearPattern(source)).toBeUndefined();
  });

  test("runs in time linear in the value (a 200 KB near miss of nested repeats)", () => {
    const matches = compileLinearPattern("^(a|a?)+(-[a-z]{0,61})*$") as (v: string) => boolean;
    expect(matches(`${"a-".repeat(100_000)}!`)).toBe(false);
    expect(matches("a-".repeat(100_000))).toBe(true);
  });
});
