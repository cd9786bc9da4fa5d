/**
 * Mutations of real manifests, as fast-check arbitraries: each mutation is a pure function of the
 * text and a few drawn numbers, so fast-check can replay a failing input from its seed and path.
 * The set follows what hostile or careless input looks like in practice: broken bytes and lines,
 * shifted indentation, a value of the wrong type at a random key, huge numbers, control and
 * bidirectional characters, long strings, and the YAML features a Kubernetes object never needs
 * (anchors, merge keys, custom tags, duplicate keys, document markers).
 */
import fc from "fast-check";
import { structuredMutationArb } from "./structuredMutations";

export interface SeedFile {
  name: string;
  text: string;
}

export type Mutation = (text: string) => string;

/** Values a key might hold instead of the one it should: every YAML type and the awkward ones. */
const SWAP_VALUES = [
  "5",
  "-1",
  "0",
  "1.5",
  "null",
  "~",
  "true",
  "false",
  "{}",
  "[]",
  "{a: 1}",
  "[1, 2]",
  '""',
  '"5"',
  "yes",
  "1e308",
  "-1e308",
  "99999999999999999999",
  "9007199254740993",
  "0x7fffffff",
  ".nan",
  ".inf",
  "-.inf",
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "!!binary aGVsbG8=",
  "!!set {a, b}",
  "!!omap [a: 1]",
  "!!timestamp 2001-12-14",
  "!!merge x",
  "!custom 1",
  '"\\u202Eevil\\u202C"',
  '"\\0nul"',
  '"\\e[2Kok"',
  '"a\\nb: c"',
  "&anchor 1",
  "*missing",
  "*anchor",
  "[{path: {value: 5}}]",
  "{codes: 500}",
  "{set: 5}",
  "{value: 5}",
  "[null]",
  "[[]]",
  "[{}]",
];

const CHARS = [
  ":",
  "-",
  " ",
  "\t",
  '"',
  "'",
  "{",
  "}",
  "[",
  "]",
  "&",
  "*",
  "!",
  "#",
  "|",
  ">",
  "%",
  "@",
  "`",
  ",",
  "?",
  "\n",
  "\0",
  "\u202e",
  "\u2066",
  "\ufeff",
  "\u200b",
  "\ud800",
  "é",
  "𝕏",
  "\u0085",
  "\u2028",
  "\x1b",
  "0",
  "9",
  "a",
  "Z",
];

const UNICODE = [
  "\u202e",
  "\u202d",
  "\u2066",
  "\u2067",
  "\u2069",
  "\u200f",
  "\0",
  "\x1b[2K",
  "\ufeff",
  "\u200b",
  "\ud83d",
  "\udc00",
  "😀",
  "ǅ",
  "İ",
  "ß",
  "\u0301",
  "\r",
  "\r\n",
  "\x7f",
  "\x08",
];

const MARKERS = ["---", "...", "--- !!map", "--- |", "%YAML 1.2\n---", "---\n...", "--- >-"];

const TAGS = [
  "!!merge",
  "!!str",
  "!!int",
  "!!float",
  "!!bool",
  "!!null",
  "!!map",
  "!!seq",
  "!!binary",
  "!!set",
  "!!omap",
  "!!pairs",
  "!!timestamp",
  "!custom",
  "!<tag:example.com,2000:x>",
  "!",
];

const KEY_LINE = /^(\s*(?:- )?)([^\s:#][^:#]*?):(\s.*)?$/;

function lines(text: string): string[] {
  return text.split("\n");
}

function at<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** Indexes of lines of the form `key: value` or `key:`; all lines when there are none. */
function keyLines(all: string[]): number[] {
  const found: number[] = [];
  all.forEach((line, i) => {
    if (KEY_LINE.test(line)) found.push(i);
  });
  return found.length > 0 ? found : all.map((_, i) => i);
}

function replaceLine(
  text: string,
  pick: number,
  edit: (line: string, all: string[], i: number) => string | string[],
): string {
  const all = lines(text);
  const candidates = keyLines(all);
  const i = at(candidates, pick);
  const edited = edit(all[i] ?? "", all, i);
  all.splice(i, 1, ...(Array.isArray(edited) ? edited : [edited]));
  return all.join("\n");
}

const nat = fc.nat({ max: 1_000_000 });

const byteFlip = fc.tuple(nat, fc.constantFrom(...CHARS)).map(([pos, ch]): Mutation => (text) => {
  if (text.length === 0) return ch;
  const i = pos % text.length;
  return text.slice(0, i) + ch + text.slice(i + 1);
});

const deleteLines = fc
  .tuple(nat, fc.integer({ min: 1, max: 4 }))
  .map(([pos, n]): Mutation => (text) => {
    const all = lines(text);
    all.splice(pos % Math.max(1, all.length), n);
    return all.join("\n");
  });

const duplicateLines = fc
  .tuple(nat, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
  .map(([pos, n, times]): Mutation => (text) => {
    const all = lines(text);
    const i = pos % Math.max(1, all.length);
    const block = all.slice(i, i + n);
    all.splice(i, 0, ...Array.from({ length: times }, () => block).flat());
    return all.join("\n");
  });

const shiftIndent = fc
  .tuple(nat, fc.integer({ min: 1, max: 8 }), fc.integer({ min: -4, max: 4 }))
  .map(([pos, n, by]): Mutation => (text) => {
    const all = lines(text);
    const i = pos % Math.max(1, all.length);
    for (let k = i; k < Math.min(all.length, i + n); k++) {
      const line = all[k] ?? "";
      all[k] = by >= 0 ? " ".repeat(by) + line : line.replace(new RegExp(`^ {0,${-by}}`), "");
    }
    return all.join("\n");
  });

const typeSwap = fc.tuple(nat, fc.constantFrom(...SWAP_VALUES)).map(
  ([pos, value]): Mutation =>
    (text) =>
      replaceLine(text, pos, (line) => {
        const m = KEY_LINE.exec(line);
        return m ? `${m[1]}${m[2]}: ${value}` : line;
      }),
);

const hugeNumber = fc
  .tuple(
    nat,
    fc.constantFrom(
      "1e308",
      "99999999999999999999999",
      "9007199254740993",
      "4294967296",
      "-9223372036854775809",
      "1000001",
      "0.1",
      "1e-320",
      "5e-324",
    ),
  )
  .map(([pos, value]): Mutation => (text) => {
    const numbers = [...text.matchAll(/\b\d+\b/g)];
    if (numbers.length === 0) return text;
    const m = at(numbers, pos);
    const i = m.index ?? 0;
    return text.slice(0, i) + value + text.slice(i + m[0].length);
  });

const unicode = fc
  .tuple(nat, fc.constantFrom(...UNICODE), fc.integer({ min: 1, max: 3 }))
  .map(([pos, ch, times]): Mutation => (text) => {
    const i = text.length === 0 ? 0 : pos % text.length;
    return text.slice(0, i) + ch.repeat(times) + text.slice(i);
  });

const longString = fc
  .tuple(
    nat,
    fc.constantFrom(300, 4_000, 70_000, 210_000),
    fc.constantFrom("a", "a-", ".", "A", "/", "*.", "\u202e", "a.b-"),
  )
  .map(
    ([pos, n, unit]): Mutation =>
      (text) =>
        replaceLine(text, pos, (line) => {
          const m = KEY_LINE.exec(line);
          return m
            ? `${m[1]}${m[2]}: "${unit.repeat(Math.ceil(n / unit.length)).replace(/"/g, "")}"`
            : line;
        }),
  );

const anchors = fc
  .tuple(nat, nat, fc.constantFrom("a", "b"))
  .map(([from, to, name]): Mutation => (text) => {
    const anchored = replaceLine(text, from, (line) => {
      const m = KEY_LINE.exec(line);
      return m ? `${m[1]}${m[2]}: &${name}${m[3] ?? ""}` : line;
    });
    return replaceLine(anchored, to, (line) => {
      const m = KEY_LINE.exec(line);
      return m ? `${m[1]}${m[2]}: *${name}` : line;
    });
  });

const mergeKey = fc
  .tuple(
    nat,
    fc.constantFrom(
      "<<: *a",
      "<<: {x: 1}",
      "<<: [*a, *b]",
      "!!merge <<: {y: 2}",
      "<<: 5",
      "<<: null",
      "<<: !!merge x",
      "k: !!merge <<",
      "<<: [1, {a: b}]",
    ),
  )
  .map(
    ([pos, merge]): Mutation =>
      (text) =>
        replaceLine(text, pos, (line) => {
          const indent = /^\s*(?:- )?/.exec(line)?.[0].replace("- ", "  ") ?? "";
          return [line, `${indent}${merge}`];
        }),
  );

const customTag = fc.tuple(nat, fc.constantFrom(...TAGS)).map(
  ([pos, tag]): Mutation =>
    (text) =>
      replaceLine(text, pos, (line) => {
        const m = KEY_LINE.exec(line);
        return m ? `${m[1]}${m[2]}: ${tag}${m[3] ?? ""}` : line;
      }),
);

const duplicateKey = fc.tuple(nat, fc.constantFrom(...SWAP_VALUES.slice(0, 12))).map(
  ([pos, value]): Mutation =>
    (text) =>
      replaceLine(text, pos, (line) => {
        const m = KEY_LINE.exec(line);
        if (!m) return line;
        return [line, `${(m[1] ?? "").replace("- ", "  ")}${m[2]}: ${value}`];
      }),
);

const docMarker = fc
  .tuple(nat, fc.constantFrom(...MARKERS))
  .map(([pos, marker]): Mutation => (text) => {
    const all = lines(text);
    all.splice(pos % (all.length + 1), 0, marker);
    return all.join("\n");
  });

const prototypeKey = fc
  .tuple(
    nat,
    fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "prototype",
      "valueOf",
    ),
  )
  .map(
    ([pos, key]): Mutation =>
      (text) =>
        replaceLine(text, pos, (line) => {
          const m = KEY_LINE.exec(line);
          return m ? `${m[1]}${key}:${m[3] ?? ""}` : line;
        }),
  );

const MUTATIONS = [
  byteFlip,
  deleteLines,
  duplicateLines,
  shiftIndent,
  typeSwap,
  hugeNumber,
  unicode,
  longString,
  anchors,
  mergeKey,
  customTag,
  duplicateKey,
  docMarker,
  prototypeKey,
];

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: byteFlip },
  { weight: 1, arbitrary: deleteLines },
  { weight: 1, arbitrary: duplicateLines },
  { weight: 1, arbitrary: shiftIndent },
  { weight: 4, arbitrary: typeSwap },
  { weight: 1, arbitrary: hugeNumber },
  { weight: 1, arbitrary: unicode },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: anchors },
  { weight: 1, arbitrary: mergeKey },
  { weight: 1, arbitrary: customTag },
  { weight: 1, arbitrary: duplicateKey },
  { weight: 1, arbitrary: docMarker },
  { weight: 1, arbitrary: prototypeKey },
  // Parsed, changed at a real path and written back: valid YAML, broken Gateway API.
  { weight: 8, arbitrary: structuredMutationArb },
);

export const MUTATION_COUNT = MUTATIONS.length;

/** One fuzz input: a seed file (sometimes two concatenated), then 1–6 mutations applied in order. */
export function fuzzInputArb(
  seeds: readonly SeedFile[],
): fc.Arbitrary<{ name: string; text: string }> {
  if (seeds.length === 0) throw new Error("fuzz: no seed manifests");
  const seed = fc.integer({ min: 0, max: seeds.length - 1 });
  return fc
    .record({
      first: seed,
      second: fc.option(seed, { freq: 4 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
    })
    .map(({ first, second, mutations }) => {
      const a = seeds[first] as SeedFile;
      const b = second === null ? undefined : seeds[second];
      let text = b ? `${a.text}\n---\n${b.text}` : a.text;
      for (const mutate of mutations) text = mutate(text);
      return { name: a.name, text };
    });
}
