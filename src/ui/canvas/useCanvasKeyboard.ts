import { useCallback, useEffect, useState, type KeyboardEvent } from "react";
import type { ResourceKey } from "../../engine";
import { useGwsimStore } from "../../store";
import { useCanvasView } from "./canvasViewStore";
import type { FlowNode, GraphFlowNode } from "./flowTypes";
import { nodeDomId } from "./graphTestIds";
import { NODE_STATUS_TEXT } from "./nodeStatusText";
import { firstNode, isArrowKey, nextNodeInDirection, type NavBox } from "./spatialNavigation";

/**
 * Binding: the canvas is one tab stop. Arrow keys move a cursor between nodes by where they are
 * drawn (Left/Right across columns, Up/Down within one), Enter opens the node in the inspector,
 * F shows its neighbourhood (focus mode), Home goes back to the first node. The cursor is
 * exposed through aria-activedescendant and a live description for screen readers.
 *
 * The description is given only while the graph itself has focus: it is a live region, and its
 * text (the cursor node's status) changes whenever an analysis lands. While the person types in
 * the editor, every keystroke that changed that node's status would otherwise be announced over
 * what they are doing.
 */
export function useCanvasKeyboard(nodes: readonly FlowNode[], reveal: (id: string) => void) {
  const cursor = useCanvasView((s) => s.cursor);
  const [graphFocused, setGraphFocused] = useState(false);
  const selected = useGwsimStore((s) => s.selected);
  // The cursor follows the selection (a click, the Problems list, a trace step): arrows then move
  // on from the object the person is looking at, not from where the cursor last was.
  useEffect(() => {
    if (selected !== undefined) useCanvasView.getState().setCursor(selected);
  }, [selected]);
  const cards = nodes.filter((n): n is GraphFlowNode => n.type === "graphNode" && !n.hidden);
  const current = cards.find((n) => n.id === cursor);

  const boxes = useCallback(
    (): NavBox[] =>
      cards.map((n) => ({
        id: n.id,
        x: n.position.x,
        y: n.position.y,
        width: n.width ?? 0,
        height: n.height ?? 0,
      })),
    [cards],
  );

  const moveTo = useCallback(
    (id: string | undefined) => {
      if (id === undefined) return;
      useCanvasView.getState().setCursor(id);
      reveal(id);
    },
    [reveal],
  );

  const onFocus = useCallback(() => {
    setGraphFocused(true);
    // Entering the canvas: the cursor starts on the selection, else where it was, else the first node.
    if (current) return;
    const selected = useGwsimStore.getState().selected;
    const start = cards.some((n) => n.id === selected) ? selected : firstNode(boxes());
    moveTo(start);
  }, [current, cards, boxes, moveTo]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey)
        return;
      const key = event.key;
      if (isArrowKey(key)) {
        event.preventDefault();
        if (!current) return moveTo(firstNode(boxes()));
        moveTo(nextNodeInDirection(boxes(), current.id, key));
      } else if (key === "Home") {
        event.preventDefault();
        moveTo(firstNode(boxes()));
      } else if ((key === "Enter" || key === " ") && current) {
        event.preventDefault();
        useGwsimStore.getState().select(current.id as ResourceKey, "canvas");
      } else if ((key === "f" || key === "F") && current) {
        event.preventDefault();
        useCanvasView.getState().setFocusOn(current.id);
      }
    },
    [current, boxes, moveTo],
  );

  /** Focus left the graph (to the editor, a panel, or a control inside the canvas). */
  const onBlur = useCallback(() => setGraphFocused(false), []);

  const description = current && graphFocused ? describe(current) : undefined;
  return {
    onKeyDown,
    onFocus,
    onBlur,
    activeDescendant: current ? nodeDomId(current.id) : undefined,
    description,
  };
}

function describe(n: GraphFlowNode): string {
  const node = n.data.node;
  const where = node.namespace ? ` in ${node.namespace}` : "";
  const reason = node.reason && node.status !== "ok" ? `, ${node.reason}` : "";
  return `${node.kind} ${node.name}${where}: ${NODE_STATUS_TEXT[node.status]}${reason}`;
}
