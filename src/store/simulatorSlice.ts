/**
 * The simulator's state: the request being composed, recent and saved requests, request mixes,
 * the latest trace / run / what-if results (each tagged with the revision it was computed for),
 * the rollout plan, and what the graph lights up. Worker calls live in ui/simulator; this slice
 * only holds their results, so a result for an old revision is recognisable as outdated.
 */
import type { SimRequest } from "../engine";
import { describeRequest } from "../engine/present";
import type { SimRunResult, SimTraceResult, SimWhatIfResult } from "../worker/simulatorApi";
import {
  gatewayNames,
  missingMeshService,
  revalidateRequest,
  ruleExists,
} from "./simulatorRevalidate";
import type { GwsimState, SimPath, SimulatorSlice } from "./types";

export type {
  SavedSimulator,
  SimPath,
  SimRollout,
  SimRunState,
  SimulatorSlice,
  SimulatorTab,
} from "./types";

export type { SimRunResult, SimTraceResult, SimWhatIfResult };

export const MAX_HISTORY = 20;
export const DEFAULT_RUN_SIZE = 10_000;
/** The largest run the canary lab offers (the worker clamps to the same bound). */
export const MAX_RUN = 1_000_000;

export const DEFAULT_REQUEST: SimRequest = {
  scheme: "http",
  host: "example.com",
  method: "GET",
  path: "/",
};

/** How many "gone" sentences the panel keeps (the newest). */
const MAX_GONE_NOTES = 6;

type Set = (partial: Partial<GwsimState>) => void;
type Get = () => GwsimState;

let idCounter = 0;
function newId(prefix: string, taken: readonly { id: string }[]): string {
  let id: string;
  do id = `${prefix}-${(idCounter += 1)}`;
  while (taken.some((t) => t.id === id));
  return id;
}

export function createSimulatorSlice(set: Set, get: Get): SimulatorSlice {
  return {
    simOpen: false,
    setSimOpen(open) {
      if (open !== get().simOpen) set({ simOpen: open });
    },
    simTab: "request",
    setSimTab(tab) {
      set({ simTab: tab, simOpen: true });
    },
    simDraft: DEFAULT_REQUEST,
    simDraftNotes: [],
    setSimDraft(request, notes = []) {
      set({ simDraft: request, simDraftNotes: notes });
    },
    simHistory: [],
    simSaved: [],
    saveSimRequest(name, request = get().simDraft) {
      const saved = get().simSaved;
      set({
        simSaved: [
          ...saved,
          { id: newId("request", saved), name: name.trim() || describeRequest(request), request },
        ],
      });
    },
    removeSimRequest(id) {
      set({ simSaved: get().simSaved.filter((r) => r.id !== id) });
    },
    simMixes: [],
    saveSimMix(mix) {
      const mixes = get().simMixes;
      const withId = mix.id ? mix : { ...mix, id: newId("mix", mixes) };
      const index = mixes.findIndex((m) => m.id === withId.id);
      set({
        simMixes: index < 0 ? [...mixes, withId] : mixes.map((m, i) => (i === index ? withId : m)),
      });
    },
    removeSimMix(id) {
      set({ simMixes: get().simMixes.filter((m) => m.id !== id) });
    },
    restoreSimulator(saved) {
      // Read back from storage: keep only well-formed entries rather than trusting the record.
      const isRequest = (r: unknown): r is SimRequest =>
        typeof r === "object" && r !== null && typeof (r as SimRequest).scheme === "string";
      const requests = Array.isArray(saved.requests)
        ? saved.requests.filter(
            (p) => typeof p?.id === "string" && typeof p.name === "string" && isRequest(p.request),
          )
        : [];
      const mixes = Array.isArray(saved.mixes)
        ? saved.mixes.filter(
            (m) =>
              typeof m?.id === "string" &&
              typeof m.name === "string" &&
              Array.isArray(m.templates) &&
              m.templates.every((t) => typeof t?.weight === "number" && isRequest(t.request)),
          )
        : [];
      // Recent belongs to the workspace: a record without it starts with none.
      const history = Array.isArray(saved.history)
        ? saved.history.filter(isRequest).slice(0, MAX_HISTORY)
        : [];
      set({ simSaved: requests, simMixes: mixes, simHistory: history });
    },

    simTrace: undefined,
    simPath: undefined,
    simTraceSent: 0,
    setSimTrace(result, options = {}) {
      if (result === undefined) {
        set({ simTrace: undefined, simPath: undefined });
        return;
      }
      // A re-run the app makes on its own (the YAML changed, another workspace opened) is not a request the user sent.
      if (options.recent === false) {
        set({ simTrace: result, simPath: computeSimPath(result) });
        return;
      }
      const label = JSON.stringify(result.request);
      const history = [
        result.request,
        ...get().simHistory.filter((r) => JSON.stringify(r) !== label),
      ].slice(0, MAX_HISTORY);
      set({
        simTrace: result,
        simPath: computeSimPath(result),
        simHistory: history,
        simTraceSent: get().simTraceSent + 1,
      });
    },
    simRun: undefined,
    setSimRun(run) {
      set({ simRun: run });
    },
    simTraffic: undefined,
    setSimTraffic(traffic) {
      set({ simTraffic: traffic });
    },
    simWhatIf: undefined,
    setSimWhatIf(result) {
      set({ simWhatIf: result });
    },
    simBaseline: undefined,
    setSimBaseline(baseline) {
      set({ simBaseline: baseline });
    },
    simOpened: undefined,
    setSimOpened(opened) {
      set({ simOpened: opened });
    },
    simRollout: undefined,
    setSimRollout(rollout) {
      set({ simRollout: rollout });
    },
    simGone: [],
    dismissSimGone() {
      if (get().simGone.length > 0) set({ simGone: [] });
    },
    revalidateSimulator(analysis, previous) {
      const s = get();
      const patch: Partial<GwsimState> = {};
      const notes: string[] = [];
      const draft = revalidateRequest(s.simDraft, analysis);
      if (draft.notes.length > 0) {
        patch.simDraft = draft.request;
        for (const note of draft.notes) notes.push(note);
      }
      const names = gatewayNames(analysis);
      const history = s.simHistory.filter(
        (r) =>
          (r.gateway === undefined || names.has(r.gateway)) &&
          missingMeshService(r, analysis) === undefined,
      );
      if (history.length !== s.simHistory.length) {
        patch.simHistory = history;
        const dropped = s.simHistory.length - history.length;
        notes.push(
          `${dropped === 1 ? "A recent request" : `${dropped} recent requests`} named a Gateway or Service that is gone and ${dropped === 1 ? "was" : "were"} removed from Recent.`,
        );
      }
      // Saved requests and mixes are the user's: keep them, but say which ones just lost their Gateway.
      const left =
        previous === undefined
          ? new Set<string>()
          : new Set([...gatewayNames(previous)].filter((n) => !names.has(n)));
      for (const probe of s.simSaved) {
        if (probe.request.gateway !== undefined && left.has(probe.request.gateway))
          notes.push(
            `Saved request "${probe.name}" names Gateway ${probe.request.gateway}, which is not in the workspace any more.`,
          );
      }
      for (const mix of s.simMixes) {
        const gone = mix.templates.find(
          (t) => t.request.gateway !== undefined && left.has(t.request.gateway),
        );
        if (gone)
          notes.push(
            `Mix "${mix.name}" sends to Gateway ${gone.request.gateway}, which is not in the workspace any more.`,
          );
      }
      if (
        s.simRollout !== undefined &&
        !ruleExists(analysis, s.simRollout.route, s.simRollout.ruleIndex)
      ) {
        patch.simRollout = undefined;
        notes.push(
          `The rollout stepped ${s.simRollout.route.replace("/", " ")} rule ${s.simRollout.ruleIndex}, which is not in the workspace any more; choose another rule.`,
        );
      }
      if (s.simTraffic !== undefined && !s.simMixes.some((m) => m.id === s.simTraffic?.mixId))
        patch.simTraffic = undefined;
      if (notes.length > 0)
        patch.simGone = [...s.simGone.filter((n) => !notes.includes(n)), ...notes].slice(
          -MAX_GONE_NOTES,
        );
      if (Object.keys(patch).length > 0) set(patch);
    },
  };
}

function computeSimPath(result: SimTraceResult): SimPath | undefined {
  const { trace } = result;
  // A mesh request's route hangs off the Service it binds: that parent edge and node light up.
  const parent =
    trace.mesh !== undefined
      ? { gateway: `Service/${trace.mesh.service}`, name: "" }
      : trace.listener;
  if (trace.winner === undefined || parent === undefined) return undefined;
  const backendIndexes: number[] = [];
  trace.outcome.backends.forEach((b, i) => {
    if (b.share > 0 && b.target !== "none") backendIndexes.push(i);
  });
  return {
    revision: result.revision,
    route: trace.winner.route,
    ruleIndex: trace.winner.ruleIndex,
    gateway: parent.gateway,
    listener: parent.name,
    backendIndexes,
  };
}

export * from "./simulatorSelectors";
