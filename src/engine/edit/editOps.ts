/**
 * Semantic edits the designer (canvas, inspector) applies to the YAML text. Plain data, so they
 * can be logged, undone and sent to a worker.
 *
 * Objects are addressed by `{kind, namespace, name}` as the loader reports them: namespaced
 * objects without `metadata.namespace` are in "default"; cluster-scoped ones have no namespace.
 * Indexes (ruleIndex, backendIndex, parentRef index) are 0-based positions in the YAML lists.
 */
import type { FieldPath } from "../types";

export interface ObjectSelector {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ParentRefInput {
  name: string;
  namespace?: string;
  sectionName?: string;
  port?: number;
  group?: string;
  kind?: string;
}

export interface BackendRefInput {
  name: string;
  namespace?: string;
  port?: number;
  weight?: number;
  group?: string;
  kind?: string;
}

export type EditOp =
  /** Appends to spec.parentRefs (created when absent). */
  | { op: "addParentRef"; target: ObjectSelector; parentRef: ParentRefInput }
  | { op: "removeParentRef"; target: ObjectSelector; index: number }
  /** Appends to spec.rules[ruleIndex].backendRefs; ruleIndex may equal the rule count to add a rule. */
  | { op: "addBackendRef"; target: ObjectSelector; ruleIndex: number; backendRef: BackendRefInput }
  | { op: "removeBackendRef"; target: ObjectSelector; ruleIndex: number; backendIndex: number }
  | {
      op: "setBackendWeight";
      target: ObjectSelector;
      ruleIndex: number;
      backendIndex: number;
      weight: number;
    }
  /** Drops the object's document, or its item when it came from a `kind: List`. */
  | { op: "removeObject"; target: ObjectSelector }
  /** Sets metadata.name (and metadata.namespace when given). References to it are not rewritten. */
  | { op: "renameObject"; target: ObjectSelector; name: string; namespace?: string }
  /** Appends a new `---` document, keys in the conventional order apiVersion, kind, metadata, spec. */
  | { op: "addObject"; object: Record<string, unknown> }
  /** Sets any field; missing parent mappings are created; an index equal to a list's length appends. */
  | { op: "setField"; target: ObjectSelector; path: FieldPath; value: unknown }
  | { op: "removeField"; target: ObjectSelector; path: FieldPath };

/** Lines (1-based, inclusive) of the result text that an edit wrote; for a diff view. */
export interface ChangedLines {
  startLine: number;
  endLine: number;
}

export interface FailedEdit {
  index: number;
  op: EditOp;
  reason: string;
}

export interface EditResult {
  text: string;
  /** Where the result differs from the input, merged and ordered; deletions mark the line they closed up at. */
  changedLines: ChangedLines[];
  /** Edits that could not be applied (target not found, bad index); the others still were. */
  failed: FailedEdit[];
}
