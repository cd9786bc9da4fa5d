import { create } from "zustand";
import { loadPanelSizes, savePanelSizes, type DockedPanelId, type PanelSizes } from "./panelSizes";

/**
 * The bottom panels' heights, shared so that resizing one can first pin the others at the height
 * the layout actually gave them (the flex layout shrinks all of them when the graph needs its
 * minimum; after a pin, what the user asks for is what they get).
 */
interface PanelSizesState {
  sizes: PanelSizes;
  set(patch: Partial<Record<DockedPanelId, number>>): void;
}

export const usePanelSizes = create<PanelSizesState>()((set, get) => ({
  sizes: loadPanelSizes(),
  set(patch) {
    const sizes = { ...get().sizes, ...patch };
    set({ sizes });
    savePanelSizes(sizes);
  },
}));
