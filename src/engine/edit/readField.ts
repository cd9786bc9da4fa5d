/**
 * Reads one field of one object from the YAML text, as plain data: what an edit form shows as the
 * current value before it writes with applyEdits. Addressing is applyEdits' (kind, namespace, name;
 * the later of two duplicates). Undefined when the object or the field is not there.
 */
import { isCollection, isNode } from "yaml";
import type { FieldPath } from "../types";
import type { ObjectSelector } from "./editOps";
import { locateObject } from "./findObjectNode";

export function readField(text: string, target: ObjectSelector, path: FieldPath): unknown {
  const located = locateObject(text, target);
  if (!located) return undefined;
  const value: unknown =
    path.length === 0 ? located.node.root : located.node.root.getIn(path, true);
  if (value === undefined || value === null) return undefined;
  if (isCollection(value) || isNode(value)) return (value as { toJSON(): unknown }).toJSON();
  return value;
}
