/**
 * Named selectors over the simulator slice, for the simulator panel and for the canvas overlays
 * (winning path, mix traffic). Selectors that build arrays are memoized on their inputs.
 */
import type { GraphEdge, RequestMix, RequestProbe, SimRequest } from "../engine";
import type { SavedSimulator } from "./simulatorSlice";
import type { GwsimState } from "./types";

/** A result is current only when computed for the revision the editor holds now. */
export const isCurrent = (s: GwsimState, revision: number | undefined) =>
  revision !== undefined && revision === s.revision;

export const selectSimOpen = (s: GwsimState) => s.simOpen;
export const selectSimTab = (s: GwsimState) => s.simTab;
export const selectSimDraft = (s: GwsimState) => s.simDraft;
export const selectSimTrace = (s: GwsimState) => s.simTrace;
export const selectSimTraceIsCurrent = (s: GwsimState) => isCurrent(s, s.simTrace?.revision);
export const selectSimRun = (s: GwsimState) => s.simRun;
export const selectSimulatorWorkspace = (s: GwsimState): SavedSimulator =>
  savedOf(s.simSaved, s.simMixes, s.simHistory);

const savedOf = (() => {
  let last:
    | { requests: RequestProbe[]; mixes: RequestMix[]; history: SimRequest[]; out: SavedSimulator }
    | undefined;
  return (requests: RequestProbe[], mixes: RequestMix[], history: SimRequest[]): SavedSimulator => {
    if (last?.requests !== requests || last.mixes !== mixes || last.history !== history)
      last = { requests, mixes, history, out: { requests, mixes, history } };
    return last.out;
  };
})();

/**
 * For the canvas: is this edge on the lit path of the current trace? Only while the trace is for
 * the revision the graph shows, so an outdated trace never lights the wrong edges.
 */
export const selectSimEdgeOnPath =
  (edge: GraphEdge | undefined) =>
  (s: GwsimState): boolean => {
    const p = s.simPath;
    if (
      edge === undefined ||
      p === undefined ||
      p.revision !== s.revision ||
      s.analysisRevision !== s.revision
    )
      return false;
    if (edge.source !== p.route) return false;
    if (edge.kind === "parent")
      return (
        edge.target === p.gateway &&
        (edge.targetListener === undefined || edge.targetListener === p.listener)
      );
    if (edge.kind === "backend")
      return (
        edge.ruleIndex === p.ruleIndex &&
        edge.backendRefIndex !== undefined &&
        p.backendIndexes.includes(edge.backendRefIndex)
      );
    return false;
  };

/** For the canvas: is this node (Gateway, route or backend) on the lit path of the current trace? */
export const selectSimNodeOnPath =
  (id: string) =>
  (s: GwsimState): boolean => {
    const p = s.simPath;
    if (p === undefined || p.revision !== s.revision || s.analysisRevision !== s.revision)
      return false;
    if (id === p.route || id === p.gateway) return true;
    const edges = s.analysis?.graph.edges ?? [];
    return edges.some(
      (e) =>
        e.kind === "backend" &&
        e.target === id &&
        e.source === p.route &&
        e.ruleIndex === p.ruleIndex &&
        e.backendRefIndex !== undefined &&
        p.backendIndexes.includes(e.backendRefIndex),
    );
  };

/** For the canvas: the share (0..1) of the shown mix's traffic on this backend edge, when current. */
export const selectSimEdgeTraffic =
  (edge: GraphEdge | undefined) =>
  (s: GwsimState): number | undefined => {
    const t = s.simTraffic;
    if (
      edge === undefined ||
      t === undefined ||
      t.revision !== s.revision ||
      edge.kind !== "backend"
    )
      return undefined;
    const ref = t.traffic.backendRefs.find(
      (b) =>
        b.route === edge.source &&
        b.ruleIndex === edge.ruleIndex &&
        b.backendIndex === edge.backendRefIndex,
    );
    return ref?.share;
  };
