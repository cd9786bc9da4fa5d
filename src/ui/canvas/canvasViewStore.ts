/**
 * How the canvas is being looked at, not what it shows: the node search/filter, focus mode and
 * the node keyboard focus is on. Not part of the workspace (never saved, never undone).
 */
import { create } from "zustand";
import { NO_FILTER, type NodeFilter } from "./graphFilter";

export interface CanvasViewState {
  filter: NodeFilter;
  /** Focus mode: only this object's neighbourhood is drawn. */
  focusOn: string | undefined;
  /** The node the canvas' keyboard cursor is on (drawn with a focus ring while the canvas has focus). */
  cursor: string | undefined;
  setFilter(patch: Partial<NodeFilter>): void;
  clearFilter(): void;
  setFocusOn(id: string | undefined): void;
  setCursor(id: string | undefined): void;
}

export const useCanvasView = create<CanvasViewState>()((set) => ({
  filter: NO_FILTER,
  focusOn: undefined,
  cursor: undefined,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  clearFilter: () => set({ filter: NO_FILTER }),
  setFocusOn: (focusOn) => set({ focusOn }),
  setCursor: (cursor) => set({ cursor }),
}));
