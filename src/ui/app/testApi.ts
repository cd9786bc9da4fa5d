/**
 * window.__gwsim: a small, harmless handle for e2e tests against the production build. It only
 * reads state or sets the text through the same store actions the UI uses.
 */
import type { Analysis } from "../../engine";
import type { GwsimStore } from "../../store";
import { selectStaleKeys } from "../../store/selectors";
import { loadExampleText } from "./examples";
import { panelsCaughtUp, useShownAnalysis } from "../common/shownAnalysis";

export interface GwsimTestApi {
  /** Resolves once the example is the workspace text (its text is fetched on demand). */
  loadExample(name: string): Promise<void>;
  /** The example's text as the Open example menu would load it (undefined for an unknown name). */
  exampleText(name: string): Promise<string | undefined>;
  getText(): string;
  setText(text: string): void;
  getRevision(): number;
  getAnalysis(): { revision: number; analysis: Analysis | undefined };
  /** Resolves when the analysis has caught up with the current text. */
  waitForAnalysis(timeoutMs?: number): Promise<{ revision: number; analysis: Analysis }>;
  undo(): void;
  redo(): void;
  getSelected(): string | undefined;
  getStaleKeys(): string[];
  /** Writes a pending autosave now; resolves once it is in IndexedDB. */
  flushAutosave?: () => Promise<void>;
  /** The last share link the Export menu built (also put on the clipboard). */
  lastShareLink?: string;
}

declare global {
  interface Window {
    __gwsim?: GwsimTestApi;
  }
}

export function installTestApi(store: GwsimStore): void {
  window.__gwsim = {
    async loadExample(name) {
      const text = await loadExampleText(name);
      if (text === undefined) throw new Error(`no example named ${name}`);
      store.getState().replaceWorkspace(text, "example");
    },
    exampleText: (name) => loadExampleText(name),
    getText: () => store.getState().text,
    setText: (text) => store.getState().setText(text, "file"),
    getRevision: () => store.getState().revision,
    getAnalysis: () => ({
      revision: store.getState().analysisRevision,
      analysis: store.getState().analysis,
    }),
    waitForAnalysis(timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const s = store.getState();
          // The panels show it too (they follow the store a frame later: shownAnalysis.ts).
          if (
            s.analysis &&
            s.analysisRevision === s.revision &&
            !s.analyzing &&
            panelsCaughtUp(s)
          ) {
            unsubscribe();
            unsubscribeShown();
            clearTimeout(timer);
            resolve({ revision: s.analysisRevision, analysis: s.analysis });
            return true;
          }
          return false;
        };
        const unsubscribe = store.subscribe(() => void check());
        const unsubscribeShown = useShownAnalysis.subscribe(() => void check());
        const timer = setTimeout(() => {
          unsubscribe();
          unsubscribeShown();
          reject(new Error("analysis did not catch up in time"));
        }, timeoutMs);
        check();
      });
    },
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    getSelected: () => store.getState().selected,
    getStaleKeys: () => selectStaleKeys(store.getState()),
  };
}
