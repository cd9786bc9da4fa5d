/**
 * The app's one store (zustand + zundo), composed of slices whose interfaces live in types.ts:
 * document, analysis, selection, layout, UI (slices/*) and simulator (simulatorSlice.ts). The YAML
 * text is the source of truth; analysis results arrive from the worker through the controller
 * (controller.ts) and are accepted only for the current revision.
 *
 * Undo: zundo's temporal history is the single undo stack for the whole app. It records the text
 * and the user-dragged positions; typing and dragging are grouped into steps by pause
 * (undoGrouping.ts). The editor redirects Monaco's own undo keys to `undo()`/`redo()` here.
 */
import { create } from "zustand";
import { temporal } from "zundo";
import { createSimulatorSlice } from "./simulatorSlice";
import { createAnalysisSlice } from "./slices/analysisSlice";
import { createDocumentSlice } from "./slices/documentSlice";
import { createLayoutSlice } from "./slices/layoutSlice";
import { createSelectionSlice } from "./slices/selectionSlice";
import type { SliceContext } from "./slices/sliceKit";
import { createUiSlice } from "./slices/uiSlice";
import type { GwsimState } from "./types";
import {
  createUndoRecorder,
  inputTime,
  observeLongTasks,
  UNDO_PAUSE_MS,
  type BusyBetween,
} from "./undoGrouping";

export type * from "./types";
export { DEFAULT_SPLIT_RATIO, DEFAULT_WORLD_MODE } from "./slices/uiSlice";

/** What one undo step restores. */
export interface UndoSnapshot {
  text: string;
  positions: GwsimState["positions"];
}

export interface CreateStoreOptions {
  initialText?: string;
  /** Injected clock for the undo grouping (tests pass a fake one). */
  now?: () => number;
  /** When the page was busy, for the undo grouping (default: the browser's long tasks). */
  busyBetween?: BusyBetween;
}

export function createGwsimStore(options: CreateStoreOptions = {}) {
  const undo = createUndoRecorder(
    options.now ?? (() => inputTime()),
    UNDO_PAUSE_MS,
    options.busyBetween ?? (options.now ? undefined : observeLongTasks()),
  );

  const store = create<GwsimState>()(
    temporal(
      (set, get) => {
        const context: SliceContext = { set, get, undo };
        return {
          ...createDocumentSlice(context, options.initialText ?? ""),
          undo: () => stepHistory("undo"),
          redo: () => stepHistory("redo"),
          ...createAnalysisSlice(context),
          ...createSelectionSlice(context),
          ...createLayoutSlice(context),
          ...createUiSlice(context),
          ...createSimulatorSlice(set, get),
        };
      },
      {
        limit: 200,
        partialize: (s): UndoSnapshot => ({ text: s.text, positions: s.positions }),
        equality: (a, b) => a.text === b.text && a.positions === b.positions,
        handleSet: (handleSet) => {
          // zundo types handleSet as setState, but calls it with (past, replace, current, delta).
          const record = handleSet as unknown as (...args: unknown[]) => void;
          return (pastState, replace, currentState, deltaState) => {
            if (!undo.startsStep()) return;
            record(pastState, replace, currentState, deltaState);
          };
        },
      },
    ),
  );

  /** Undo/redo restore a snapshot, then record the text change as a new revision (never an old one). */
  function stepHistory(direction: "undo" | "redo") {
    undo.breakGroup();
    const before = store.getState().text;
    // Stepping through history is editing: a read-only workspace keeps its text.
    if (store.getState().readOnly) return;
    const history = store.temporal.getState();
    if (direction === "undo") history.undo();
    else history.redo();
    const s = store.getState();
    if (s.text === before) return;
    const revision = s.revision + 1;
    store.setState({ revision, lastChange: { origin: "undo", revision } });
  }

  return store;
}

export type GwsimStore = ReturnType<typeof createGwsimStore>;

export const useGwsimStore = createGwsimStore();
