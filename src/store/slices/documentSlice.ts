/**
 * The document: the YAML text (the single source of truth), its revision, and whether it may be
 * edited. Read-only (a workspace opened from a share link) is a flag every change path checks:
 * typing is stopped by the editor's own read-only option, and canvas, inspector and fix-it edits
 * are refused here with a notice. Undo and redo are wired in index.ts (they need zundo's history).
 */
import type { EditOp, EditResult } from "../../engine";
import { loadedEditEngine, loadEditEngine } from "../editEngine";
import type { ChangeOrigin, DocumentSlice } from "../types";
import type { SliceContext } from "./sliceKit";

export const READ_ONLY_NOTICE =
  "Opened from a share link: choose Edit in the bar above before changing it.";

export const EDITOR_LOADING_NOTICE =
  "The YAML editor's code is still loading: try again in a moment.";

/** Origins that are the user editing (as opposed to loading a workspace or stepping through history). */
const EDITING_ORIGINS: ReadonlySet<ChangeOrigin> = new Set<ChangeOrigin>([
  "editor",
  "canvas",
  "inspector",
]);

export function createDocumentSlice(
  { set, get, undo }: SliceContext,
  initialText: string,
): Omit<DocumentSlice, "undo" | "redo"> {
  const refused = (ops: readonly EditOp[], message: string, reason: string): EditResult => {
    get().setNotice({ kind: "info", message });
    return {
      text: get().text,
      changedLines: [],
      failed: ops.map((op, index) => ({ index, op, reason })),
    };
  };
  return {
    text: initialText,
    revision: 0,
    lastChange: { origin: "restore", revision: 0 },
    readOnly: false,
    setReadOnly(readOnly) {
      if (readOnly !== get().readOnly) set({ readOnly });
    },
    setText(text, origin) {
      if (text === get().text) return;
      if (get().readOnly && EDITING_ORIGINS.has(origin)) {
        if (origin !== "editor") get().setNotice({ kind: "info", message: READ_ONLY_NOTICE });
        return;
      }
      undo.within(origin === "editor" ? "typing" : undefined, () => {
        const revision = get().revision + 1;
        set({ text, revision, lastChange: { origin, revision } });
      });
    },
    replaceWorkspace(text, origin) {
      const s = get();
      if (text === s.text && Object.keys(s.positions).length === 0) return;
      const revision = text === s.text ? s.revision : s.revision + 1;
      const lastChange = text === s.text ? s.lastChange : { origin, revision };
      // Recent requests belong to the workspace they were sent in.
      set({
        text,
        revision,
        lastChange,
        positions: {},
        ...(text === s.text ? {} : { simHistory: [] }),
      });
    },
    applyEdits(ops, origin) {
      if (get().readOnly) return refused(ops, READ_ONLY_NOTICE, "the workspace is read-only");
      // Callers are lazy panels that load the editor with their own code (editEngineModule), so
      // this only happens if one forgot to: refuse visibly and fetch it for the next try.
      const engine = loadedEditEngine();
      if (!engine) {
        void loadEditEngine().catch(() => undefined);
        return refused(ops, EDITOR_LOADING_NOTICE, "the YAML editor's code is still loading");
      }
      const result = engine.applyEdits(get().text, ops);
      get().setText(result.text, origin);
      return result;
    },
  };
}
