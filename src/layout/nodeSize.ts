import type { GraphNode } from "../engine";

/**
 * The size each node is drawn at. The canvas renders nodes at exactly this size and the layout
 * packs them with it, so the two always agree (no measuring pass before layout).
 */
export const NODE_WIDTH = 212;
/** Gateways and ListenerSets list their listeners (name, protocol:port, hostname, routes): wider. */
export const LISTENER_NODE_WIDTH = 264;
export const HEADER_HEIGHT = 50;
export const ROW_HEIGHT = 22;
export const LISTENER_ROW_HEIGHT = 26;
const PADDING = 10;
const MAX_OTHER_ITEMS = 6;

export function nodeSize(node: GraphNode): { width: number; height: number } {
  const wide = node.category === "gateway" || node.category === "listenerSet";
  return {
    width: wide ? LISTENER_NODE_WIDTH : NODE_WIDTH,
    height: HEADER_HEIGHT + bodyHeight(node) + PADDING,
  };
}

function bodyHeight(node: GraphNode): number {
  const reasonLine =
    node.reason && node.category !== "gateway" && node.category !== "listenerSet" ? ROW_HEIGHT : 0;
  const d = node.details;
  switch (d.category) {
    case "class":
      return ROW_HEIGHT + reasonLine;
    case "gateway":
    case "listenerSet":
      return (
        Math.max(1, d.listeners.length) * LISTENER_ROW_HEIGHT +
        (node.reason && d.listeners.every((l) => l.ready) ? ROW_HEIGHT : 0)
      );
    case "route":
      return 2 * ROW_HEIGHT + reasonLine;
    case "backend":
      return ROW_HEIGHT + reasonLine;
    case "grant":
      return (d.from.length + d.to.length) * ROW_HEIGHT;
    case "policy":
      return Math.max(1, d.targets.length) * ROW_HEIGHT + reasonLine;
    case "other":
      return Math.min(d.items.length, MAX_OTHER_ITEMS + 1) * ROW_HEIGHT;
  }
}

export { MAX_OTHER_ITEMS };
