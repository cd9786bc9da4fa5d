import type { GraphNode } from "../../engine";

/**
 * Whether the inspector's edit forms of two graph nodes are the same forms: they are built from
 * the object's identity and category alone (the fields themselves are read from the YAML), so a
 * node whose status or details changed keeps them.
 */
export function sameFormTarget(a: { node: GraphNode }, b: { node: GraphNode }): boolean {
  const x = a.node;
  const y = b.node;
  return (
    x === y ||
    (x.kind === y.kind &&
      x.namespace === y.namespace &&
      x.name === y.name &&
      x.ghost === y.ghost &&
      x.details.category === y.details.category)
  );
}
