import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { analyze, type SourceFile, type WorldMode } from "../engine";
import { createAnalysisReceiver, type SendAnalysisUpdate } from "./analysisReceiver";
import { createEngineApi, type AnalysisUpdate } from "./engineApi";
import { createRevisionCache } from "./revisionCache";
import { generateBenchConfig } from "../../bench/generateBenchConfig";
import { markerEdit } from "../test-utils/markerEdits";

const EPOCH = "2026-01-01T00:00:00Z";
const clock = () => EPOCH;
const example = (name: string): string =>
  readFileSync(new URL(`../../fixtures/examples/${name}`, import.meta.url), "utf8");
const at = (text: string): SourceFile[] => [{ name: "workspace.yaml", text }];

/** The worker behind a structured clone, as postMessage delivers it; records what it sent. */
function worker(capacity = 3) {
  const api = createEngineApi(createRevisionCache({ clock, capacity }));
  const sent: AnalysisUpdate[] = [];
  const send: SendAnalysisUpdate = async (...args) => {
    const update = structuredClone(await api.analysisUpdate(...args));
    sent.push(update);
    return update;
  };
  return { api, send, sent };
}

const kinds = (updates: readonly AnalysisUpdate[]) =>
  updates.map((u) => ("full" in u ? "full" : "delta"));

describe("the page's analysis arrives as deltas", () => {
  const bases = [
    "shared-gateway-two-teams.yaml",
    "external-vs-internal-isolation.yaml",
    "broken-on-purpose.yaml",
    "envoy-gateway-policies.yaml",
  ].map(example);

  type Edit = (text: string) => string;
  const documents = (text: string) => text.split(/^---$/m);
  const edit = fc.oneof(
    fc.nat({ max: 99 }).map(
      (n): Edit =>
        (t) =>
          t.replace(/weight: \d+/, `weight: ${n}`),
    ),
    fc.constantFrom("shop", "api", "internal").map(
      (h): Edit =>
        (t) =>
          t.replace(/([a-z]+)\.example\.com/, `${h}.example.com`),
    ),
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      d.splice(i % d.length, 1);
      return d.join("---");
    }),
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      d.splice(i % d.length, 0, d[i % d.length] ?? "");
      return d.join("---");
    }),
    // A `---` typed at the start of a line (a document split, or a new empty one: the later
    // documents renumbered), or one deleted (two documents joined).
    markerEdit,
    // A character typed anywhere (syntax errors and shifted lines included), or one deleted.
    fc.tuple(fc.nat(), fc.constantFrom(":", " ", "-", "x", "\n", "[", '"', "#")).map(
      ([i, c]): Edit =>
        (t) =>
          t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1)),
    ),
    fc.nat().map(
      (i): Edit =>
        (t) =>
          t.slice(0, i % (t.length + 1)) + t.slice((i % (t.length + 1)) + 1),
    ),
  );
  const step = fc.record({
    edit,
    // Mostly the same world (deltas); sometimes a switch (a full analysis).
    world: fc.constantFrom<WorldMode>("auto", "auto", "auto", "closed"),
  });

  test("after any edit sequence the page's analysis equals a fresh one; a delta whenever it can be", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bases.length - 1 }),
        fc.array(step, { minLength: 1, maxLength: 6 }),
        async (base, steps) => {
          const { send, sent } = worker();
          const page = createAnalysisReceiver("page-1", send);
          let text = bases[base]!;
          let world: WorldMode = "auto";
          const expected: string[] = [];
          await page.analyze(0, at(text), world);
          expected.push("full");
          for (const [i, s] of steps.entries()) {
            text = s.edit(text);
            expected.push(s.world === world ? "delta" : "full");
            world = s.world;
            const result = await page.analyze(i + 1, at(text), world);
            expect(result.revision).toBe(i + 1);
            expect(result.analysis).toEqual(analyze(at(text), { clock, world }));
          }
          expect(kinds(sent)).toEqual(expected);
        },
      ),
      { numRuns: 25, seed: 1111 },
    );
    // 25 runs of up to 7 analyses take ~2 s alone; the default 5 s is too tight on a shared CI core.
  }, 30_000);

  test("a weight edit re-sends the edge it changed, and the other nodes keep their identity", async () => {
    const { send, sent } = worker();
    const page = createAnalysisReceiver("page-1", send);
    const text = example("shared-gateway-two-teams.yaml");
    const before = (await page.analyze(1, at(text), "auto")).analysis;
    const after = (await page.analyze(2, at(text.replace("weight: 90", "weight: 80")), "auto"))
      .analysis;
    const update = sent[1];
    if (!update || !("delta" in update)) throw new Error("expected a delta");
    // A fraction of the analysis is posted.
    expect(JSON.stringify(update.delta).length).toBeLessThan(JSON.stringify(after).length / 4);
    const changed = after.graph.edges.filter((e, i) => e !== before.graph.edges[i]);
    expect(changed.map((e) => e.kind)).toEqual(["backend", "backend"]);
    expect(after.graph.nodes.filter((n, i) => n !== before.graph.nodes[i])).toHaveLength(0);
    expect(after.graph.nodes).toBe(before.graph.nodes);
    expect(after.objects).toBe(before.objects);
    // Sent again unchanged: the page's view is the very one it held.
    expect(
      (await page.analyze(3, at(text.replace("weight: 90", "weight: 80")), "auto")).analysis,
    ).toBe(after);
  });

  test("at 1,000 routes, lines added or removed above most of them: equal to a fresh analysis, in deltas of a few hundred bytes", async () => {
    // A misspelt field in the last document: a validation diagnostic every edit below moves.
    const misspelt =
      "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: last\n  namespace: bench\nspec:\n  parentRefz:\n    - name: gw\n";
    // A comment line after the first line and one in the middle: deleting one moves the
    // documents after it up, past where the first analysis had them.
    const bench = generateBenchConfig(1000).yaml + misspelt;
    const lineEnds = [bench.indexOf("\n"), bench.indexOf("\n", bench.length >> 1)];
    const withNotes =
      bench.slice(0, lineEnds[0]) +
      "\n# note" +
      bench.slice(lineEnds[0], lineEnds[1]) +
      "\n# note" +
      bench.slice(lineEnds[1]);
    const { send, sent } = worker();
    const page = createAnalysisReceiver("page-1", send);
    await page.analyze(0, at(withNotes), "auto");
    const notes = [withNotes.indexOf("\n# note"), withNotes.lastIndexOf("\n# note")];
    const texts = notes.flatMap((i) => {
      const ins = (s: string) => withNotes.slice(0, i) + s + withNotes.slice(i);
      // Enter; a comment typed on the new line; Backspace joining it to the line above; the
      // note deleted whole.
      return [
        ins("\n  "),
        ins("\n  #"),
        ins("  #"),
        withNotes.slice(0, i) + withNotes.slice(i + 7),
      ];
    });
    for (const [n, next] of texts.entries()) {
      const result = await page.analyze(n + 1, at(next), "auto");
      expect(result.analysis).toEqual(analyze(at(next), { clock }));
      expect(result.analysis.diagnostics.some((d) => d.path?.includes("parentRefz"))).toBe(true);
      const update = sent[sent.length - 1];
      if (!update || !("delta" in update)) throw new Error("expected a delta");
      // Every object's line range moved: posted as runs, not object by object (~200 kB).
      expect(JSON.stringify(update.delta ?? null).length).toBeLessThan(4000);
    }
  }, 60_000);

  test("at 1,000 routes, a path typed in a route without hostnames: its entries re-ranked in the catch-all host are posted as a run", async () => {
    // Route 999 has no hostnames (every 50th): its entries rank among the 100 of the host that
    // serves every name, and a longer path moves them above the entries of the routes between.
    const bench = generateBenchConfig(1000).yaml;
    const { send, sent } = worker();
    const page = createAnalysisReceiver("page-1", send);
    await page.analyze(0, at(bench), "auto");
    let text = bench;
    for (const [n, typed] of ["x", "y", "z"].entries()) {
      const at999 = text.indexOf("}", text.indexOf("value: /r999/api"));
      text = text.slice(0, at999) + typed + text.slice(at999);
      const result = await page.analyze(n + 1, at(text), "auto");
      expect(result.analysis).toEqual(analyze(at(text), { clock }));
      const update = sent[sent.length - 1];
      if (!update || !("delta" in update)) throw new Error("expected a delta");
      // Entry by entry, the passed entries' routes, names and matches: 4.8 kB per keystroke.
      expect(JSON.stringify(update.delta ?? null).length).toBeLessThan(2000);
    }
  }, 60_000);

  test("an answer on a base the page does not hold is asked again in full", async () => {
    const { api, sent } = worker();
    const text = example("shared-gateway-two-teams.yaml");
    // Another caller in the same session moved the worker's base on: the page's delta would not apply.
    let sneak = true;
    const send: SendAnalysisUpdate = async (session, base, revision, sources, world) => {
      if (sneak && base !== undefined) {
        sneak = false;
        await api.analysisUpdate(session, base, revision, sources, world);
        // The worker's base is now that unseen answer; lie about it to the page.
        const update = await api.analysisUpdate(session, base + 1, revision, sources, world);
        sent.push(update);
        return { ...update, base: -1 } as AnalysisUpdate;
      }
      const update = structuredClone(
        await api.analysisUpdate(session, base, revision, sources, world),
      );
      sent.push(update);
      return update;
    };
    const page = createAnalysisReceiver("page-1", send);
    await page.analyze(1, at(text), "auto");
    const edited = text.replace("weight: 90", "weight: 70");
    const result = await page.analyze(2, at(edited), "auto");
    expect(result.analysis).toEqual(analyze(at(edited), { clock }));
    expect(kinds(sent)).toEqual(["full", "delta", "full"]);
  });

  test("a restarted worker (no base) answers in full; two sessions keep their own base", async () => {
    const text = example("shared-gateway-two-teams.yaml");
    const first = worker();
    let send = first.send;
    const page = createAnalysisReceiver("page-1", (...args) => send(...args));
    await page.analyze(1, at(text), "auto");
    const restarted = worker();
    send = restarted.send;
    const edited = text.replace("weight: 90", "weight: 60");
    expect((await page.analyze(2, at(edited), "auto")).analysis).toEqual(
      analyze(at(edited), { clock }),
    );
    expect(kinds(restarted.sent)).toEqual(["full"]);

    const other = createAnalysisReceiver("page-2", restarted.send);
    await other.analyze(1, at(text), "auto");
    await page.analyze(3, at(text), "auto");
    await other.analyze(2, at(edited), "auto");
    expect(kinds(restarted.sent)).toEqual(["full", "full", "delta", "delta"]);
  });
});
