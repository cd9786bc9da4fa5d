/**
 * Selectors for the designer canvas and inspector (owned by the canvas work). They only pick
 * what the engine computed; memoized on their inputs so zustand sees stable results.
 */
import { predictHealth } from "../engine";
import type {
  Analysis,
  Condition,
  GraphNode,
  HealthPrediction,
  ObjectSummary,
  ResourceKey,
  RouteParentExplain,
} from "../engine";
import type { GwsimState } from "./types";

export interface ListenerConditions {
  name: string;
  attachedRoutes: number;
  conditions: Condition[];
}

export interface InspectorModel {
  key: ResourceKey;
  object: ObjectSummary | undefined;
  node: GraphNode | undefined;
  /** The object's own conditions (GatewayClass, Gateway, ListenerSet). */
  conditions: Condition[];
  listeners: ListenerConditions[];
  /** Routes: one entry per parentRef, with the conditions written for it and the checks behind them. */
  parents: { explain: RouteParentExplain; conditions: Condition[] }[];
  /** Policies: conditions per ancestor. */
  ancestors: { label: string; conditions: Condition[] }[];
  /** Gateway API objects: the health Argo CD and Flux would show, with why (empty for other kinds). */
  health: HealthPrediction[];
  /**
   * What a non-default reading decided for this object: the engine's `reading.applied` notes, so
   * the status shown is never taken for gwsim's default behaviour.
   */
  readings: string[];
}

let last:
  | {
      analysis: Analysis | undefined;
      key: ResourceKey | undefined;
      model: InspectorModel | undefined;
    }
  | undefined;

export function selectInspectorModel(s: GwsimState): InspectorModel | undefined {
  return inspectorModelFor(s.analysis, s.selected);
}

/** selectInspectorModel for an analysis and a selection read apart (the inspector's analysis lags a frame). */
export function inspectorModelFor(
  analysis: Analysis | undefined,
  key: ResourceKey | undefined,
): InspectorModel | undefined {
  if (last && last.analysis === analysis && last.key === key) return last.model;
  const model = analysis && key ? inspectorModelOf(analysis, key) : undefined;
  last = { analysis, key, model };
  return model;
}

export function inspectorModelOf(analysis: Analysis, key: ResourceKey): InspectorModel | undefined {
  const object = analysis.objects.find((o) => o.key === key);
  const node = analysis.graph.nodes.find((n) => n.id === key);
  if (!object && !node) return undefined;
  const status = analysis.status[key];
  const conditions = status && "conditions" in status ? status.conditions : [];
  const listeners =
    status && "listeners" in status
      ? status.listeners.map((l) => ({
          name: l.name,
          attachedRoutes: l.attachedRoutes,
          conditions: l.conditions,
        }))
      : [];
  const routeParents = status && "parents" in status ? status.parents : [];
  const parents = analysis.explain
    .filter((e) => e.route === key)
    .map((explain) => ({
      explain,
      // Status entries carry the parentRef as written; match them to the explain entry by it.
      conditions:
        routeParents.find((p) => JSON.stringify(p.parentRef) === JSON.stringify(explain.parentRef))
          ?.conditions ?? [],
    }));
  const ancestors =
    status && "ancestors" in status
      ? status.ancestors.map((a) => ({
          label: `${a.ancestorRef.kind ?? "Gateway"} ${a.ancestorRef.namespace ?? ""}/${a.ancestorRef.name ?? ""}`,
          conditions: a.conditions,
        }))
      : [];
  const one = {
    objects: object ? [object] : [],
    status: analysis.status,
    explain: analysis.explain,
  };
  const health = [...predictHealth(one, "argocd"), ...predictHealth(one, "flux")];
  const readings = analysis.diagnostics
    .filter((d) => d.code === "reading.applied" && d.objectKey === key)
    .map((d) => d.message);
  return { key, object, node, conditions, listeners, parents, ancestors, health, readings };
}
