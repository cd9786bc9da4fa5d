/**
 * The app's one store (zustand + zundo). The YAML text is the source of truth; analysis results
 * arrive from the worker through analysisSync.ts and are accepted only for the current revision.
 *
 * Undo: zundo's temporal history is the single undo stack for the whole app. It records the text
 * and the user-dragged positions; typing and dragging are grouped into steps by pause
 * (undoGrouping.ts). The editor redirects Monaco's own undo keys to `undo()`/`redo()` here.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import { applyEdits as applyEngineEdits, DEFAULT_WORLD_MODE, type Analysis } from '../engine';
import { createSimulatorSlice } from './simulatorSlice';
import { computeStaleEntries } from './staleObjects';
import type { ChangeOrigin, GwsimState } from './types';
import { createUndoGrouper, type UndoGroupKey } from './undoGrouping';

export type * from './types';

/** What one undo step restores. */
export interface UndoSnapshot {
  text: string;
  positions: GwsimState['positions'];
}

export interface CreateStoreOptions {
  initialText?: string;
  /** Injected clock for the undo grouping (tests pass a fake one). */
  now?: () => number;
}

export const DEFAULT_SPLIT_RATIO = 0.55;

export function createGwsimStore(options: CreateStoreOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const grouper = createUndoGrouper();
  // The group of the change being applied right now; read by handleSet during that same set().
  let pendingGroup: UndoGroupKey | undefined;

  const store = create<GwsimState>()(
    temporal(
      (set, get) => ({
        text: options.initialText ?? '',
        revision: 0,
        lastChange: { origin: 'restore' as ChangeOrigin, revision: 0 },
        setText(text, origin) {
          if (text === get().text) return;
          pendingGroup = origin === 'editor' ? 'typing' : undefined;
          const revision = get().revision + 1;
          set({ text, revision, lastChange: { origin, revision } });
          pendingGroup = undefined;
        },
        replaceWorkspace(text, origin) {
          const s = get();
          if (text === s.text && Object.keys(s.positions).length === 0) return;
          const revision = text === s.text ? s.revision : s.revision + 1;
          const lastChange = text === s.text ? s.lastChange : { origin, revision };
          // Recent requests belong to the workspace they were sent in.
          set({ text, revision, lastChange, positions: {}, ...(text === s.text ? {} : { simHistory: [] }) });
        },
        applyEdits(ops, origin) {
          const result = applyEngineEdits(get().text, ops);
          get().setText(result.text, origin);
          return result;
        },
        undo() {
          stepHistory('undo');
        },
        redo() {
          stepHistory('redo');
        },

        analysis: undefined,
        analysisRevision: 0,
        analysisText: undefined,
        analyzing: false,
        analysisError: undefined,
        analysisErrorRevision: undefined,
        stale: [],
        lastGoodAnalysis: undefined,
        setAnalysis(revision, analysis) {
          const s = get();
          if (revision !== s.revision) return;
          const previous: { analysis: Analysis; text: string } | undefined =
            s.analysis && s.analysisText !== undefined ? { analysis: s.analysis, text: s.analysisText } : undefined;
          const stale = computeStaleEntries({ analysis, text: s.text, previous, stale: s.stale });
          const clean = !analysis.diagnostics.some((d) => d.code === 'yaml.syntax');
          set({
            analysis,
            analysisRevision: revision,
            analysisText: s.text,
            analysisError: undefined,
            analysisErrorRevision: undefined,
            stale,
            lastGoodAnalysis: clean ? analysis : s.lastGoodAnalysis,
          });
          // While a document has a syntax error its objects are only unreadable, not gone.
          if (clean) get().revalidateSimulator(analysis, s.lastGoodAnalysis);
        },
        setAnalysisError(revision, message) {
          if (revision !== get().revision) return;
          set({ analysisError: message, analysisErrorRevision: revision });
        },
        setAnalyzing(busy) {
          if (busy !== get().analyzing) set({ analyzing: busy });
        },

        selected: undefined,
        selectionOrigin: undefined,
        select(key, origin) {
          if (key === get().selected && origin === get().selectionOrigin) return;
          set({ selected: key, selectionOrigin: origin });
        },
        reveal: undefined,
        revealLocation(line, column) {
          set({ reveal: { line, column, seq: (get().reveal?.seq ?? 0) + 1 } });
        },

        positions: {},
        setPosition(key, position) {
          pendingGroup = 'drag';
          set({ positions: { ...get().positions, [key]: position } });
          pendingGroup = undefined;
        },
        autoPositions: {},
        setAutoPositions(positions) {
          set({ autoPositions: positions });
        },
        clearPositions() {
          if (Object.keys(get().positions).length > 0) set({ positions: {} });
        },
        relayoutRequest: 0,
        requestRelayout() {
          set({ relayoutRequest: get().relayoutRequest + 1 });
        },

        world: DEFAULT_WORLD_MODE,
        setWorld(world) {
          const s = get();
          if (world === s.world) return;
          // A new revision: analysis, traces and the canary lab all follow revisions.
          set({ world, revision: s.revision + 1 });
        },
        splitRatio: DEFAULT_SPLIT_RATIO,
        setSplitRatio(ratio) {
          set({ splitRatio: Math.min(0.85, Math.max(0.15, ratio)) });
        },
        notice: undefined,
        setNotice(notice) {
          set({ notice });
        },

        ...createSimulatorSlice(set, get),
      }),
      {
        limit: 200,
        partialize: (s): UndoSnapshot => ({ text: s.text, positions: s.positions }),
        equality: (a, b) => a.text === b.text && a.positions === b.positions,
        handleSet: (handleSet) => {
          // zundo types handleSet as setState, but calls it with (past, replace, current, delta).
          const record = handleSet as unknown as (...args: unknown[]) => void;
          return (pastState, replace, currentState, deltaState) => {
            if (!grouper.startsStep(pendingGroup, now())) return;
            record(pastState, replace, currentState, deltaState);
          };
        },
      },
    ),
  );

  /** Undo/redo restore a snapshot, then record the text change as a new revision (never an old one). */
  function stepHistory(direction: 'undo' | 'redo') {
    grouper.breakGroup();
    const before = store.getState().text;
    const history = store.temporal.getState();
    if (direction === 'undo') history.undo();
    else history.redo();
    const s = store.getState();
    if (s.text === before) return;
    const revision = s.revision + 1;
    store.setState({ revision, lastChange: { origin: 'undo', revision } });
  }

  return store;
}

export type GwsimStore = ReturnType<typeof createGwsimStore>;

export const useGwsimStore = createGwsimStore();
