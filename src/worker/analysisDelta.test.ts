import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyDelta, deepEqual, diffValue } from "./analysisDelta";

/** Plain data as an analysis holds it, with the names that matter here: ids, keys, `__proto__`. */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, -0, NaN, 1.5)),
    fc.constantFrom("a", "b", "", "__proto__"),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    tie("object"),
    tie("array"),
    tie("keyed"),
  ),
  object: fc.dictionary(
    fc.constantFrom("a", "b", "c", "id", "key", "rank", "__proto__", "constructor"),
    tie("value"),
    { maxKeys: 4 },
  ),
  array: fc.array(tie("value"), { maxLength: 5 }),
  // Elements with unique ids, as graph nodes and edges are.
  keyed: fc.uniqueArray(
    fc.record({ id: fc.constantFrom("n1", "n2", "n3", "n4"), v: tie("value") }),
    { selector: (n) => n.id, maxLength: 4 },
  ),
}));

/** Small edits of a value, so the pair shares most of its structure (as two revisions do). */
function mutate(v: unknown, pick: number): unknown {
  if (Array.isArray(v)) {
    const out = [...v];
    if (out.length === 0 || pick % 4 === 0) out.splice(pick % (out.length + 1), 0, pick);
    else if (pick % 4 === 1) out.splice(pick % out.length, 1);
    else if (pick % 4 === 2) out.reverse();
    else out[pick % out.length] = mutate(out[pick % out.length], pick >> 2);
    return out;
  }
  if (typeof v === "object" && v !== null) {
    const keys = Object.keys(v);
    const out: Record<string, unknown> = {};
    for (const k of keys)
      Object.defineProperty(out, k, {
        value: (v as Record<string, unknown>)[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    if (keys.length === 0 || pick % 3 === 0) out[`k${pick % 5}`] = pick;
    else if (pick % 3 === 1) delete out[keys[pick % keys.length]!];
    else {
      const k = keys[pick % keys.length]!;
      Object.defineProperty(out, k, {
        value: mutate(out[k], pick >> 2),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return typeof v === "number" ? v + 1 : pick;
}

describe("analysis deltas", () => {
  test("applying the delta from a to b gives b (deep-equal, same key order), for any plain data", () => {
    fc.assert(
      fc.property(value, value, fc.array(fc.nat(), { maxLength: 4 }), (a, other, picks) => {
        for (const b of [other, picks.reduce((v, p) => mutate(v, p), a)]) {
          const delta = structuredClone(diffValue(a, b));
          const applied = applyDelta(structuredClone(a), delta);
          expect(applied).toEqual(b);
          expect(JSON.stringify(applied)).toBe(JSON.stringify(b));
          if (typeof b === "object" && b !== null)
            expect(Object.getOwnPropertyNames(applied)).toEqual(Object.getOwnPropertyNames(b));
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  test("equal values have no delta; 0 and -0, NaN and NaN are told apart as toEqual does", () => {
    fc.assert(
      fc.property(value, (a) => {
        expect(diffValue(a, structuredClone(a))).toBeUndefined();
      }),
      { numRuns: 500, seed: 12 },
    );
    expect(diffValue(0, -0)).toEqual({ t: "v", v: -0 });
    expect(diffValue(NaN, NaN)).toBeUndefined();
    expect(deepEqual({ a: undefined }, {})).toBe(false);
    expect(deepEqual([1, [2, { x: "y" }]], [1, [2, { x: "y" }]])).toBe(true);
  });

  test("deepEqual (the allocation-free walk) holds exactly when diffValue finds no delta", () => {
    fc.assert(
      fc.property(value, value, fc.array(fc.nat(), { maxLength: 3 }), (a, other, picks) => {
        for (const b of [other, structuredClone(a), picks.reduce((v, p) => mutate(v, p), a)])
          expect(deepEqual(a, b)).toBe(diffValue(a, b) === undefined);
      }),
      { numRuns: 2000, seed: 13 },
    );
    // Key order counts (a delta re-orders), an array is never an object with numbered keys.
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual({ k: [1, { x: NaN }] }, { k: [1, { x: NaN }] })).toBe(true);
  });

  test("a `__proto__` name is an own property on both sides, never the prototype", () => {
    const a = JSON.parse('{"__proto__": {"polluted": 1}, "x": 1}') as Record<string, unknown>;
    const b = JSON.parse('{"__proto__": {"polluted": 2}, "x": 1}') as Record<string, unknown>;
    const applied = applyDelta(a, structuredClone(diffValue(a, b))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(applied)).toBe(Object.prototype);
    expect(Object.hasOwn(applied, "__proto__")).toBe(true);
    expect(JSON.stringify(applied)).toBe('{"__proto__":{"polluted":2},"x":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("one changed node: the delta names only it, and everything else keeps its identity", () => {
    const node = (id: string, status: string) => ({ id, status, details: { rows: [id, 1, 2] } });
    const prev = {
      graph: { nodes: [node("a", "ok"), node("b", "ok"), node("c", "ok")], edges: [] },
      status: { a: { ok: true }, b: { ok: true } },
    };
    const next = {
      graph: { nodes: [node("a", "ok"), node("b", "error"), node("c", "ok")], edges: [] },
      status: { a: { ok: true }, b: { ok: false } },
    };
    const delta = diffValue(prev, next);
    expect(delta).toEqual({
      t: "o",
      del: [],
      set: [
        [
          "graph",
          {
            t: "o",
            del: [],
            set: [
              [
                "nodes",
                {
                  t: "a",
                  n: 3,
                  copy: [
                    [0, 0, 1],
                    [2, 2, 1],
                  ],
                  set: [[1, 1, { t: "o", del: [], set: [["status", { t: "v", v: "error" }]] }]],
                },
              ],
            ],
          },
        ],
        [
          "status",
          {
            t: "o",
            del: [],
            set: [["b", { t: "o", del: [], set: [["ok", { t: "v", v: false }]] }]],
          },
        ],
      ],
    });
    const applied = applyDelta(prev, delta) as typeof next;
    expect(applied).toEqual(next);
    expect(applied.graph.nodes[0]).toBe(prev.graph.nodes[0]);
    expect(applied.graph.nodes[2]).toBe(prev.graph.nodes[2]);
    expect(applied.graph.nodes[1]?.details).toBe(prev.graph.nodes[1]?.details);
    expect(applied.graph.edges).toBe(prev.graph.edges);
    expect(applied.status.a).toBe(prev.status.a);
  });

  test("nodes matched by id survive reordering and insertion without being re-sent", () => {
    const nodes = ["a", "b", "c", "d"].map((id) => ({ id, big: { text: id.repeat(100) } }));
    const next = [nodes[3], { id: "e", big: { text: "e" } }, nodes[0], nodes[1]].map((n) =>
      structuredClone(n),
    );
    const delta = diffValue(nodes, next);
    expect(delta).toEqual({
      t: "a",
      n: 4,
      copy: [
        [0, 3, 1],
        [2, 0, 2],
      ],
      set: [[1, -1, { t: "v", v: { id: "e", big: { text: "e" } } }]],
    });
    const applied = applyDelta(nodes, delta) as typeof nodes;
    expect(applied).toEqual(next);
    expect(applied[2]).toBe(nodes[0]);
  });

  test("a list whose elements were replaced where they sat is paired without reading every id", () => {
    // The worker's lists are patched in place (a keystroke's revision): building a map of every
    // element's id, for both lists, was most of the diff at 10,000 routes.
    let reads = 0;
    const counted = (id: string, v: number) => {
      const item = { v } as { id: string; v: number };
      Object.defineProperty(item, "id", {
        enumerable: true,
        get: () => {
          reads++;
          return id;
        },
      });
      return item;
    };
    const prev = Array.from({ length: 500 }, (_, i) => counted(`e${i}`, i));
    const next = prev.slice();
    next[250] = counted("e250", -1);
    reads = 0;
    const delta = diffValue(prev, next);
    expect(reads).toBeLessThanOrEqual(4);
    expect(delta).toEqual({
      t: "a",
      n: 500,
      copy: [
        [0, 0, 250],
        [251, 251, 249],
      ],
      set: [[250, 250, { t: "o", del: [], set: [["v", { t: "v", v: -1 }]] }]],
    });
    expect(applyDelta(prev, delta)).toEqual(next);
  });

  test("chunks of edges: the delta names the chunk that changed, the others are copied", () => {
    const chunk = (c: number) =>
      Array.from({ length: 4 }, (_, i) => ({ id: `e${c * 4 + i}`, label: "50%" }));
    const prev = { edgeChunks: [chunk(0), chunk(1), chunk(2)] };
    const changed = chunk(1).map((e, i) => (i === 2 ? { ...e, label: "80%" } : e));
    const next = { edgeChunks: [prev.edgeChunks[0], changed, prev.edgeChunks[2]] };
    const delta = diffValue(prev, next);
    expect(delta).toEqual({
      t: "o",
      del: [],
      set: [
        [
          "edgeChunks",
          {
            t: "a",
            n: 3,
            copy: [
              [0, 0, 1],
              [2, 2, 1],
            ],
            set: [
              [
                1,
                1,
                {
                  t: "a",
                  n: 4,
                  copy: [
                    [0, 0, 2],
                    [3, 3, 1],
                  ],
                  set: [[2, 2, { t: "o", del: [], set: [["label", { t: "v", v: "80%" }]] }]],
                },
              ],
            ],
          },
        ],
      ],
    });
    const applied = applyDelta(prev, delta) as typeof next;
    expect(applied).toEqual(next);
    expect(applied.edgeChunks[0]).toBe(prev.edgeChunks[0]);
  });

  test("a diagnostic inserted into a list shifts the rest, which are copied, not re-sent", () => {
    const diags = [10, 20, 30, 40].map((line) => ({ line, message: `at ${line}` }));
    const next = [diags[0], { line: 15, message: "new" }, diags[1], diags[2], diags[3]];
    expect(diffValue(diags, next)).toEqual({
      t: "a",
      n: 5,
      copy: [
        [0, 0, 1],
        [2, 1, 3],
      ],
      set: [[1, -1, { t: "v", v: { line: 15, message: "new" } }]],
    });
    const removed = [diags[0], diags[2], diags[3]];
    expect(diffValue(diags, removed)).toEqual({
      t: "a",
      n: 3,
      copy: [
        [0, 0, 1],
        [1, 2, 2],
      ],
      set: [],
    });
  });

  test("objects whose line ranges only moved are sent as runs of a count, not one by one", () => {
    const summary = (i: number, line: number) => ({
      key: `HTTPRoute/bench/route-${i}`,
      kind: "HTTPRoute",
      name: `route-${i}`,
      docIndex: i,
      line,
      endLine: line + 15,
    });
    const objects = Array.from({ length: 10_000 }, (_, i) => summary(i, 1 + 17 * i));
    // Enter in the third object: it grows by a line, every later one moves down by one; the
    // last one also changed (a label typed), one moved its first line only (laid out anew).
    const next = objects.map((o, i) =>
      i < 2
        ? o
        : i === 2
          ? { ...o, endLine: o.endLine + 1 }
          : { ...o, line: o.line + 1, endLine: o.endLine + 1 },
    );
    next[5000] = { ...(next[5000] as (typeof next)[number]), endLine: objects[5000]!.endLine + 3 };
    next[9999] = { ...(next[9999] as (typeof next)[number]), name: "renamed" };
    const delta = structuredClone(diffValue(objects, next));
    expect(delta).toMatchObject({
      t: "a",
      copy: [[0, 0, 2]],
      moved: [
        [3, 3, 4997, 1],
        [5001, 5001, 4998, 1],
      ],
    });
    expect(delta?.t === "a" && delta.set.map(([i]) => i)).toEqual([2, 5000, 9999]);
    expect(JSON.stringify(delta).length).toBeLessThan(1000);
    const applied = applyDelta(structuredClone(objects), delta) as typeof next;
    expect(applied).toEqual(next);
    expect(JSON.stringify(applied)).toBe(JSON.stringify(next));
    // Lines moved up (Backspace) and back: the same runs, by -1.
    expect(diffValue(next.slice(0, 9999), objects.slice(0, 9999))).toMatchObject({
      moved: [
        [3, 3, 4997, -1],
        [5001, 5001, 4998, -1],
      ],
    });
  });

  test("elements the producer says only moved give the same delta, read by their place only", () => {
    const summary = (i: number, line: number) => ({
      key: `HTTPRoute/bench/route-${i}`,
      kind: "HTTPRoute",
      docIndex: i,
      line,
      endLine: line + 15,
    });
    const objects = Array.from({ length: 10_000 }, (_, i) => summary(i, 1 + 17 * i));
    // Enter in the third object; the last one renamed too (outside the hinted runs).
    const next = objects.map((o, i) =>
      i < 3
        ? i === 2
          ? { ...o, endLine: o.endLine + 1 }
          : o
        : { ...o, line: o.line + 1, endLine: o.endLine + 1 },
    );
    next[9999] = { ...(next[9999] as (typeof next)[number]), kind: "renamed" };
    const runs = [[3, 9996] as const];
    const hints = (list: readonly unknown[]) =>
      list === next ? { from: objects, runs } : undefined;
    const hinted = diffValue({ objects }, { objects: next }, hints);
    expect(hinted).toEqual(diffValue({ objects }, { objects: next }));
    expect(applyDelta({ objects }, hinted)).toEqual({ objects: next });
    // The shortcut is taken: a hinted element is not compared key by key (a hint that lies about
    // one is believed), while one outside the runs, or a hint for another base, is.
    const lie = next.slice();
    lie[4] = { ...(lie[4] as (typeof next)[number]), kind: "lied" };
    const lying = (list: readonly unknown[]) =>
      list === lie ? { from: objects, runs } : undefined;
    const believed = diffValue(objects, lie, lying);
    expect(believed).toEqual(diffValue(objects, next));
    expect(diffValue(objects.slice(), lie, lying)).toEqual(diffValue(objects.slice(), lie));
    expect(diffValue(objects, lie, lying)).not.toEqual(diffValue(objects, lie));
  });

  test("objects in renumbered documents (a `---` typed or deleted above them) are sent as runs", () => {
    const summary = (i: number) => ({
      key: `HTTPRoute/bench/route-${i}`,
      file: "bench.yaml",
      docIndex: i,
      line: 1 + 17 * i,
      endLine: 16 + 17 * i,
    });
    const objects = Array.from({ length: 10_000 }, (_, i) => summary(i));
    // `---` and a line break typed before document 2: every later object one document and one
    // line on; before document 9000 typed over a blank line: one document on, no line moved.
    const renumbered = (o: (typeof objects)[number], docs: number, lines: number) => ({
      ...o,
      docIndex: o.docIndex + docs,
      line: o.line + lines,
      endLine: o.endLine + lines,
    });
    const next = objects.map((o, i) =>
      i < 2 ? o : i < 9000 ? renumbered(o, 1, 1) : renumbered(o, 2, 1),
    );
    const delta = structuredClone(diffValue(objects, next));
    expect(delta).toMatchObject({
      t: "a",
      copy: [[0, 0, 2]],
      set: [],
      moved: [
        [2, 2, 8998, 1, 1],
        [9000, 9000, 1000, 1, 2],
      ],
    });
    const applied = applyDelta(structuredClone(objects), delta);
    expect(JSON.stringify(applied)).toBe(JSON.stringify(next));
    // Deleted again: the same runs back; renumbered without a line moved: `by` 0.
    expect(diffValue(next, objects)).toMatchObject({
      moved: [
        [2, 2, 8998, -1, -1],
        [9000, 9000, 1000, -1, -2],
      ],
    });
    const inPlace = objects.map((o, i) => (i < 2 ? o : renumbered(o, 1, 0)));
    const sameLines = diffValue(objects, inPlace);
    expect(sameLines).toMatchObject({ moved: [[2, 2, 9998, 0, 1]] });
    expect(JSON.stringify(applyDelta(objects, sameLines))).toBe(JSON.stringify(inPlace));
  });

  test("entries a re-ranked entry passed are sent as runs of a rank change, not one by one", () => {
    // A virtual host's entries, ranked 1..1,000; the route at 580 re-ranked to 400 (a path typed
    // longer): the 180 entries between move down one place, nothing else about them changes.
    const entry = (i: number, rank: number) => ({
      rank,
      route: `HTTPRoute/bench/route-${i}`,
      name: `route-${i}`,
      match: { path: { type: "PathPrefix", value: `/r${i}/api` } },
      backends: [{ name: "backend-a", weight: 1 }],
    });
    const entries = Array.from({ length: 1000 }, (_, i) => entry(i, i + 1));
    const retyped = {
      ...entry(579, 400),
      match: { path: { type: "PathPrefix", value: "/r579/apix" } },
    };
    const next = [
      ...entries.slice(0, 399),
      retyped,
      ...entries.slice(399, 579).map((e) => ({ ...e, rank: e.rank + 1 })),
      ...entries.slice(580),
    ];
    const delta = structuredClone(diffValue(entries, next));
    expect(delta).toMatchObject({
      t: "a",
      copy: [
        [0, 0, 399],
        [580, 580, 420],
      ],
      ranked: [[400, 399, 180, 1]],
    });
    expect(delta?.t === "a" && delta.set.map(([i, from]) => [i, from])).toEqual([[399, -1]]);
    expect(JSON.stringify(delta).length).toBeLessThan(600);
    const applied = applyDelta(structuredClone(entries), delta);
    expect(applied).toEqual(next);
    expect(JSON.stringify(applied)).toBe(JSON.stringify(next));
    // And back (the path typed as it was): the entries move up one place.
    expect(diffValue(next, entries)).toMatchObject({ ranked: [[399, 400, 180, -1]] });
  });
});
