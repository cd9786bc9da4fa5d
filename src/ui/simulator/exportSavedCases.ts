/**
 * The Requests list's "export as case file": the saved requests, with the outcome each gets now,
 * as a `gwsim test` case file. Apart from simulatorClient.ts (whose calls the canvas and the
 * panel's follow hook make from the first load on), so it arrives with the simulator's tabs.
 */
import { useGwsimStore } from "../../store";
import { WORKSPACE_FILE } from "../../store/controller";
import { getEngine } from "../../worker/engineClient";
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
