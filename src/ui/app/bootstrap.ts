/**
 * Starts the app's long-lived services once: restore the autosaved workspace (or show the
 * example), then keep analysis and autosave following the store.
 */
import type { GwsimStore } from '../../store';
import { startAnalysisSync } from '../../store/analysisSync';
import { getEngine } from '../../worker/engineClient';
import { startAutosave } from './autosave';
import { DEFAULT_EXAMPLE, exampleText } from './examples';
import { installTestApi } from './testApi';
import { loadWorkspace } from './workspaceStorage';

const RESTORE_TIMEOUT_MS = 3000;

export async function bootstrap(store: GwsimStore): Promise<void> {
  installTestApi(store);
  const state = store.getState();
  let restored = false;
  try {
    const saved = await withTimeout(loadWorkspace(), RESTORE_TIMEOUT_MS);
    if (saved) {
      state.setText(saved.text, 'restore');
      store.setState({ positions: saved.positions });
      state.setSplitRatio(saved.splitRatio);
      if (saved.simulator) state.restoreSimulator(saved.simulator);
      restored = true;
    }
  } catch (error) {
    state.setNotice({
      kind: 'error',
      message: `Your saved workspace could not be restored (${error instanceof Error ? error.message : String(error)}). Showing the example instead; nothing was overwritten yet.`,
    });
    // Keep the unreadable record: autosave starts only after the user changes something.
  }
  if (!restored) state.setText(exampleText(DEFAULT_EXAMPLE) ?? '', 'example');
  // Restoring is not an edit the user can undo.
  store.temporal.getState().clear();
  startAnalysisSync(store, (revision, sources) => getEngine().analyze(revision, sources));
  const autosave = startAutosave(store, (message) => store.getState().setNotice({ kind: 'error', message }));
  if (window.__gwsim) window.__gwsim.flushAutosave = () => autosave.flush();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('storage did not answer in time')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
