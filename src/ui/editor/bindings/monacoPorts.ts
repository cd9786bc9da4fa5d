/** The ports the bindings use, implemented on a real Monaco editor and model. */
import { monaco } from "../monacoEnvironment";
import type { MarkerData } from "../toMonacoMarkers";
import type { EditorPort, ModelPort } from "./editorPorts";
import type { ScreenReaderPort } from "./screenReaderPage";

const MARKER_OWNER = "gwsim";
const READ_ONLY_MESSAGE = { value: "Read-only: choose **Edit** in the bar above." };

type MonacoEditor = ReturnType<typeof monaco.editor.create>;
type MonacoModel = ReturnType<typeof monaco.editor.createModel>;

export function modelPort(model: MonacoModel): ModelPort {
  return model;
}

export function editorPort(editor: MonacoEditor, model: MonacoModel): EditorPort {
  const highlight = editor.createDecorationsCollection();
  return {
    applyEdit({ text, ...range }) {
      editor.executeEdits("gwsim-store", [{ range, text, forceMoveMarkers: true }]);
    },
    setReadOnly(readOnly) {
      editor.updateOptions({ readOnly, readOnlyMessage: READ_ONLY_MESSAGE });
    },
    setMarkers(markers) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
    },
    getMarkers() {
      return monaco.editor
        .getModelMarkers({ owner: MARKER_OWNER, resource: model.uri })
        .map((m) => ({
          severity: m.severity as MarkerData["severity"],
          message: m.message,
          code: typeof m.code === "string" ? m.code : (m.code?.value ?? ""),
          source: m.source ?? "",
          startLineNumber: m.startLineNumber,
          startColumn: m.startColumn,
          endLineNumber: m.endLineNumber,
          endColumn: m.endColumn,
        }));
    },
    highlightLines(range) {
      if (!range) return highlight.clear();
      highlight.set([
        {
          range: new monaco.Range(range.startLine, 1, range.endLine, 1),
          options: {
            isWholeLine: true,
            className: "yaml-selected-doc",
            linesDecorationsClassName: "yaml-selected-gutter",
          },
        },
      ]);
    },
    highlightedLines() {
      const range = highlight.getRanges()[0];
      return range && { startLine: range.startLineNumber, endLine: range.endLineNumber };
    },
    revealLinesNearTop(range) {
      editor.revealLinesNearTop(range.startLine, range.endLine, monaco.editor.ScrollType.Smooth);
    },
    goTo(line, column) {
      editor.setPosition({ lineNumber: line, column });
      editor.revealLineInCenter(line, monaco.editor.ScrollType.Smooth);
      editor.focus();
    },
    onCursorLine(listener) {
      return editor.onDidChangeCursorPosition((e) => {
        if (e.reason === monaco.editor.CursorChangeReason.ContentFlush) return;
        listener(e.position.lineNumber);
      });
    },
  };
}

export function screenReaderPort(editor: MonacoEditor): ScreenReaderPort {
  const support = monaco.editor.EditorOption.accessibilitySupport;
  return {
    screenReaderOptimized: () =>
      editor.getOption(support) === monaco.editor.AccessibilitySupport.Enabled,
    onScreenReaderChange: (listener) =>
      editor.onDidChangeConfiguration((e) => {
        if (e.hasChanged(support)) listener();
      }),
    setAccessibilityPageSize: (lines) => editor.updateOptions({ accessibilityPageSize: lines }),
  };
}
