/** What every slice creator receives: zustand's set/get over the whole state, and the undo recorder. */
import type { GwsimState } from "../types";
import type { UndoRecorder } from "../undoGrouping";

export type SetState = (partial: Partial<GwsimState>) => void;
export type GetState = () => GwsimState;

export interface SliceContext {
  set: SetState;
  get: GetState;
  undo: UndoRecorder;
}
