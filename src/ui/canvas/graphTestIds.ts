/** Key-based, kebab-case test ids: "HTTPRoute/team-b/shop" → "graph-node-httproute-team-b-shop". */
import { slug as slugOf } from "../../engine/present";

export { slugOf };

export function nodeTestId(key: string): string {
  return `graph-node-${slugOf(key)}`;
}

/** "parent:HTTPRoute/team-b/shop:0:http" → "graph-edge-parent-httproute-team-b-shop-0-http". */
export function edgeTestId(edgeId: string): string {
  return `graph-edge-${slugOf(edgeId)}`;
}

/** The DOM id of a node's card, for aria-activedescendant (the canvas keyboard cursor). */
export function nodeDomId(key: string): string {
  return `gn-${slugOf(key)}`;
}
