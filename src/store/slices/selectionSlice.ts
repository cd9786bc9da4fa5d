/** Which object is selected, who selected it, and a request to reveal a line in the YAML pane. */
import type { SelectionSlice } from "../types";
import type { SliceContext } from "./sliceKit";

export function createSelectionSlice({ set, get }: SliceContext): SelectionSlice {
  return {
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
  };
}
