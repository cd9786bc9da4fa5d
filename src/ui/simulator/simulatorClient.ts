/**
 * The simulator's calls to the engine worker. Each call sends the text with its revision; answers
 * land in the store tagged with that revision, and an answer overtaken by a newer call of the same
 * kind is dropped (latest wins).
 */
import { proxy } from 'comlink';
import type { RequestMix, SimRequest } from '../../engine';
import { useGwsimStore } from '../../store';
import { WORKSPACE_FILE } from '../../store/analysisSync';
import { MAX_RUN } from '../../store/simulatorSlice';
import { getEngine } from '../../worker/engineClient';
import { downloadText } from '../toolbar/exportWorkspace';
import type { SimRunProgress } from '../../worker/simulatorApi';

const store = useGwsimStore;
const current = () => {
  const { revision, text } = store.getState();
  return { revision, sources: [{ name: WORKSPACE_FILE, text }] };
};

const latest = { trace: 0, traffic: 0, whatIf: 0 };

function reportError(what: string, error: unknown): void {
  store.getState().setNotice({ kind: 'error', message: `Simulator: ${what} failed: ${error instanceof Error ? error.message : String(error)}` });
}

/** Traces a request; `recent: false` for the app's own re-runs, which stay out of Recent. */
export async function sendRequest(request: SimRequest, options: { recent?: boolean } = {}): Promise<void> {
  const seq = ++latest.trace;
  const { revision, sources } = current();
  try {
    const result = await getEngine().simTrace(revision, sources, request);
    if (seq === latest.trace) store.getState().setSimTrace(result, options);
  } catch (error) {
    reportError('the trace', error);
  }
}

export async function showMixTraffic(mix: RequestMix): Promise<void> {
  const seq = ++latest.traffic;
  const { revision, sources } = current();
  try {
    const result = await getEngine().simMixTraffic(revision, sources, mix);
    if (seq === latest.traffic) store.getState().setSimTraffic({ revision: result.revision, mixId: mix.id, traffic: result.traffic });
  } catch (error) {
    reportError('the mix traffic', error);
  }
}

let runCounter = 0;

/** Runs n seeded samples in the worker; progress arrives per chunk through a comlink proxy. */
export async function startRun(source: 'canary' | 'mix', mix: RequestMix, n: number, seed: number): Promise<void> {
  const s = store.getState();
  if (s.simRun?.status === 'running') await cancelRun();
  const runId = `run-${++runCounter}`;
  const total = Math.max(1, Math.min(MAX_RUN, Math.floor(n)));
  const { revision, sources } = current();
  const base = { runId, source, revision, total, ...(source === 'mix' ? { mixId: mix.id } : {}) };
  s.setSimRun({ ...base, status: 'running', done: 0 });
  const onProgress = proxy((p: SimRunProgress) => {
    const run = store.getState().simRun;
    if (run?.runId === p.runId && run.status === 'running') store.getState().setSimRun({ ...run, done: p.done });
  });
  try {
    const result = await getEngine().simRun(revision, sources, runId, mix, total, seed, onProgress);
    if (store.getState().simRun?.runId !== runId) return;
    store.getState().setSimRun({ ...base, status: result.cancelled ? 'cancelled' : 'done', done: result.tally.n, result });
  } catch (error) {
    if (store.getState().simRun?.runId === runId) store.getState().setSimRun({ ...base, status: 'error', done: 0, error: error instanceof Error ? error.message : String(error) });
  }
}

export async function cancelRun(): Promise<void> {
  const run = store.getState().simRun;
  if (run?.status !== 'running') return;
  await getEngine().simCancel(run.runId);
}

export async function runWhatIf(): Promise<void> {
  const s = store.getState();
  if (s.simBaseline === undefined) return;
  const seq = ++latest.whatIf;
  const { revision, sources } = current();
  try {
    const result = await getEngine().simWhatIf(revision, sources, [{ name: s.simBaseline.name, text: s.simBaseline.text }], { requests: s.simSaved, mixes: s.simMixes });
    if (seq === latest.whatIf) store.getState().setSimWhatIf(result);
  } catch (error) {
    reportError('the what-if comparison', error);
  }
}

/** Downloads the saved requests, with the outcome each gets now, as a `gwsim test` case file. */
export async function exportSavedAsCaseFile(): Promise<void> {
  const s = store.getState();
  if (s.simSaved.length === 0) return;
  const { revision, sources } = current();
  try {
    const file = await getEngine().simCaseFile(revision, sources, 'saved requests', s.simSaved);
    downloadText(file.text, 'gwsim-saved-requests.cases.yaml');
    const left = file.skipped.map((k) => `"${k.name}" (${k.why})`).join(', ');
    store.getState().setNotice({
      kind: 'info',
      message: `Downloaded ${s.simSaved.length - file.skipped.length} saved requests as a case file: run it with gwsim test gwsim-saved-requests.cases.yaml --manifests <your manifests>.${left ? ` Left out: ${left}.` : ''}`,
    });
  } catch (error) {
    reportError('the case file export', error);
  }
}
