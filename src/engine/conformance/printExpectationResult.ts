/**
 * Stable text for one expectation result: what `gwsim test` prints and what a failing
 * conformance test shows. A failure reads as: which request, every mismatch (expected vs got),
 * then the engine's trace of why the request went where it went.
 */
import type { ExpectationResult } from "./caseTypes";
import type { OutcomeSummary } from "./summarizeOutcome";
import { appendAll } from "../collections/appendAll";

export function printExpectationResult(r: ExpectationResult): string {
  const mark = r.skipped !== undefined ? "-" : r.pass ? "✓" : "✗";
  const head = `${mark} ${r.case} › ${r.name}`;
  if (r.skipped !== undefined) return `${head}\n    skipped: ${r.skipped}`;
  if (r.pass) return head;
  const lines = [head, ...indent(r.message || "failed", 4)];
  if (r.sent !== undefined) lines.push(`    sent: ${r.sent}`);
  lines.push(`    expected: ${JSON.stringify(r.expected)}`);
  if (r.kind === "request" && isOutcomeSummary(r.got))
    lines.push(`    got: ${printOutcome(r.got)}`);
  else if (r.got !== undefined) lines.push(`    got: ${JSON.stringify(r.got)}`);
  if (r.trace !== undefined) {
    lines.push("    trace:");
    appendAll(lines, indent(r.trace.trimEnd(), 6));
  }
  return lines.join("\n");
}

/** "200 forwarded → ns/a 90%, ns/b 10%" ("forwarded → …" for a raw connection), or the redirect, or the reason it failed. */
function printOutcome(o: OutcomeSummary): string {
  const backends = Object.entries(o.backends).map(([k, v]) => `${k} ${v}%`);
  const where =
    o.redirect !== undefined
      ? ` → ${o.redirect}`
      : backends.length > 0
        ? ` → ${backends.join(", ")}`
        : "";
  const grpc = o.grpcCode !== undefined ? ` (gRPC ${o.grpcCode})` : "";
  // A raw TLS/TCP/UDP connection has no HTTP status (0): say so rather than print a fake one.
  const status = o.status === 0 ? "" : `${o.status} `;
  return `${status}${o.kind}${grpc}${where}: ${o.reason}`;
}

function isOutcomeSummary(x: unknown): x is OutcomeSummary {
  return typeof x === "object" && x !== null && "kind" in x && "backends" in x;
}

function indent(text: string, n: number): string[] {
  const pad = " ".repeat(n);
  return text.split("\n").map((l) => pad + l);
}
