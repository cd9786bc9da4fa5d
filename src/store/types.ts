import type { WorldMode } from '../engine';
import type { Analysis, EditOp, EditResult, ObjectSummary, ResourceKey } from '../engine';
import type { SimulatorSlice } from './simulatorSlice';

/** Where a text change came from (tldraw's ChangeSource): the editor skips echoing its own edits. */
export type ChangeOrigin = 'editor' | 'canvas' | 'inspector' | 'file' | 'example' | 'restore' | 'undo';

/** Who asked for the selection: the editor does not scroll itself when the cursor made the selection. */
export type SelectionOrigin = 'editor' | 'canvas' | 'inspector' | 'problems';

export interface DocumentSlice {
  /** The YAML text: the single source of truth (comments and formatting live here). */
  text: string;
  /** Increments on every text change; analysis results carry the revision they were computed for. */
  revision: number;
  lastChange: { origin: ChangeOrigin; revision: number };
  /** Replaces the text. `origin` lets the editor skip echoing its own keystrokes. No-op when unchanged. */
  setText(text: string, origin: ChangeOrigin): void;
  /** Replaces the whole workspace (an example): the text and the dragged positions, as one undo step. */
  replaceWorkspace(text: string, origin: Extract<ChangeOrigin, 'example' | 'file'>): void;
  /**
   * Applies semantic edits from the canvas or inspector through the engine's CST-preserving
   * applyEdits: one undo step, comments and formatting elsewhere untouched. Returns the engine's
   * result so the caller can report edits that could not be applied (`failed`).
   */
  applyEdits(ops: readonly EditOp[], origin: Extract<ChangeOrigin, 'canvas' | 'inspector'>): EditResult;
  /** Steps back through the one shared history (text and dragged positions). */
  undo(): void;
  redo(): void;
}

/** An object kept from an earlier analysis, with the document region it sat in then. */
export interface StaleEntry {
  object: ObjectSummary;
  region: number;
}

export interface AnalysisSlice {
  /** The latest analysis, with the revision it was computed for (may lag `revision` while busy). */
  analysis: Analysis | undefined;
  analysisRevision: number;
  analyzing: boolean;
  /** Set when the worker failed; the UI says so instead of showing stale data as current. */
  analysisError: string | undefined;
  /** The revision whose analysis failed: nothing is pending for it, so the UI is not busy. */
  analysisErrorRevision: number | undefined;
  /**
   * Objects that were in an earlier analysis but whose YAML document now has a syntax error, so
   * the loader cannot read them. Kept (with the analysis they came from) so the graph can show
   * them as stale instead of letting them vanish while the user is mid-typing.
   */
  stale: StaleEntry[];
  /** The latest analysis without any YAML syntax error: where the graph finds stale objects' data. */
  lastGoodAnalysis: Analysis | undefined;
  /** The exact text the current `analysis` was computed from. */
  analysisText: string | undefined;
  /** Ignored unless `revision` is still the document's current revision (stale results drop). */
  setAnalysis(revision: number, analysis: Analysis): void;
  setAnalysisError(revision: number, message: string): void;
  setAnalyzing(busy: boolean): void;
}

export interface SelectionSlice {
  selected: ResourceKey | undefined;
  selectionOrigin: SelectionOrigin | undefined;
  select(key: ResourceKey | undefined, origin?: SelectionOrigin): void;
  /** A request to show a precise line in the YAML pane (e.g. a clicked problem); `seq` re-triggers. */
  reveal: { line: number; column: number; seq: number } | undefined;
  revealLocation(line: number, column: number): void;
}

export interface LayoutSlice {
  /** Positions the user dragged, per object; never written into the YAML. */
  positions: Record<string, { x: number; y: number }>;
  setPosition(key: ResourceKey, position: { x: number; y: number }): void;
  /** Automatic layout result (from elkjs in the worker); user positions take precedence. */
  autoPositions: Record<string, { x: number; y: number }>;
  setAutoPositions(positions: Record<string, { x: number; y: number }>): void;
  clearPositions(): void;
  /** Bumped by the toolbar's Re-layout button; the canvas watches it and lays out again. */
  relayoutRequest: number;
  requestRelayout(): void;
}

export interface UiSlice {
  /**
   * How much of the cluster the workspace is (engine resolve/world.ts): auto by default. Saved
   * with the workspace; changing it re-analyses (a new revision) without changing the text.
   */
  world: WorldMode;
  setWorld(world: WorldMode): void;
  /** Share of the width given to the graph canvas (the YAML pane gets the rest), 0..1. */
  splitRatio: number;
  setSplitRatio(ratio: number): void;
  /** A message for the user that is not a diagnostic (restore failed, file could not be read). */
  notice: { kind: 'info' | 'error'; message: string } | undefined;
  setNotice(notice: { kind: 'info' | 'error'; message: string } | undefined): void;
}

export type GwsimState = DocumentSlice & AnalysisSlice & SelectionSlice & LayoutSlice & UiSlice & SimulatorSlice;
