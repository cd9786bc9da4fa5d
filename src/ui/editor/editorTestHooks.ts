import type { editor } from "monaco-editor/editor";
import { monaco } from "./monacoEnvironment";

export interface EditorTestHooks {
  /** Markers on the workspace model, from gwsim and from monaco-yaml. */
  getMarkers(): {
    owner: string;
    message: string;
    severity: number;
    startLineNumber: number;
    startColumn: number;
  }[];
  getEditorText(): string;
  /** Selects the first occurrence of `text`; false when it is not in the model. */
  selectText(text: string): boolean;
  setCursor(line: number, column: number): void;
  getCursor(): { line: number; column: number } | undefined;
  /** First and last line of the selected-object highlight, if any. */
  getHighlightedLines(): { start: number; end: number } | undefined;
  /**
   * The model's decorations counted by what made them (Monaco's `description` of each), and its
   * markers by owner: what a keystroke's render and Monaco's per-change walks go through.
   */
  decorationCensus(): { decorations: Record<string, number>; markers: Record<string, number> };
}

declare global {
  interface Window {
    __gwsimEditor?: EditorTestHooks;
  }
}

/** Lets e2e tests read what Monaco shows (markers, model text); harmless in production. */
export function installEditorTestHooks(
  model: editor.ITextModel,
  codeEditor: editor.IStandaloneCodeEditor,
): () => void {
  window.__gwsimEditor = {
    getMarkers: () =>
      monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({
        owner: m.owner,
        message: m.message,
        severity: m.severity,
        startLineNumber: m.startLineNumber,
        startColumn: m.startColumn,
      })),
    getEditorText: () => model.getValue(),
    selectText(text) {
      const match = model.findMatches(text, false, false, true, null, false)[0];
      if (!match) return false;
      codeEditor.setSelection(match.range);
      codeEditor.revealRangeInCenter(match.range);
      codeEditor.focus();
      return true;
    },
    getCursor() {
      const p = codeEditor.getPosition();
      return p ? { line: p.lineNumber, column: p.column } : undefined;
    },
    getHighlightedLines() {
      const d = model.getAllDecorations().find((x) => x.options.className === "yaml-selected-doc");
      return d ? { start: d.range.startLineNumber, end: d.range.endLineNumber } : undefined;
    },
    decorationCensus() {
      const decorations: Record<string, number> = {};
      for (const d of model.getAllDecorations()) {
        // Monaco names every decoration's maker in `description` (internal, not in its types).
        const { description } = d.options as { description?: string };
        const what = description || d.options.className || "(none)";
        decorations[what] = (decorations[what] ?? 0) + 1;
      }
      const markers: Record<string, number> = {};
      for (const m of monaco.editor.getModelMarkers({ resource: model.uri }))
        markers[m.owner] = (markers[m.owner] ?? 0) + 1;
      return { decorations, markers };
    },
    setCursor(line, column) {
      codeEditor.setPosition({ lineNumber: line, column });
      codeEditor.revealLineInCenter(line);
      codeEditor.focus();
    },
  };
  return () => {
    delete window.__gwsimEditor;
  };
}
