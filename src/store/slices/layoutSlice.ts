/** Node positions: the ones the user dragged (undoable, grouped per drag) over the automatic layout. */
import type { LayoutSlice } from "../types";
import type { SliceContext } from "./sliceKit";

export function createLayoutSlice({ set, get, undo }: SliceContext): LayoutSlice {
  return {
    positions: {},
    setPosition(key, position) {
      undo.within("drag", () => set({ positions: { ...get().positions, [key]: position } }));
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
      // Re-layout places every object afresh, the ones the user dragged too.
      set({ relayoutRequest: get().relayoutRequest + 1, positions: {} });
    },
  };
}
