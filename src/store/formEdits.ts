/**
 * The inspector's edit forms, through the engine: each form describes its change as a FormEdit;
 * checkFormEdit turns it into minimal YAML edits and validates the edited object (as you type),
 * commitFormEdit writes it as one undo step, but only when it introduces no error.
 */
import {
  backendEdits,
  checkEdit,
  listenerEdits,
  matchEdits,
  routeHostnameEdits,
  routeStructureEdits,
  type BackendPatch,
  type Diagnostic,
  type EditOp,
  type ListenerPatch,
  type MatchPatch,
  type ObjectSelector,
  type StructureEdit,
} from "../engine";
import { applyCanvasEdits } from "./canvasEdits";
import { useGwsimStore } from "./index";

export type FormEdit =
  | { type: "listener"; owner: ObjectSelector; listener: string; patch: ListenerPatch }
  | { type: "hostnames"; route: ObjectSelector; hostnames: readonly string[] }
  | {
      type: "match";
      route: ObjectSelector;
      ruleIndex: number;
      matchIndex: number;
      patch: MatchPatch;
    }
  | {
      type: "backend";
      route: ObjectSelector;
      ruleIndex: number;
      backendIndex: number;
      patch: BackendPatch;
    }
  /** A rule, match or backendRef added or removed. */
  | { type: "structure"; route: ObjectSelector; edit: StructureEdit };

export interface FormCheck {
  ops: EditOp[];
  /** What stops the edit from being written, in the user's words; empty when it may be written. */
  errors: string[];
  /** What a valid edit does to traffic when that may surprise (a rule left without backends). */
  consequence?: string;
}

function opsOf(
  text: string,
  edit: FormEdit,
): { ops: EditOp[]; target: ObjectSelector; consequence?: string; problem?: string } {
  switch (edit.type) {
    case "structure":
      return { ...routeStructureEdits(text, edit.route, edit.edit), target: edit.route };
    case "listener":
      return {
        ops: listenerEdits(text, edit.owner, edit.listener, edit.patch),
        target: edit.owner,
      };
    case "hostnames":
      return { ops: routeHostnameEdits(text, edit.route, edit.hostnames), target: edit.route };
    case "match":
      return {
        ops: matchEdits(text, edit.route, edit.ruleIndex, edit.matchIndex, edit.patch),
        target: edit.route,
      };
    case "backend":
      return {
        ops: backendEdits(text, edit.route, edit.ruleIndex, edit.backendIndex, edit.patch),
        target: edit.route,
      };
  }
}

export function checkFormEdit(edit: FormEdit): FormCheck {
  const text = useGwsimStore.getState().text;
  const { ops, target, consequence, problem } = opsOf(text, edit);
  const checked = checkEdit(text, ops, target);
  const errors = [
    ...(problem !== undefined ? [problem] : []),
    ...checked.failed.map((f) => f.reason),
    ...checked.errors.map(describe),
  ];
  return { ops, errors, ...(consequence !== undefined ? { consequence } : {}) };
}

/** Writes the edit when it is valid; returns the check either way (errors are shown, nothing written). */
export function commitFormEdit(edit: FormEdit): FormCheck {
  const check = checkFormEdit(edit);
  if (check.errors.length === 0 && check.ops.length > 0) applyCanvasEdits(check.ops, "inspector");
  return check;
}

function describe(d: Diagnostic): string {
  return `${d.path ? `${d.path}: ` : ""}${d.message}${d.hint ? ` ${d.hint}` : ""}`;
}
