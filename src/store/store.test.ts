import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze, type Analysis, type ResourceKey } from "../engine";
import { createGwsimStore } from "./index";
import { selectProblems, selectStaleKeys } from "./selectors";
// The page loads the engine's editor lazily (editEngine.ts); these tests edit synchronously.
import "./editEngineModule";

const example = readFileSync(
  new URL("../../fixtures/examples/shared-gateway-two-teams.yaml", import.meta.url),
  "utf8",
);
const run = (text: string): Analysis => analyze([{ name: "workspace.yaml", text }]);

function fakeClock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("text changes", () => {
  test("every change increments the revision and records its origin", () => {
    const store = createGwsimStore({ initialText: "a" });
    store.getState().setText("ab", "editor");
    expect(store.getState()).toMatchObject({
      text: "ab",
      revision: 1,
      lastChange: { origin: "editor", revision: 1 },
    });
    store.getState().setText("abc", "canvas");
    expect(store.getState()).toMatchObject({
      revision: 2,
      lastChange: { origin: "canvas", revision: 2 },
    });
  });

  test("setting the same text is not a change", () => {
    const store = createGwsimStore({ initialText: "a" });
    store.getState().setText("a", "file");
    expect(store.getState().revision).toBe(0);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe("analysis results", () => {
  test("a result for an older revision is dropped; the current one is kept", () => {
    const store = createGwsimStore({ initialText: example });
    store.getState().setText(`${example}\n# edit`, "editor");
    const stale = run(example);
    store.getState().setAnalysis(0, stale);
    expect(store.getState().analysis).toBeUndefined();
    const current = run(store.getState().text);
    store.getState().setAnalysis(1, current);
    expect(store.getState().analysis).toBe(current);
    expect(store.getState().analysisRevision).toBe(1);
  });

  test("the current revision's answer (or failure) ends the busy state in one store update", () => {
    const store = createGwsimStore({ initialText: example });
    store.getState().setText(`${example}\n# edit`, "editor");
    store.getState().setAnalyzing(true);
    let updates = 0;
    const unsubscribe = store.subscribe(() => updates++);
    store.getState().setAnalysis(1, run(store.getState().text));
    expect(store.getState().analyzing).toBe(false);
    expect(updates).toBe(1);
    store.getState().setText(`${example}\n# again`, "editor");
    store.getState().setAnalyzing(true);
    updates = 0;
    store.getState().setAnalysisError(2, "boom");
    expect(store.getState().analyzing).toBe(false);
    expect(updates).toBe(1);
    unsubscribe();
  });

  test("a worker error for an older revision is dropped too", () => {
    const store = createGwsimStore({ initialText: "a" });
    store.getState().setText("b", "editor");
    store.getState().setAnalysisError(0, "boom");
    expect(store.getState().analysisError).toBeUndefined();
    store.getState().setAnalysisError(1, "boom");
    expect(store.getState().analysisError).toBe("boom");
  });

  test("objects of a document with a syntax error stay, marked stale, until it parses again", () => {
    const store = createGwsimStore({ initialText: example });
    store.getState().setAnalysis(0, run(example));
    const shop = "HTTPRoute/team-b/shop" as ResourceKey;
    expect(store.getState().analysis?.objects.some((o) => o.key === shop)).toBe(true);

    // Break the HTTPRoute's document mid-typing: an unclosed flow sequence.
    const broken = example.replace(
      /(kind: HTTPRoute\nmetadata:\n {2}name: shop\n)/,
      "$1  labels: [oops\n",
    );
    expect(broken).not.toBe(example);
    store.getState().setText(broken, "editor");
    store.getState().setAnalysis(1, run(broken));
    expect(store.getState().analysis?.objects.some((o) => o.key === shop)).toBe(false);
    expect(selectStaleKeys(store.getState())).toEqual([shop]);
    expect(store.getState().lastGoodAnalysis?.objects.some((o) => o.key === shop)).toBe(true);

    // Typing on while it is still broken keeps it stale.
    const stillBroken = `${broken}# more`;
    store.getState().setText(stillBroken, "editor");
    store.getState().setAnalysis(2, run(stillBroken));
    expect(selectStaleKeys(store.getState())).toEqual([shop]);

    store.getState().setText(example, "editor");
    store.getState().setAnalysis(3, run(example));
    expect(selectStaleKeys(store.getState())).toEqual([]);
  });

  test("an object deleted from a valid document is gone, not stale", () => {
    const store = createGwsimStore({ initialText: example });
    store.getState().setAnalysis(0, run(example));
    const withoutNamespace = example.replace(
      /apiVersion: v1\nkind: Namespace\nmetadata:\n {2}name: infra\n---\n/,
      "",
    );
    expect(withoutNamespace).not.toBe(example);
    store.getState().setText(withoutNamespace, "editor");
    store.getState().setAnalysis(1, run(withoutNamespace));
    expect(selectStaleKeys(store.getState())).toEqual([]);
  });

  test("analyses without syntax errors keep the same stale list, so nothing that reads it redraws", () => {
    const store = createGwsimStore({ initialText: example });
    store.getState().setAnalysis(0, run(example));
    const before = selectStaleKeys(store.getState());
    const edited = example.replace("name: store", "name: stores");
    store.getState().setText(edited, "editor");
    store.getState().setAnalysis(1, run(edited));
    expect(store.getState().analysisRevision).toBe(1);
    expect(selectStaleKeys(store.getState())).toBe(before);
  });
});

describe("undo", () => {
  test("typing is grouped into one step by pause, and undo restores the text byte for byte", () => {
    const clock = fakeClock();
    const original = "kind: Gateway\r\nname: a  \n\ttab\n";
    const store = createGwsimStore({ initialText: original, now: clock.now });
    let text = original;
    for (const ch of "xyz") {
      text += ch;
      store.getState().setText(text, "editor");
      clock.advance(100);
    }
    clock.advance(2_000);
    store.getState().setText(`${text}!`, "editor");
    expect(store.temporal.getState().pastStates).toHaveLength(2);

    store.getState().undo();
    expect(store.getState().text).toBe(text);
    store.getState().undo();
    expect(store.getState().text).toBe(original);
    expect(store.getState().lastChange.origin).toBe("undo");
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().text).toBe(`${text}!`);
  });

  test("undo and redo make new revisions (never reuse an old one)", () => {
    const store = createGwsimStore({ initialText: "a" });
    store.getState().setText("b", "canvas");
    store.getState().undo();
    expect(store.getState()).toMatchObject({
      text: "a",
      revision: 2,
      lastChange: { origin: "undo", revision: 2 },
    });
  });

  test("a canvas edit is its own step even right after typing", () => {
    const clock = fakeClock();
    const store = createGwsimStore({ initialText: "a", now: clock.now });
    store.getState().setText("ab", "editor");
    store.getState().setText("ab # canvas", "canvas");
    store.getState().setText("ab # canvas!", "editor");
    store.getState().undo();
    expect(store.getState().text).toBe("ab # canvas");
    store.getState().undo();
    expect(store.getState().text).toBe("ab");
    store.getState().undo();
    expect(store.getState().text).toBe("a");
  });

  test("dragged positions share the history; analysis and auto layout do not create steps", () => {
    const clock = fakeClock();
    const store = createGwsimStore({ initialText: example, now: clock.now });
    const key = "Gateway/infra/shared" as ResourceKey;
    store.getState().setPosition(key, { x: 1, y: 1 });
    clock.advance(50);
    store.getState().setPosition(key, { x: 5, y: 5 });
    store.getState().setAnalysis(0, run(example));
    store.getState().setAutoPositions({ [key]: { x: 9, y: 9 } });
    store.getState().setAnalyzing(true);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().positions).toEqual({});
    expect(store.getState().text).toBe(example);
  });
});

describe("problems", () => {
  test("a route on a namespace the listener does not allow is explained in plain words", () => {
    const text = example.replace(
      /(name: team-b\n {2}labels:\n {4}shared-gateway-access: )"true"/,
      '$1"false"',
    );
    expect(text).not.toBe(example);
    const store = createGwsimStore({ initialText: text });
    store.getState().setAnalysis(0, run(text));
    const problems = selectProblems(store.getState()).filter((p) => p.kind === "route");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(
      /^HTTPRoute team-b\/shop is not attached to infra\/shared/,
    );
    expect(problems[0]?.code).toBe("NotAllowedByListeners");
    expect(problems[0]?.object).toBe("HTTPRoute/team-b/shop");
    // Memoized: same analysis, same array (zustand needs a stable result).
    expect(selectProblems(store.getState())).toBe(selectProblems(store.getState()));
  });
});

describe("applyEdits", () => {
  test("a canvas edit changes only its spot, is tagged with its origin, and undo restores the text byte for byte", () => {
    const store = createGwsimStore({ initialText: example });
    const result = store.getState().applyEdits(
      [
        {
          op: "setBackendWeight",
          target: { kind: "HTTPRoute", namespace: "team-b", name: "shop" },
          ruleIndex: 1,
          backendIndex: 0,
          weight: 75,
        },
      ],
      "canvas",
    );
    expect(result.failed).toEqual([]);
    const text = store.getState().text;
    expect(text).not.toBe(example);
    expect(text).toContain("weight: 75");
    // Comments elsewhere survive the edit.
    expect(text).toContain("# A shared Gateway run by the platform team");
    expect(store.getState().lastChange).toEqual({ origin: "canvas", revision: 1 });
    store.getState().undo();
    expect(store.getState().text).toBe(example);
  });

  test("an edit whose target is missing is reported and changes nothing", () => {
    const store = createGwsimStore({ initialText: example });
    const result = store.getState().applyEdits(
      [
        {
          op: "removeObject",
          target: { kind: "HTTPRoute", namespace: "nowhere", name: "ghost" },
        },
      ],
      "inspector",
    );
    expect(result.failed).toHaveLength(1);
    expect(store.getState().text).toBe(example);
    expect(store.getState().revision).toBe(0);
  });
});

describe("problems of the broken-on-purpose example", () => {
  test("each of its three mistakes is listed, with where to look", () => {
    const text = readFileSync(
      new URL("../../fixtures/examples/broken-on-purpose.yaml", import.meta.url),
      "utf8",
    );
    const store = createGwsimStore({ initialText: text });
    store.getState().setAnalysis(0, run(text));
    const problems = selectProblems(store.getState());
    const byKind = (kind: string) =>
      problems.filter((p) => p.kind === kind).map((p) => [p.object, p.code]);
    expect(byKind("backend")).toEqual([["HTTPRoute/shop/orders", "RefNotPermitted"]]);
    expect(byKind("route")).toEqual([
      ["HTTPRoute/shop/blog", "NoMatchingListenerHostname"],
      ["HTTPRoute/shop/legacy", "UnsupportedValue"],
    ]);
    expect(byKind("diagnostic")).toEqual([["HTTPRoute/shop/legacy", "schema.enum"]]);
    expect(problems.find((p) => p.kind === "backend")?.message).toMatch(
      /^HTTPRoute shop\/orders rule 0: .*no ReferenceGrant in namespace payments/,
    );
    expect(problems.every((p) => p.line !== undefined && p.line > 0)).toBe(true);
  });
});

describe("replaceWorkspace", () => {
  test("an example replaces text and dragged positions in one undo step", () => {
    const store = createGwsimStore({ initialText: "kind: Mine\n" });
    const key = "Gateway/infra/shared" as ResourceKey;
    store.getState().setPosition(key, { x: 3, y: 4 });
    store.getState().replaceWorkspace(example, "example");
    expect(store.getState()).toMatchObject({
      text: example,
      positions: {},
      lastChange: { origin: "example" },
    });
    store.getState().undo();
    expect(store.getState().text).toBe("kind: Mine\n");
    expect(store.getState().positions).toEqual({ [key]: { x: 3, y: 4 } });
  });
});

describe("the world setting", () => {
  test("auto by default; a change is a new revision (analysis follows) without touching the text or the undo stack", () => {
    const store = createGwsimStore({ initialText: "a" });
    expect(store.getState().world).toBe("auto");
    const before = store.getState().revision;
    store.getState().setWorld("closed");
    expect(store.getState()).toMatchObject({ world: "closed", revision: before + 1, text: "a" });
    store.getState().setWorld("closed");
    expect(store.getState().revision).toBe(before + 1);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
