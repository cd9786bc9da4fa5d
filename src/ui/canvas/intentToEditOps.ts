/**
 * Canvas intents → the engine's CST-preserving EditOps. References are written the way a person
 * would: namespace only when it differs from the route's, group/kind only when not the defaults.
 */
import type { EditOp, ObjectSelector, ResourceKey } from "../../engine";
import type { CanvasIntent } from "./canvasIntents";
import { parseResourceKey } from "../../engine/present";

export function selectorOf(key: ResourceKey): ObjectSelector {
  return parseResourceKey(key);
}

export function intentsToEditOps(intents: readonly CanvasIntent[]): EditOp[] {
  return orderRemovals(intents).flatMap(intentToEditOps);
}

function intentToEditOps(intent: CanvasIntent): EditOp[] {
  switch (intent.type) {
    case "attachRoute": {
      const route = selectorOf(intent.route);
      const p = intent.parent;
      const parentRef: Extract<EditOp, { op: "addParentRef" }>["parentRef"] = { name: p.name };
      if (p.kind === "ListenerSet")
        Object.assign(parentRef, { group: "gateway.networking.k8s.io", kind: "ListenerSet" });
      if (p.namespace !== undefined && p.namespace !== route.namespace)
        parentRef.namespace = p.namespace;
      if (intent.sectionName !== undefined) parentRef.sectionName = intent.sectionName;
      return [{ op: "addParentRef", target: route, parentRef }];
    }
    case "addBackend": {
      const route = selectorOf(intent.route);
      const s = intent.service;
      const backendRef: Extract<EditOp, { op: "addBackendRef" }>["backendRef"] = { name: s.name };
      if (s.namespace !== undefined && s.namespace !== route.namespace)
        backendRef.namespace = s.namespace;
      if (intent.port !== undefined) backendRef.port = intent.port;
      return [{ op: "addBackendRef", target: route, ruleIndex: intent.ruleIndex, backendRef }];
    }
    case "setWeight":
      return [
        {
          op: "setBackendWeight",
          target: selectorOf(intent.route),
          ruleIndex: intent.ruleIndex,
          backendIndex: intent.backendRefIndex,
          weight: intent.weight,
        },
      ];
    case "removeParentRef":
      return [
        { op: "removeParentRef", target: selectorOf(intent.route), index: intent.parentRefIndex },
      ];
    case "narrowParentRef":
      return [
        {
          op: "setField",
          target: selectorOf(intent.route),
          path: ["spec", "parentRefs", intent.parentRefIndex, "sectionName"],
          value: intent.sectionName,
        },
      ];
    case "removeBackendRef":
      return [
        {
          op: "removeBackendRef",
          target: selectorOf(intent.route),
          ruleIndex: intent.ruleIndex,
          backendIndex: intent.backendRefIndex,
        },
      ];
    case "removeObject":
      return [{ op: "removeObject", target: selectorOf(intent.key) }];
    case "rename":
      return [{ op: "renameObject", target: selectorOf(intent.key), name: intent.name }];
    case "addObject":
      return [{ op: "addObject", object: intent.body }];
    case "addListener":
      return [
        {
          op: "setField",
          target: selectorOf(intent.gateway),
          path: ["spec", "listeners", intent.index],
          value: intent.listener,
        },
      ];
  }
}

/**
 * Several list removals in one step must run from the highest index down, or each removal would
 * shift the indexes of the next. Removals of whole objects go last (their references first).
 */
function orderRemovals(intents: readonly CanvasIntent[]): CanvasIntent[] {
  const rank = (i: CanvasIntent): number => {
    if (i.type === "removeBackendRef") return -(i.ruleIndex * 10_000 + i.backendRefIndex);
    if (i.type === "removeParentRef") return -i.parentRefIndex;
    return 0;
  };
  const isRefRemoval = (i: CanvasIntent) =>
    i.type === "removeBackendRef" || i.type === "removeParentRef";
  const removals = intents.filter(isRefRemoval);
  const objects = intents.filter((i) => i.type === "removeObject");
  const rest = intents.filter((i) => !isRefRemoval(i) && i.type !== "removeObject");
  return [...rest, ...[...removals].sort((a, b) => rank(a) - rank(b)), ...objects];
}
