/**
 * The simulator's calls to the engine worker: traces, mix traffic, what-if and canary runs go
 * through the app controller (store/controller.ts), whose one latest-wins rule drops answers
 * overtaken by a newer call of the same kind; results land in the store tagged with their revision.
 */
import type { RequestMix, SimRequest } from "../../engine";
import { useGwsimStore } from "../../store";
import { WORKSPACE_FILE } from "../../store/controller";
import { getEngine } from "../../worker/engineClient";
import { appController } from "../app/appController";
import { downloadText } from "../toolbar/exportWorkspace";

const store = useGwsimStore;
const current = () => {
  const { revision, text } = store.getState();
  return { revision, sources: [{ name: WORKSPACE_FILE, text }] };
};

function reportError(what: string, error: unknown): void {
  store.getState().setNotice({
    kind: "error",
    message: `Simulator: ${what} failed: ${error instanceof Error ? error.message : String(error)}`,
  });
}

/** Traces a request; `recent: false` for the app's own re-runs, which stay out of Recent. */
export const sendRequest = (
  request: SimRequest,
  options: { recent?: boolean } = {},
): Promise<void> => appController.trace(request, options);
export const showMixTraffic = (mix: RequestMix): Promise<void> => appController.mixTraffic(mix);
/** Runs n seeded samples in the worker; progress arrives per chunk. */
export const startRun = (
  source: "canary" | "mix",
  mix: RequestMix,
  n: number,
  seed: number,
): Promise<void> => appController.startRun(source, mix, n, seed);
export const cancelRun = (): Promise<void> => appController.cancelRun();
export const runWhatIf = (): Promise<void> => appController.whatIf();

/** Downloads the saved requests, with the outcome each gets now, as a `gwsim test` case file. */
export async function exportSavedAsCaseFile(): Promise<void> {
  const s = store.getState();
  if (s.simSaved.length === 0) return;
  const { revision, sources } = current();
  try {
    const file = await getEngine().simCaseFile(revision, sources, "saved requests", s.simSaved);
    downloadText(file.text, "gwsim-saved-requests.cases.yaml");
    const left = file.skipped.map((k) => `"${k.name}" (${k.why})`).join(", ");
    store.getState().setNotice({
      kind: "info",
      message: `Downloaded ${s.simSaved.length - file.skipped.length} saved requests as a case file: run it with gwsim test gwsim-saved-requests.cases.yaml --manifests <your manifests>.${left ? ` Left out: ${left}.` : ""}`,
    });
  } catch (error) {
    reportError("the case file export", error);
  }
}
