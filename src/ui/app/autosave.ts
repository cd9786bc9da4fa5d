import type { GwsimStore } from '../../store';
import { saveWorkspace } from './workspaceStorage';
import { selectSimulatorWorkspace } from '../../store/simulatorSlice';

export const AUTOSAVE_DEBOUNCE_MS = 400;

export interface Autosave {
  stop(): void;
  /** Saves now if a save is pending; resolves when the last save has been written. */
  flush(): Promise<void>;
}

/** Saves the workspace shortly after every change to the text, positions or divider. */
export function startAutosave(store: GwsimStore, onError: (message: string) => void): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite: Promise<void> = Promise.resolve();
  const save = () => {
    timer = undefined;
    const { text, positions, splitRatio, world } = store.getState();
    const simulator = selectSimulatorWorkspace(store.getState());
    lastWrite = saveWorkspace({ text, positions, splitRatio, simulator, world }).then(
      () => undefined,
      (error: unknown) =>
        onError(`Autosave failed: ${error instanceof Error ? error.message : String(error)}. Export your YAML to keep it.`),
    );
  };
  const unsubscribe = store.subscribe((s, p) => {
    if (s.text === p.text && s.positions === p.positions && s.splitRatio === p.splitRatio && s.world === p.world && s.simSaved === p.simSaved && s.simMixes === p.simMixes) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DEBOUNCE_MS);
  });
  // Leaving the page flushes a pending save (best effort: IndexedDB writes are async).
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', flush);
  return {
    stop() {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
    },
    flush() {
      flush();
      return lastWrite;
    },
  };
}
