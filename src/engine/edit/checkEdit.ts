/**
 * Validation as you type: applies a form's edits to the text and validates the edited object the
 * way the loader does (CRD schema, CEL rules, gwsim's own checks), so a form can show the message
 * inline and write nothing while it is invalid. Only the edited object's document is validated
 * (it is what the edit can break, and it keeps each keystroke cheap on a large workspace); errors
 * the object already had before the edit do not block it.
 */
import { loadValidated } from "../validate/loadValidated";
import type { Diagnostic } from "../types";
import { applyEdits } from "./applyEdits";
import type { EditOp, FailedEdit, ObjectSelector } from "./editOps";
import { locateObject } from "./findObjectNode";

export interface CheckedEdit {
  /** The text with the edits applied (the input text when there was nothing to apply). */
  text: string;
  failed: FailedEdit[];
  /** Errors the edit introduces on the target object, with their field path. Empty: safe to write. */
  errors: Diagnostic[];
}

export function checkEdit(
  text: string,
  ops: readonly EditOp[],
  target: ObjectSelector,
): CheckedEdit {
  if (ops.length === 0) return { text, failed: [], errors: [] };
  const result = applyEdits(text, ops);
  const before = new Set(objectErrors(text, target).map(identity));
  const errors = objectErrors(result.text, target).filter((d) => !before.has(identity(d)));
  return { text: result.text, failed: result.failed, errors };
}

function objectErrors(text: string, target: ObjectSelector): Diagnostic[] {
  const located = locateObject(text, target);
  if (!located) return [];
  const { loadDiagnostics, validationDiagnostics } = loadValidated([
    { name: "edit.yaml", text: located.chunkText },
  ]);
  const namespace = target.namespace ?? "default";
  return [...loadDiagnostics, ...validationDiagnostics].filter(
    (d) =>
      d.severity === "error" &&
      (d.object === undefined ||
        (d.object.kind === target.kind &&
          d.object.name === target.name &&
          (d.object.namespace ?? namespace) === namespace)),
  );
}

function identity(d: Diagnostic): string {
  return `${d.code}\u0000${d.path ?? ""}\u0000${d.message}`;
}
