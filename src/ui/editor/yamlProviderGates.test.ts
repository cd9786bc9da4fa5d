import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isScalar, parseAllDocuments, visit } from "yaml";
import {
  blockStringCodeActionProvider,
  firstLongQuotedStringLine,
  quietFoldingProvider,
  type GateClock,
  type GatedModel,
  type GatedToken,
} from "./yamlProviderGates";

/** Whether the gate lets a request for lines ..`endLine` through to monaco-yaml. */
const gate = (text: string, endLine: number) => {
  const lines = text.split("\n");
  return firstLongQuotedStringLine(lines.length, (n) => lines[n - 1]!) <= endLine;
};

/**
 * What monaco-yaml's worker answers (yaml-language-server's getConvertStringToBlockStyleActions,
 * through the same `yaml` package): a quoted string longer than 80 or holding a line break that
 * contains the range or lies inside it.
 */
function workerOffersAction(text: string, start: number, end: number): boolean {
  let found = false;
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!("contents" in doc)) continue;
    visit(doc, (_key, node) => {
      if (!isScalar(node) || !node.range) return;
      if (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE") return;
      const [from, , to] = node.range;
      const intersects = (start <= from && to <= end) || (from <= start && end <= to);
      const long =
        typeof node.value === "string" && (node.value.includes("\n") || node.value.length > 80);
      if (intersects && long) found = true;
    });
  }
  return found;
}

describe("firstLongQuotedStringLine", () => {
  const routes = [
    "apiVersion: gateway.networking.k8s.io/v1",
    "kind: HTTPRoute # the team's route",
    "spec:",
    "  hostnames:",
    '    - "app.example.com"',
    "    - 'admin.example.com' # the admin site",
    "  rules:",
    '    # don\'t match "/" here',
    "    - backendRefs:",
    "        - name: svc",
    "          port: 80",
  ].join("\n");

  test("no quotes, short closed quoted values, quotes in comments: nothing to offer", () => {
    expect(gate("kind: Service\nspec:\n  port: 80", 3)).toBe(false);
    expect(gate(routes, 11)).toBe(false);
  });

  test("a long quoted value, an escape or a string left open: the worker is asked", () => {
    expect(gate(`a: b\nmessage: "${"x".repeat(90)}"`, 2)).toBe(true);
    expect(gate('a: b\nmessage: "one\\ntwo"', 2)).toBe(true);
    expect(gate('message: "one\n  two\n  three"\nport: 80', 1)).toBe(true);
    expect(gate("message: 'it''s'", 1)).toBe(true);
    expect(gate('items: ["a", "b"]', 1)).toBe(true);
    expect(gate("note: it's plain", 1)).toBe(true); // a quote in a plain value: errs towards true
    expect(gate('a#b: "open', 1)).toBe(true); // that # is part of the key, not a comment
  });

  test("only lines at or above the range count, across documents", () => {
    const text = `${routes}\n---\nmessage: "one\n---\n${routes}`;
    expect(gate(text, 12)).toBe(false);
    expect(gate(text, 13)).toBe(true);
    // The string left open runs across the marker: ranges below it are still asked about.
    expect(gate(text, text.split("\n").length)).toBe(true);
  });

  test("never says no where monaco-yaml's worker has an action (generated YAML)", () => {
    const long = "y".repeat(85);
    const fragments = [
      "a: b",
      "  c: d",
      "- e",
      "  - f: g",
      "---",
      "  ---",
      "...",
      'h: "short"',
      "i: 'short'",
      '- "short" # note',
      `j: "${long}"`,
      `k: '${long}'`,
      'l: "one\\ntwo"',
      'm: "open',
      "n: 'open",
      "  continued",
      '  closed"',
      "  closed'",
      '  end: ", "',
      "o: it's",
      'p: [ "a", "b',
      "q: {r: 's'}",
      "t: |",
      '  "in a block"',
      "# a 'comment'",
      "u: v # it's \"x",
      'a#b: "open',
      "",
    ];
    let offered = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 14 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (picked, a, b, colA, colB) => {
          const text = picked.join("\n");
          const lines = picked;
          let startLine = (a % lines.length) + 1;
          let endLine = (b % lines.length) + 1;
          if (endLine < startLine) [startLine, endLine] = [endLine, startLine];
          const offsetOf = (line: number, col: number) => {
            let offset = 0;
            for (let i = 1; i < line; i++) offset += lines[i - 1]!.length + 1;
            return offset + (col % (lines[line - 1]!.length + 1));
          };
          let start = offsetOf(startLine, colA);
          let end = offsetOf(endLine, colB);
          if (end < start) [start, end] = [end, start];
          if (!workerOffersAction(text, start, end)) return;
          offered++;
          expect(gate(text, endLine)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    // The generated texts do reach the cases that matter: 320 to 375 of the 3,000 runs offer an
    // action (unseeded; six runs); 150 is far below that and far above 0.
    expect(offered).toBeGreaterThan(150);
  });
});

function fakeClock() {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: GateClock = {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout(id) {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = async (ms: number) => {
    now += ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= now);
      if (due.length === 0) break;
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    }
    await Promise.resolve();
    await Promise.resolve();
  };
  return { clock, advance };
}

function fakeModel(text: string) {
  const listeners: (() => void)[] = [];
  let version = 1;
  const lines = text.split("\n");
  let lineReads = 0;
  const model: GatedModel = {
    getVersionId: () => version,
    getLineCount: () => lines.length,
    getLineContent: (n) => (lineReads++, lines[n - 1]!),
    onDidChangeContent(listener) {
      listeners.push(listener);
      return { dispose: () => undefined };
    },
  };
  const change = () => {
    version++;
    for (const l of listeners) l();
  };
  return { model, change, reads: () => lineReads };
}

function fakeToken() {
  const listeners: (() => void)[] = [];
  const token = {
    isCancellationRequested: false,
    onCancellationRequested(listener: () => void) {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
  };
  const cancel = () => {
    token.isCancellationRequested = true;
    for (const l of [...listeners]) l();
  };
  return { token: token as GatedToken & { isCancellationRequested: boolean }, cancel };
}

describe("quietFoldingProvider", () => {
  const ranges = [{ start: 1, end: 3 }];
  function setup() {
    const calls: number[] = [];
    const { clock, advance } = fakeClock();
    const provider = quietFoldingProvider(
      { provideFoldingRanges: () => (calls.push(clock.now()), ranges) },
      1000,
      clock,
    );
    return { calls, clock, advance, provider };
  }

  test("the first request (the model opening) is answered at once", async () => {
    const { calls, provider } = setup();
    const { model } = fakeModel("a: b");
    await expect(provider.provideFoldingRanges(model, {}, fakeToken().token)).resolves.toBe(ranges);
    expect(calls).toEqual([0]);
  });

  test("after a change, waits until the text has been quiet for the whole period", async () => {
    const { calls, advance, provider } = setup();
    const { model, change } = fakeModel("a: b");
    await provider.provideFoldingRanges(model, {}, fakeToken().token);
    change();
    await advance(300);
    let answer: unknown;
    void Promise.resolve(provider.provideFoldingRanges(model, {}, fakeToken().token)).then(
      (r) => (answer = r),
    );
    await advance(600);
    expect(calls).toEqual([0]);
    await advance(100);
    expect(calls).toEqual([0, 1000]);
    expect(answer).toBe(ranges);
  });

  test("a request cancelled while it waits never reaches the worker, and is never answered", async () => {
    const { calls, advance, provider } = setup();
    const { model, change } = fakeModel("a: b");
    await provider.provideFoldingRanges(model, {}, fakeToken().token);
    change();
    const { token, cancel } = fakeToken();
    let settled = false;
    const settle = () => (settled = true);
    void Promise.resolve(provider.provideFoldingRanges(model, {}, token)).then(settle, settle);
    await advance(200);
    cancel();
    await advance(5000);
    expect(calls).toEqual([0]);
    // Monaco's SyntaxRangeProvider computes indentation folds over the whole file when a
    // cancelled request settles without ranges: no answer at all keeps that out of the keystroke.
    expect(settled).toBe(false);
  });
});

describe("blockStringCodeActionProvider", () => {
  test("asks monaco-yaml only where it may have an action, reading the text once a version", async () => {
    const asked: number[] = [];
    const actions = { actions: [], dispose: () => undefined };
    const provider = blockStringCodeActionProvider({
      provideCodeActions: (_m, range: { endLineNumber: number }) => {
        asked.push(range.endLineNumber);
        return actions;
      },
    });
    const { model, reads, change } = fakeModel(`a: b\n---\nmessage: "one\\ntwo"\nc: d`);
    const at = (line: number) => ({ endLineNumber: line });
    expect(await provider.provideCodeActions(model, at(1), {}, {})).toBeUndefined();
    expect(await provider.provideCodeActions(model, at(3), {}, {})).toBe(actions);
    expect(await provider.provideCodeActions(model, at(4), {}, {})).toBe(actions);
    expect(asked).toEqual([3, 4]);
    expect(reads()).toBe(3);
    change();
    expect(await provider.provideCodeActions(model, at(1), {}, {})).toBeUndefined();
    expect(reads()).toBe(6);
  });
});
