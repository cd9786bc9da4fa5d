import { createContext, useContext } from "react";
import type { GraphEdge } from "../../engine";

/** What custom edges may ask the canvas to do; GraphCanvas provides it, so edges stay dumb. */
export interface CanvasActions {
  setBackendWeight(edge: GraphEdge, weight: number): void;
}

export const CanvasActionsContext = createContext<CanvasActions | undefined>(undefined);

export function useCanvasActions(): CanvasActions | undefined {
  return useContext(CanvasActionsContext);
}
