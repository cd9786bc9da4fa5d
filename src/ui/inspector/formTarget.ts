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

/**
 * Whether one listener's or rule's forms get the same props: props that are data read from the
 * YAML (plain JSON values: the owner's selector, indexes, the row itself), compared by what they
 * say. Each new text is parsed into new objects, so a keystroke elsewhere in the document (or
 * in another field of this object) keeps the rows it did not change and their fields' DOM as
 * they are; their edit functions are built from the same data, so they stay right.
 */
export function sameFormData(a: object, b: object): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
