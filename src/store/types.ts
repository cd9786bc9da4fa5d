import type { Readings, WorldMode } from "../engine";
import type { Analysis, EditOp, EditResult, ObjectSummary, ResourceKey } from "../engine";
import type { MixTraffic, RequestMix, RequestProbe, SimRequest } from "../engine";
import type { SimRunResult, SimTraceResult, SimWhatIfResult } from "../worker/simulatorApi";

/** Where a text change came from (tldraw's ChangeSource): the editor skips echoing its own edits. */
export type ChangeOrigin =
  "editor" | "canvas" | "inspector" | "file" | "example" | "restore" | "undo";

/** Who asked for the selection: the editor does not scroll itself when the cursor made the selection. */
export type SelectionOrigin = "editor" | "canvas" | "inspector" | "problems" | "files";

export interface DocumentSlice {
  /** The YAML text: the single source of truth (comments and formatting live here). */
  text: string;
  /** Increments on every text change; analysis results carry the revision they were computed for. */
  revision: number;
  lastChange: { origin: ChangeOrigin; revision: number };
  /**
   * A workspace opened from a share link is read-only until the user chooses Edit: canvas,
   * inspector and fix-it edits are refused with a notice, and the editor does not accept typing.
   */
  readOnly: boolean;
  setReadOnly(readOnly: boolean): void;
  /** Replaces the text. `origin` lets the editor skip echoing its own keystrokes. No-op when unchanged or refused (read-only). */
  setText(text: string, origin: ChangeOrigin): void;
  /** Replaces the whole workspace (an example): the text and the dragged positions, as one undo step. */
  replaceWorkspace(text: string, origin: Extract<ChangeOrigin, "example" | "file">): void;
  /**
   * Applies semantic edits from the canvas or inspector through the engine's CST-preserving
   * applyEdits: one undo step, comments and formatting elsewhere untouched. Returns the engine's
   * result so the caller can report edits that could not be applied (`failed`).
   */
  applyEdits(
    ops: readonly EditOp[],
    origin: Extract<ChangeOrigin, "canvas" | "inspector">,
  ): EditResult;
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
  /**
   * The non-default readings the workspace follows where the spec is unsettled (engine
   * readings/readings.ts); `{}` is gwsim's defaults. Saved and shared with the workspace; changing
   * them re-analyses like a world switch.
   */
  readings: Readings;
  setReadings(readings: Readings): void;
  /** Share of the width given to the graph canvas (the YAML pane gets the rest), 0..1. */
  splitRatio: number;
  setSplitRatio(ratio: number): void;
  /** A message for the user that is not a diagnostic (restore failed, file could not be read). */
  notice: { kind: "info" | "error"; message: string } | undefined;
  setNotice(notice: { kind: "info" | "error"; message: string } | undefined): void;
}

// ------------------------------------------------------------------------------------ simulator

export type SimulatorTab = "request" | "canary" | "mix" | "rollout" | "whatif";

export interface SimRunState {
  status: "running" | "done" | "cancelled" | "error";
  runId: string;
  /** What was run: the composed request ("canary") or a saved mix. */
  source: "canary" | "mix";
  mixId?: string;
  revision: number;
  done: number;
  total: number;
  result?: SimRunResult;
  error?: string;
}

/** The lit path of the latest trace, in graph terms. */
export interface SimPath {
  revision: number;
  route: string;
  ruleIndex: number;
  gateway: string;
  listener: string;
  /** backendRef indexes of the rule that receive traffic. */
  backendIndexes: number[];
}

export interface SimRollout {
  route: string;
  ruleIndex: number;
  /** The backendRef that steps up (the canary); the others share the rest in their current ratio. */
  backendIndex: number;
  /** Percentages for the canary, e.g. [10, 30, 60, 100]. */
  steps: number[];
  current: number;
}

/** What the workspace autosave keeps of the simulator. */
export interface SavedSimulator {
  requests: RequestProbe[];
  mixes: RequestMix[];
  /** Recent requests of this workspace, newest first (absent in records saved before they were kept). */
  history?: SimRequest[];
}

export interface SimulatorSlice {
  simOpen: boolean;
  setSimOpen(open: boolean): void;
  simTab: SimulatorTab;
  setSimTab(tab: SimulatorTab): void;
  /** The request in the composer. */
  simDraft: SimRequest;
  /** Notes about the draft (parts of a match that could not be made concrete). */
  simDraftNotes: string[];
  setSimDraft(request: SimRequest, notes?: string[]): void;
  simHistory: SimRequest[];
  simSaved: RequestProbe[];
  saveSimRequest(name: string, request?: SimRequest): void;
  removeSimRequest(id: string): void;
  simMixes: RequestMix[];
  saveSimMix(mix: RequestMix): void;
  removeSimMix(id: string): void;
  restoreSimulator(saved: SavedSimulator): void;

  simTrace: SimTraceResult | undefined;
  simPath: SimPath | undefined;
  /**
   * How many traces the user has sent (re-runs that follow the YAML do not count): the canvas
   * brings the lit path of a new one into view, and never moves for a re-run.
   */
  simTraceSent: number;
  /**
   * Records a trace result (and its request in Recent, unless `recent: false`); results for other
   * revisions are kept but read as outdated.
   */
  setSimTrace(result: SimTraceResult | undefined, options?: { recent?: boolean }): void;
  simRun: SimRunState | undefined;
  setSimRun(run: SimRunState | undefined): void;
  /** Exact traffic of the mix shown on the graph as edge thickness. */
  simTraffic: { revision: number; mixId: string; traffic: MixTraffic } | undefined;
  setSimTraffic(traffic: SimulatorSlice["simTraffic"]): void;
  simWhatIf: SimWhatIfResult | undefined;
  setSimWhatIf(result: SimWhatIfResult | undefined): void;
  /** The configuration the what-if compares against. */
  simBaseline: { name: string; text: string } | undefined;
  setSimBaseline(baseline: { name: string; text: string } | undefined): void;
  /** The workspace as last restored from autosave or loaded as an example: a ready-made baseline. */
  simOpened: { name: string; text: string } | undefined;
  setSimOpened(opened: { name: string; text: string }): void;
  simRollout: SimRollout | undefined;
  setSimRollout(rollout: SimRollout | undefined): void;
  // Composing from an object and applying a rollout step: store/simulatorCompose.ts, loaded with
  // the simulator (they need the engine's request derivation, which the first graph does not).
  /** Sentences about simulator state whose object left the workspace (shown until dismissed). */
  simGone: string[];
  dismissSimGone(): void;
  /**
   * Checks every piece of simulator state that names an object against a new analysis: the
   * composer's Gateway, recent requests, the rollout's rule, the mix shown on the graph; saved
   * requests and mixes are kept (they are the user's) but reported when their Gateway leaves.
   */
  revalidateSimulator(analysis: Analysis, previous: Analysis | undefined): void;
}

export type GwsimState = DocumentSlice &
  AnalysisSlice &
  SelectionSlice &
  LayoutSlice &
  UiSlice &
  SimulatorSlice;
