import type { OnBeforeDelete } from "@xyflow/react";
import { useCallback, useLayoutEffect, useRef } from "react";
import type { SemanticGraph } from "../../engine";
import { applyCanvasIntents } from "./applyCanvasIntents";
import { loadCanvasEditing, notifyCanvasEditingFailed } from "./loadCanvasEditing";
import type { ShellEdge } from "./edgeLooks";
import type { FlowNode } from "./flowTypes";

/**
 * Binding: Delete/Backspace on selected nodes or edges becomes YAML edits (after asking when other
 * objects reference a node). React Flow never removes anything itself: the analysis redraws.
 */
export function useDeleteBinding(
  graph: SemanticGraph | undefined,
  confirm: (question: string) => boolean = defaultConfirm,
): OnBeforeDelete<FlowNode, ShellEdge> {
  // The latest graph through a ref: a callback that changed with every analysis would be a new
  // React Flow prop per keystroke, and each one a store update that runs every node's and edge's
  // selectors again.
  const latest = useRef({ graph, confirm });
  useLayoutEffect(() => {
    latest.current = { graph, confirm };
  });
  return useCallback(async ({ nodes, edges }) => {
    const { graph, confirm } = latest.current;
    if (!graph) return false;
    const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
    let planDeletion;
    try {
      ({ planDeletion } = await loadCanvasEditing());
    } catch (error) {
      notifyCanvasEditingFailed(error);
      return false;
    }
    const plan = planDeletion(
      graph,
      nodes.map((n) =>
        n.type === "graphNode" ? { id: n.id, graphNode: n.data.node } : { id: n.id },
      ),
      // React Flow holds the edges' shells (edgeLooks.ts): the semantic edges come from the graph.
      edges.map((e) => edgeById.get(e.id)),
    );
    if (plan.questions.every((q) => confirm(q)) && plan.intents.length > 0)
      applyCanvasIntents(plan.intents);
    return false;
  }, []);
}

function defaultConfirm(question: string): boolean {
  return window.confirm(question);
}
