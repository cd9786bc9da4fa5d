/**
 * One case file's line in `gwsim test`: ✓ with the count, or ✗ with every failed expectation
 * (printExpectationResult, indented). Case names and paths come from the case file and are
 * escaped, so one name is always one line.
 */
import { escapeTerminal } from "../print/escapeTerminal";
import type { CaseFile, ExpectationResult } from "./caseTypes";
import { printExpectationResult } from "./printExpectationResult";

export function printCaseResult(
  caseFile: CaseFile,
  file: string,
  results: readonly ExpectationResult[],
): string {
  const failures = results.filter((r) => !r.pass && r.skipped === undefined);
  const skipped = results.filter((r) => r.skipped !== undefined).length;
  const counted = results.length - skipped;
  const skipText = skipped > 0 ? `, ${skipped} skipped` : "";
  const name = escapeTerminal(caseFile.name);
  if (failures.length === 0) return `✓ ${name} (${counted} passed${skipText})\n`;
  const head = `✗ ${name} (${escapeTerminal(file)}): ${failures.length} of ${counted} failed${skipText}\n`;
  return head + failures.map((r) => `${indent(printExpectationResult(r))}\n`).join("");
}

/** A case file that could not run: not a valid case file, or one without manifests. */
export function printCaseProblem(
  file: string,
  caseName: string | undefined,
  problems: readonly string[],
): string {
  const head =
    caseName === undefined
      ? `✗ ${escapeTerminal(file)}`
      : `✗ ${escapeTerminal(caseName)} (${escapeTerminal(file)})`;
  if (problems.length === 1 && caseName !== undefined)
    return `${head}: ${escapeTerminal(problems[0] ?? "")}\n`;
  return `${head}: not a valid case file\n${problems.map((e) => `    ${escapeTerminal(e)}\n`).join("")}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
