/**
 * Diagnostics as a JUnit XML report (`gwsim check --format junit`), the format CI systems
 * (GitLab, Jenkins, Azure DevOps) show as test results: one testsuite per input file, one
 * failing testcase per error or warning, and one passing testcase for a file without any.
 * Info diagnostics are not failures and are left out.
 */
import type { Diagnostic } from "../types";

export function printJUnitReport(
  files: readonly string[],
  diagnostics: readonly Diagnostic[],
): string {
  const failing = diagnostics.filter((d) => d.severity !== "info");
  const names = [...new Set([...files, ...failing.map((d) => d.file)])];
  const suites = names.map((file) => {
    const mine = failing.filter((d) => d.file === file);
    const cases =
      mine.length === 0
        ? [`    <testcase classname="${attr(file)}" name="${attr(file)}"/>`]
        : mine.map((d) => testcase(file, d));
    return [
      `  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${mine.length}" errors="0">`,
      ...cases,
      "  </testsuite>",
    ].join("\n");
  });
  const tests = names.reduce(
    (n, f) => n + Math.max(1, failing.filter((d) => d.file === f).length),
    0,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="gwsim check" tests="${tests}" failures="${failing.length}" errors="0">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}

function testcase(file: string, d: Diagnostic): string {
  const where = `${file}:${d.line}:${d.column}`;
  const body = [
    d.message,
    d.hint ? `Hint: ${d.hint}` : "",
    `At ${where}${d.path ? ` (${d.path})` : ""}`,
  ]
    .filter(Boolean)
    .join("\n");
  return [
    `    <testcase classname="${attr(file)}" name="${attr(`${d.code} at line ${d.line}`)}">`,
    `      <failure type="${d.severity}" message="${attr(d.message)}">${text(body)}</failure>`,
    "    </testcase>",
  ].join("\n");
}

// XML 1.0 forbids these even as character references: C0 controls but tab, newline and carriage
// return, U+FFFE/U+FFFF, and unpaired surrogates (the `u` flag makes the class match only those).
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;

function text(s: string): string {
  return s
    .replace(XML_FORBIDDEN, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}
