import { afterEach, describe, expect, test, vi } from 'vitest';
import { analyze, type SourceFile } from '../engine';
import type { AnalysisResult } from '../worker/engineClient';
import { startAnalysisSync, WORKSPACE_FILE } from './analysisSync';
import { createGwsimStore } from './index';
import { selectIsBusy } from './selectors';

afterEach(() => {
  vi.useRealTimers();
});

/** A fake worker whose answers the test releases one by one, in any order. */
function controllableWorker() {
  const pending: { revision: number; text: string; resolve(r: AnalysisResult): void }[] = [];
  const fn = (revision: number, sources: SourceFile[]) =>
    new Promise<AnalysisResult>((resolve) => pending.push({ revision, text: sources[0]?.text ?? '', resolve }));
  const answer = async (index = 0) => {
    const [call] = pending.splice(index, 1);
    if (!call) throw new Error('no pending call');
    call.resolve({ revision: call.revision, analysis: analyze([{ name: WORKSPACE_FILE, text: call.text }]) });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { fn, pending, answer };
}

describe('startAnalysisSync', () => {
  test('analyses at start, then once after a burst of typing (debounced)', async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: 'kind: A' });
    const worker = controllableWorker();
    const stop = startAnalysisSync(store, worker.fn, 150);
    expect(worker.pending.map((p) => p.revision)).toEqual([0]);
    await worker.answer();
    expect(store.getState().analysisRevision).toBe(0);
    expect(store.getState().analyzing).toBe(false);

    store.getState().setText('kind: AB', 'editor');
    vi.advanceTimersByTime(100);
    store.getState().setText('kind: ABC', 'editor');
    vi.advanceTimersByTime(100);
    expect(worker.pending).toHaveLength(0);
    vi.advanceTimersByTime(60);
    expect(worker.pending.map((p) => [p.revision, p.text])).toEqual([[2, 'kind: ABC']]);
    await worker.answer();
    expect(store.getState().analysisRevision).toBe(2);
    stop();
  });

  test('one request in flight; the newest text follows and the stale answer is dropped', async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: 'a: 1' });
    const worker = controllableWorker();
    const stop = startAnalysisSync(store, worker.fn, 150);
    store.getState().setText('a: 2', 'editor');
    vi.advanceTimersByTime(200);
    // Revision 0 is still in flight, so nothing new was sent.
    expect(worker.pending.map((p) => p.revision)).toEqual([0]);
    expect(store.getState().analyzing).toBe(true);
    await worker.answer();
    // The answer for revision 0 is stale: dropped. Revision 1 goes out at once.
    expect(store.getState().analysis).toBeUndefined();
    expect(worker.pending.map((p) => p.revision)).toEqual([1]);
    await worker.answer();
    expect(store.getState().analysisRevision).toBe(1);
    expect(store.getState().analysis?.objects).toEqual([]);
    expect(store.getState().analyzing).toBe(false);
    stop();
  });

  test('a worker failure is reported for the current revision', async () => {
    const store = createGwsimStore({ initialText: 'x' });
    const stop = startAnalysisSync(store, () => Promise.reject(new Error('worker crashed')), 0);
    await vi.waitFor(() => expect(store.getState().analysisError).toBe('worker crashed'));
    expect(store.getState().analyzing).toBe(false);
    stop();
  });

  test('after a failed analysis the busy indicator clears, and the next edit makes it busy again', async () => {
    const store = createGwsimStore({ initialText: 'x' });
    // The first analysis succeeds, the edit's fails: the text is then ahead of the last analysis.
    let calls = 0;
    const stop = startAnalysisSync(
      store,
      (revision, sources) =>
        calls++ === 0
          ? Promise.resolve({ revision, analysis: analyze(sources) })
          : Promise.reject(new Error('worker crashed')),
      0,
    );
    await vi.waitFor(() => expect(store.getState().analysisRevision).toBe(0));
    store.getState().setText('y', 'editor');
    expect(selectIsBusy(store.getState())).toBe(true);
    await vi.waitFor(() => expect(store.getState().analysisError).toBe('worker crashed'));
    expect(store.getState().analysisRevision).toBe(0);
    expect(selectIsBusy(store.getState())).toBe(false);
    store.getState().setText('z', 'editor');
    expect(selectIsBusy(store.getState())).toBe(true);
    stop();
  });
});
