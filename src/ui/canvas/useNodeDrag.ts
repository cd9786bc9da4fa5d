import { applyNodeChanges, type NodeChange } from "@xyflow/react";
import { useCallback, type Dispatch, type SetStateAction } from "react";
import type { ResourceKey } from "../../engine";
import { useGwsimStore } from "../../store";
import type { FlowNode } from "./flowTypes";

/** Binding: a drag moves the local node copy; the store learns the position when the drag ends (never the YAML). */
export function useNodeDrag(setNodes: Dispatch<SetStateAction<FlowNode[]>>) {
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const moves = changes.filter((c) => c.type === "position" || c.type === "dimensions");
      if (moves.length > 0) setNodes((ns) => applyNodeChanges(moves, ns));
      for (const c of changes) {
        if (c.type === "position" && c.dragging === false && c.position)
          rememberPosition(c.id, c.position);
      }
    },
    [setNodes],
  );
  const onNodeDragStop = useCallback(
    (_: unknown, node: FlowNode) => rememberPosition(node.id, node.position),
    [],
  );
  return { onNodesChange, onNodeDragStop };
}

function rememberPosition(id: string, p: { x: number; y: number }): void {
  useGwsimStore
    .getState()
    .setPosition(id as ResourceKey, { x: Math.round(p.x), y: Math.round(p.y) });
}
