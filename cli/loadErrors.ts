/**
 * The documents of the input that did not load (YAML syntax, not a mapping, no kind or name, …),
 * for the commands that send requests. `check` lists them with every other problem and exits 1;
 * `route` and `simulate` used to trace over what was left and say nothing, so a broken document
 * (its Gateway, its route) silently changed the answer. They print the same located lines on
 * stderr (stdout stays the trace, or its JSON) and exit 1, as check does for an error.
 */
import { printDiagnostics, type Diagnostic } from "../src/engine";
import type { CliIO } from "./cliIO";

/** Loader codes: yaml.* (parsing) and object.* (identity); at error severity the document is dropped. */
function isLoadError(d: Diagnostic): boolean {
  return d.severity === "error" && (d.code.startsWith("yaml.") || d.code.startsWith("object."));
}

/** Prints the load errors with check's words; returns how many there are. */
export function reportLoadErrors(
  io: CliIO,
  command: string,
  diagnostics: readonly Diagnostic[],
): number {
  const errors = diagnostics.filter(isLoadError);
  if (errors.length === 0) return 0;
  const what = errors.length === 1 ? "a document" : `${errors.length} documents`;
  io.stderr(printDiagnostics(errors));
  io.stderr(
    `gwsim ${command}: ${what} of the input did not load (above), so the result leaves ${errors.length === 1 ? "it" : "them"} out; \`gwsim check\` lists every problem.\n`,
  );
  return errors.length;
}
