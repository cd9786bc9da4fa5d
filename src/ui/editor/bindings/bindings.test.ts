import { describe, expect, test } from "vitest";
import { analyze } from "../../../test-utils/engineRoundTrip";
import { createGwsimStore } from "../../../store";
import { WORKSPACE_FILE } from "../../../store/controller";
import type { MarkerData } from "../toMonacoMarkers";
import type { EditorPort, LineRange, ModelPort } from "./editorPorts";
import { bindMarkers } from "./markers";
import { bindReadOnly } from "./readOnly";
import { bindReveal } from "./reveal";
import { bindSelection } from "./selection";
import { bindTextSync } from "./textSync";

const TWO_DOCS = `apiVersion: v1
kind: Service
metadata: { name: a, namespace: app }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: b, namespace: app }
spec: { ports: [{ port: 80 }] }
`;

/** A model and editor that record what the bindings did to them. */
function fakeEditor(initial = "") {
  let value = initial;
  const listeners: (() => void)[] = [];
  const cursorListeners: ((line: number) => void)[] = [];
  const log = {
    edits: 0,
    readOnly: [] as boolean[],
    markers: [] as MarkerData[][],
    highlights: [] as (LineRange | undefined)[],
    revealed: [] as LineRange[],
    goTo: [] as [number, number][],
  };
  const model: ModelPort = {
    getValue: () => value,
    setValue(text) {
      value = text;
      for (const l of listeners) l();
    },
    getLineCount: () => value.split("\n").length,
    onDidChangeContent(listener) {
      listeners.push(listener);
      return { dispose: () => listeners.splice(listeners.indexOf(listener), 1) };
    },
  };
  const offset = (line: number, column: number) =>
    value
      .split("\n")
      .slice(0, line - 1)
      .reduce((n, l) => n + l.length + 1, 0) +
    column -
    1;
  const editor: EditorPort = {
    applyEdit(edit) {
      log.edits += 1;
      value =
        value.slice(0, offset(edit.startLineNumber, edit.startColumn)) +
        edit.text +
        value.slice(offset(edit.endLineNumber, edit.endColumn));
      for (const l of listeners) l();
    },
    setReadOnly: (r) => log.readOnly.push(r),
    setMarkers: (m) => log.markers.push(m),
    getMarkers: () => log.markers.at(-1) ?? [],
    highlightLines: (r) => log.highlights.push(r),
    highlightedLines: () => log.highlights.at(-1),
    revealLinesNearTop: (r) => log.revealed.push(r),
    goTo: (line, column) => log.goTo.push([line, column]),
    onCursorLine(listener) {
      cursorListeners.push(listener);
      return { dispose: () => cursorListeners.splice(cursorListeners.indexOf(listener), 1) };
    },
  };
  /** The user types: the model changes by itself. */
  const type = (text: string) => model.setValue(text);
  const moveCursor = (line: number) => {
    for (const l of cursorListeners) l(line);
  };
  return { model, editor, log, type, moveCursor };
}

describe("text sync", () => {
  test("typing sets the text as the editor; other origins arrive as one minimal edit, never echoed back", () => {
    const store = createGwsimStore({ initialText: "a: 1\nb: 2\n" });
    const fake = fakeEditor("stale");
    const sync = bindTextSync({ store, ...fake });
    expect(fake.model.getValue()).toBe("a: 1\nb: 2\n");
    fake.type("a: 1\nb: 3\n");
    expect(store.getState().text).toBe("a: 1\nb: 3\n");
    expect(store.getState().lastChange.origin).toBe("editor");
    expect(fake.log.edits).toBe(0);
    store.getState().setText("a: 9\nb: 3\n", "canvas");
    expect(fake.model.getValue()).toBe("a: 9\nb: 3\n");
    expect(fake.log.edits).toBe(1);
    // The external edit did not come back as typing (which would start a new undo group).
    expect(store.getState().lastChange.origin).toBe("canvas");
    store.getState().undo();
    expect(fake.model.getValue()).toBe("a: 1\nb: 3\n");
    sync.dispose();
    store.getState().setText("c: 1\n", "file");
    expect(fake.model.getValue()).toBe("a: 1\nb: 3\n");
  });
});

describe("markers", () => {
  test("are set only from an analysis of the current revision", () => {
    const store = createGwsimStore({ initialText: "kind: [" });
    const fake = fakeEditor();
    bindMarkers({ store, editor: fake.editor });
    expect(fake.log.markers).toEqual([]);
    store.getState().setAnalysis(0, analyze([{ name: WORKSPACE_FILE, text: "kind: [" }]));
    expect(fake.log.markers).toHaveLength(1);
    expect(fake.log.markers[0]?.length).toBeGreaterThan(0);
    // A newer revision without its analysis: the old markers are left to move with the edit.
    store.getState().setText("kind: A", "editor");
    expect(fake.log.markers).toHaveLength(1);
  });

  test("an analysis with the markers the editor already shows sets none; a changed one sets them all", () => {
    const broken =
      "apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { ports: [{ port: 80x }] }\n";
    const store = createGwsimStore({ initialText: broken });
    const fake = fakeEditor(broken);
    bindMarkers({ store, editor: fake.editor });
    store.getState().setAnalysis(0, analyze([{ name: WORKSPACE_FILE, text: broken }]));
    expect(fake.log.markers).toHaveLength(1);
    expect(fake.log.markers[0]?.length).toBeGreaterThan(0);
    // A comment typed at the end: same diagnostics at the same places, nothing to set.
    const commented = `${broken}# note\n`;
    store.getState().setText(commented, "editor");
    store.getState().setAnalysis(1, analyze([{ name: WORKSPACE_FILE, text: commented }]));
    expect(fake.log.markers).toHaveLength(1);
    // The port fixed: the markers change.
    const fixed = commented.replace("80x", "80");
    store.getState().setText(fixed, "editor");
    store.getState().setAnalysis(2, analyze([{ name: WORKSPACE_FILE, text: fixed }]));
    expect(fake.log.markers).toHaveLength(2);
    expect(fake.log.markers[1]).not.toEqual(fake.log.markers[0]);
  });
});

describe("selection", () => {
  test("highlights and reveals the selected document; the cursor selects the object it is in", () => {
    const store = createGwsimStore({ initialText: TWO_DOCS });
    store.getState().setAnalysis(0, analyze([{ name: WORKSPACE_FILE, text: TWO_DOCS }]));
    const fake = fakeEditor(TWO_DOCS);
    bindSelection({ store, ...fake }, () => false);
    expect(fake.log.highlights).toEqual([]);
    store.getState().select("Service/app/b" as never, "canvas");
    expect(fake.log.highlights.at(-1)).toEqual({ startLine: 6, endLine: 9 });
    expect(fake.log.revealed).toEqual([{ startLine: 6, endLine: 9 }]);
    fake.moveCursor(2);
    expect(store.getState().selected).toBe("Service/app/a");
    expect(store.getState().selectionOrigin).toBe("editor");
    // The cursor made this selection: highlighted, not scrolled.
    expect(fake.log.highlights.at(-1)).toEqual({ startLine: 1, endLine: 4 });
    expect(fake.log.revealed).toHaveLength(1);
  });

  test("an analysis that leaves the selected document's lines where they are highlights nothing again", () => {
    const store = createGwsimStore({ initialText: TWO_DOCS });
    store.getState().setAnalysis(0, analyze([{ name: WORKSPACE_FILE, text: TWO_DOCS }]));
    const fake = fakeEditor(TWO_DOCS);
    bindSelection({ store, ...fake }, () => false);
    store.getState().select("Service/app/b" as never, "canvas");
    expect(fake.log.highlights).toEqual([{ startLine: 6, endLine: 9 }]);
    // A keystroke inside the document: a new analysis, the same lines.
    const typed = TWO_DOCS.replace("port: 80 }] }\n", "port: 81 }] }\n");
    store.getState().setText(typed, "editor");
    store.getState().setAnalysis(1, analyze([{ name: WORKSPACE_FILE, text: typed }]));
    expect(fake.log.highlights).toHaveLength(1);
    // A line added above it moves the document: highlighted where it is now.
    const shifted = `# note\n${typed}`;
    store.getState().setText(shifted, "editor");
    store.getState().setAnalysis(2, analyze([{ name: WORKSPACE_FILE, text: shifted }]));
    expect(fake.log.highlights).toEqual([
      { startLine: 6, endLine: 9 },
      { startLine: 7, endLine: 10 },
    ]);
    store.getState().select(undefined, "canvas");
    expect(fake.log.highlights.at(-1)).toBeUndefined();
  });

  test("cursor moves while external text is applied do not select", () => {
    const store = createGwsimStore({ initialText: TWO_DOCS });
    store.getState().setAnalysis(0, analyze([{ name: WORKSPACE_FILE, text: TWO_DOCS }]));
    const fake = fakeEditor(TWO_DOCS);
    bindSelection({ store, ...fake }, () => true);
    fake.moveCursor(7);
    expect(store.getState().selected).toBeUndefined();
  });
});

describe("reveal and read-only", () => {
  test("a reveal request moves the cursor; the editor follows the read-only flag", () => {
    const store = createGwsimStore({ initialText: TWO_DOCS });
    const fake = fakeEditor(TWO_DOCS);
    bindReveal({ store, editor: fake.editor });
    bindReadOnly({ store, editor: fake.editor });
    store.getState().revealLocation(7, 3);
    store.getState().revealLocation(7, 3);
    expect(fake.log.goTo).toEqual([
      [7, 3],
      [7, 3],
    ]);
    store.getState().setReadOnly(true);
    store.getState().setReadOnly(false);
    expect(fake.log.readOnly).toEqual([false, true, false]);
  });
});
