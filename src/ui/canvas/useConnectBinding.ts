import type { Connection } from "@xyflow/react";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { SemanticGraph } from "../../engine";
import { useGwsimStore } from "../../store";
import { applyCanvasIntents } from "./applyCanvasIntents";
import { withCanvasEditing } from "./loadCanvasEditing";

/** Binding: a connection drawn between two handles becomes the YAML edit planConnection decides on. */
export function useConnectBinding(
  graph: SemanticGraph | undefined,
  confirm: (question: string) => boolean = defaultConfirm,
) {
  // The latest graph through a ref: a callback that changed with every analysis would be a new
  // React Flow prop per keystroke, and each one a store update that runs every node's and edge's
  // selectors again.
  const latest = useRef({ graph, confirm });
  useLayoutEffect(() => {
    latest.current = { graph, confirm };
  });
  return useCallback((c: Connection) => {
    const { graph, confirm } = latest.current;
    if (!graph) return;
    const explain = useGwsimStore.getState().analysis?.explain ?? [];
    withCanvasEditing(({ planConnection }) => {
      const plan = planConnection(graph, explain, c);
      if (plan.type === "notice")
        useGwsimStore.getState().setNotice({ kind: "info", message: plan.message });
      else if (plan.type === "apply" || confirm(plan.question)) applyCanvasIntents(plan.intents);
    });
  }, []);
}

function defaultConfirm(question: string): boolean {
  return window.confirm(question);
}
