import { useEffect } from "react";
import { useGwsimStore, type GwsimState } from "../../store";
import { revalidateRequest } from "../../store/simulatorRevalidate";
import { runWhatIf, sendRequest, showMixTraffic } from "./simulatorClient";

/** Pause after the last edit before cheap results (trace, exact mix traffic, what-if) are recomputed. */
const FOLLOW_DEBOUNCE_MS = 250;

/**
 * Keeps the cheap simulator results following the YAML: after an edit, the shown trace, mix
 * traffic and what-if are recomputed for the new revision. Until then they read as outdated.
 * Sampled runs are not re-run on their own (they can take seconds); they offer "Re-run".
 */
export function useSimulatorFollow(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    noteOpened(useGwsimStore.getState());
    const unsubscribe = useGwsimStore.subscribe((s, p) => {
      if (s.revision === p.revision) return;
      noteOpened(s);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const now = useGwsimStore.getState();
        // A traced request whose Gateway is gone is re-sent the way the composer now holds it.
        // A trace already of this revision (the user sent one meanwhile) needs no re-run.
        if (now.simTrace && now.simTrace.revision !== now.revision)
          void sendRequest(
            now.analysis
              ? revalidateRequest(now.simTrace.request, now.analysis).request
              : now.simTrace.request,
            { recent: false },
          );
        const mix = now.simTraffic
          ? now.simMixes.find((m) => m.id === now.simTraffic?.mixId)
          : undefined;
        if (mix) void showMixTraffic(mix);
        if (now.simWhatIf && now.simBaseline) void runWhatIf();
      }, FOLLOW_DEBOUNCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
}

/** Remembers the text the workspace was opened with (restored or an example), as a what-if baseline. */
function noteOpened(s: GwsimState): void {
  const origin = s.lastChange.origin;
  if ((origin !== "restore" && origin !== "example") || s.lastChange.revision !== s.revision)
    return;
  if (s.simOpened?.text === s.text) return;
  s.setSimOpened({
    name:
      origin === "restore"
        ? `last saved workspace (revision ${s.revision})`
        : `example as opened (revision ${s.revision})`,
    text: s.text,
  });
}
