/**
 * The few parts of a Monaco editor and model each binding uses, as structural types: the bindings
 * take these (not the monaco module), so they are unit-tested in Node with small fakes.
 */
import type { GwsimStore } from "../../../store";
import type { TextReplacement } from "../minimalEdit";
import type { MarkerData } from "../toMonacoMarkers";

export interface Disposable {
  dispose(): void;
}

export interface ModelPort {
  getValue(): string;
  setValue(text: string): void;
  getLineCount(): number;
  onDidChangeContent(listener: () => void): Disposable;
}

export interface LineRange {
  startLine: number;
  endLine: number;
}

export interface EditorPort {
  /** Applies one replacement as an edit (keeps cursor, scroll and markers outside it). */
  applyEdit(edit: TextReplacement): void;
  setReadOnly(readOnly: boolean): void;
  setMarkers(markers: MarkerData[]): void;
  /** The markers set by setMarkers, where the editor has moved them since (edits shift them). */
  getMarkers(): MarkerData[];
  /** Highlights whole lines (undefined clears the highlight). */
  highlightLines(range: LineRange | undefined): void;
  /** The lines highlighted now (edits since highlightLines move them), undefined when none. */
  highlightedLines(): LineRange | undefined;
  revealLinesNearTop(range: LineRange): void;
  /** Moves the cursor to a position, scrolls it to the centre and focuses the editor. */
  goTo(line: number, column: number): void;
  /** The user moved the cursor (not a content flush). */
  onCursorLine(listener: (line: number) => void): Disposable;
}

export interface BindingContext {
  store: GwsimStore;
  model: ModelPort;
  editor: EditorPort;
}

/** Disposes every binding in reverse order of creation. */
export function disposeAll(disposables: readonly Disposable[]): void {
  for (let i = disposables.length - 1; i >= 0; i--) disposables[i]?.dispose();
}
