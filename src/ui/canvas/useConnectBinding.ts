import type { Connection } from "@xyflow/react";
import { useCallback } from "react";
import type { SemanticGraph } from "../../engine";
import { useGwsimStore } from "../../store";
import { applyCanvasIntents } from "./applyCanvasIntents";
import { planConnection } from "./canvasEdits";

/** Binding: a connection drawn between two handles becomes the YAML edit planConnection decides on. */
export function useConnectBinding(
  graph: SemanticGraph | undefined,
  confirm: (question: string) => boolean = defaultConfirm,
) {
  return useCallback(
    (c: Connection) => {
      if (!graph) return;
      const plan = planConnection(graph, useGwsimStore.getState().analysis?.explain ?? [], c);
      if (plan.type === "notice")
        useGwsimStore.getState().setNotice({ kind: "info", message: plan.message });
      else if (plan.type === "apply" || confirm(plan.question)) applyCanvasIntents(plan.intents);
    },
    [graph, confirm],
  );
}

function defaultConfirm(question: string): boolean {
  return window.confirm(question);
}
