import type { OnBeforeDelete } from "@xyflow/react";
import { useCallback } from "react";
import type { SemanticGraph } from "../../engine";
import { applyCanvasIntents } from "./applyCanvasIntents";
import { planDeletion } from "./canvasEdits";
import type { FlowEdge, FlowNode } from "./flowTypes";

/**
 * Binding: Delete/Backspace on selected nodes or edges becomes YAML edits (after asking when other
 * objects reference a node). React Flow never removes anything itself: the analysis redraws.
 */
export function useDeleteBinding(
  graph: SemanticGraph | undefined,
  confirm: (question: string) => boolean = defaultConfirm,
): OnBeforeDelete<FlowNode, FlowEdge> {
  return useCallback(
    async ({ nodes, edges }) => {
      if (!graph) return false;
      const plan = planDeletion(
        graph,
        nodes.map((n) =>
          n.type === "graphNode" ? { id: n.id, graphNode: n.data.node } : { id: n.id },
        ),
        edges.map((e) => e.data?.edge),
      );
      if (plan.questions.every((q) => confirm(q)) && plan.intents.length > 0)
        applyCanvasIntents(plan.intents);
      return false;
    },
    [graph, confirm],
  );
}

function defaultConfirm(question: string): boolean {
  return window.confirm(question);
}
