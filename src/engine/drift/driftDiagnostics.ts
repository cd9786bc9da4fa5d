/**
 * Status drift as diagnostics, so `gwsim check`, the CI reports and the Problems panel show each
 * disagreement at the controller's condition in the dump.
 */
import { parseResourceKey } from "../api/keys";
import { diagnostic } from "../diagnostics/diagnostic";
import { nameOf } from "../lint/locateFinding";
import type { Diagnostic } from "../types";
import type { LocatedDrift } from "./compareConditions";

export function driftDiagnostics(drift: readonly LocatedDrift[]): Diagnostic[] {
  return drift.map(({ entry, at, docIndex }) => {
    const object = parseResourceKey(entry.object);
    // Entry messages start with their scope; for a whole-object scope the object's name says it.
    const prefix = `${object.kind}: `;
    const message = entry.message.startsWith(prefix)
      ? `${nameOf(entry.object)}: ${entry.message.slice(prefix.length)}`
      : `${nameOf(entry.object)}, ${entry.message}`;
    if (entry.kind === "stale-generation")
      return diagnostic("status.stale-generation", at, message, { object, docIndex });
    return diagnostic("status.controller-disagrees", at, message, {
      object,
      docIndex,
      hint: hintFor(entry),
    });
  });
}

function hintFor(entry: LocatedDrift["entry"]): string {
  const cause =
    "The cluster may hold objects these files lack (a Namespace label, a ReferenceGrant, another route), or the controller may be behind or read the spec differently.";
  const said = entry.controller?.message
    ? ` The controller's message: "${entry.controller.message}".`
    : "";
  switch (entry.kind) {
    case "mismatch":
      return `${cause}${said} Compare it with gwsim's reasoning for this status (in the inspector, or the status part of \`gwsim check\`).`;
    case "missing-in-controller":
      return `${cause} gwsim computes this condition from these files; the controller wrote none.`;
    case "missing-in-gwsim":
      return `${cause}${said} gwsim computes no such condition here from these files.`;
    default:
      return `${cause} Compare the routes each side counts on this listener.`;
  }
}
