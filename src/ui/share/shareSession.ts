/**
 * Whether the workspace on screen came from a share link and is still read-only. Kept apart from
 * the document store: it is a property of this page visit, never saved or undone.
 */
import { create } from "zustand";

export interface ShareSession {
  readOnly: boolean;
  /** Set by bootstrap while read-only: make the shared text the user's workspace. */
  edit: (() => void) | undefined;
  /** Set by bootstrap while read-only: drop the shared text and restore the autosaved workspace. */
  keepMine: (() => void) | undefined;
}

export const useShareSession = create<ShareSession>(() => ({
  readOnly: false,
  edit: undefined,
  keepMine: undefined,
}));

export const selectShareReadOnly = (s: ShareSession) => s.readOnly;
