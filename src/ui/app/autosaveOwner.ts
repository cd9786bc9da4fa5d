/**
 * One tab autosaves the workspace at a time. Two tabs saving the same record would overwrite each
 * other silently, so the first tab holds a Web Lock; a second tab is told, keeps its text on screen
 * without saving it, and may take autosave over (the first tab is then told in turn). The lock dies
 * with its page, so a reload hands it straight on; a page that finds it still held (the reloaded
 * page not quite gone) asks again once before it reports another tab.
 */
import { create } from "zustand";

export type AutosaveRole =
  /** Asking for the lock; changes wait until the answer. */
  | "pending"
  | "owner"
  /** Another tab held the lock when this one opened. */
  | "other-tab"
  /** This tab had the lock and another tab took it over. */
  | "taken-over";

export const AUTOSAVE_LOCK = "gwsim-autosave";
const RETRY_MS = 1000;

export interface AutosaveOwnerSession {
  role: AutosaveRole;
  /** Set while this tab is not the owner: take autosave over from the other tab. */
  takeOver: (() => void) | undefined;
}

export const useAutosaveOwner = create<AutosaveOwnerSession>(() => ({
  role: "pending",
  takeOver: undefined,
}));

/** True when this tab does not autosave because another tab does. */
export const selectAutosaveElsewhere = (s: AutosaveOwnerSession) =>
  s.role === "other-tab" || s.role === "taken-over";

export interface AutosaveOwnership {
  release(): void;
}

/** Claims the autosave lock; `onRole` hears every change of this tab's role. */
export function claimAutosave(onRole: (role: AutosaveRole) => void): AutosaveOwnership {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  const setRole = (role: AutosaveRole) => {
    useAutosaveOwner.setState({
      role,
      takeOver: role === "other-tab" || role === "taken-over" ? () => request(true) : undefined,
    });
    onRole(role);
  };
  if (!locks) {
    // No Web Locks (very old browser, insecure origin): behave as the only tab, as before.
    setRole("owner");
    return { release() {} };
  }
  let releaseHeld: (() => void) | undefined;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const request = (steal: boolean, retried = false) => {
    locks
      .request(AUTOSAVE_LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        if (stopped) return undefined;
        if (!lock) {
          if (retried) setRole("other-tab");
          else retryTimer = setTimeout(() => request(false, true), RETRY_MS);
          return undefined;
        }
        setRole("owner");
        // Held until the page goes away, release() or another tab steals it.
        return new Promise<void>((resolve) => (releaseHeld = resolve));
      })
      .catch(() => {
        // The request's promise rejects (AbortError) when another tab stole the lock.
        releaseHeld = undefined;
        if (!stopped) setRole("taken-over");
      });
  };
  request(false);
  return {
    release() {
      stopped = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      releaseHeld?.();
    },
  };
}
