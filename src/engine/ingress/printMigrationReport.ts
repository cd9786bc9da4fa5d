/**
 * The equivalence report as terminal text: totals, what loading the input found, annotations not
 * simulated, findings, then each difference with the request, both results, why, and both traces.
 * Control characters from the input are escaped so a crafted host or path cannot drive the
 * terminal.
 */
import type { MigrationReport, SideResult } from "./compareMigration";
import { appendAll } from "../collections/appendAll";
import { printDiagnostics } from "../print/printDiagnostics";

export function printMigrationReport(report: MigrationReport): string {
  const e = report.equivalence;
  const lines: string[] = [
    `Equivalence: ${e.requests} requests, ${e.same} behave the same, ${e.different.length} differ`,
  ];
  if (report.inputDiagnostics.length > 0) {
    // What `gwsim check` says about the same input: a duplicate or a dropped field changes what
    // was converted.
    lines.push("", "The input (as gwsim check reports it):");
    appendAll(
      lines,
      printDiagnostics(report.inputDiagnostics)
        .trimEnd()
        .split("\n")
        .map((l) => `  ${l}`),
    );
  }
  if (report.gatewayApiErrors.length > 0) {
    lines.push("", "Errors in the Gateway API YAML:");
    appendAll(
      lines,
      report.gatewayApiErrors.map((x) => `  ${x}`),
    );
  }
  if (report.notSimulated.length > 0) {
    lines.push("", "Not simulated (ingress-nginx acts on these; the comparison cannot):");
    for (const n of report.notSimulated) lines.push(`  ${n.ingress}: ${n.annotation}`);
  }
  if (report.findings.length > 0) {
    lines.push("", "Findings:");
    for (const f of report.findings) lines.push(`  ${f.severity} ${f.ingress}: ${f.message}`);
  }
  e.different.forEach((d, i) => {
    const headers = Object.entries(d.request.headers)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join("");
    lines.push(
      "",
      `${i + 1}. ${d.request.method} ${d.request.scheme}://${d.request.host}${d.request.path}${headers}`,
    );
    lines.push(
      `   ingress-nginx  ${side(d.ingress)}`,
      `   Gateway API    ${side(d.gatewayApi)}`,
      `   why: ${d.why}`,
    );
    lines.push("   ingress-nginx trace:");
    appendAll(lines, indent(d.ingressTrace));
    lines.push("   Gateway API trace:");
    appendAll(lines, indent(d.gatewayApiTrace));
  });
  return escapeControl(`${lines.join("\n")}\n`);
}

function side(s: SideResult): string {
  if (s.backend === null && s.path !== null) return `${s.status} → ${s.path}`;
  return `${s.status}${s.backend ? ` ${s.backend}` : ""}${s.path ? ` path ${s.path}` : ""}`;
}

function indent(text: string): string[] {
  return text.split("\n").map((l) => `     ${l}`);
}

export function escapeControl(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}
