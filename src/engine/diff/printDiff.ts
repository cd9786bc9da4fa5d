/**
 * Renderings of a RevisionDiff: terminal text, a pull-request comment (markdown), and the JSON
 * shape `gwsim diff --format json` promises. GitHub annotations are in printDiffGithub.ts.
 */
import type { OutcomeSummary } from "../whatif/types";
import type { ChangedObject, DiffObject, DiffProbe, RevisionDiff, StatusDiff } from "./diffTypes";
import { appendAll } from "../collections/appendAll";

/** "2 objects changed, 1 added · 3 status changes · 4 of 38 requests change". */
export function summarizeDiff(diff: RevisionDiff): string {
  const o = diff.objects;
  const objectParts = [
    o.changed.length > 0 ? `${o.changed.length} changed` : "",
    o.added.length > 0 ? `${o.added.length} added` : "",
    o.removed.length > 0 ? `${o.removed.length} removed` : "",
  ].filter((p) => p !== "");
  const objects =
    objectParts.length === 0 ? "no object changed" : `objects: ${objectParts.join(", ")}`;
  const status =
    diff.status.length === 0 ? "no status change" : plural(diff.status.length, "status change");
  const total = diff.compared.caseFile + diff.compared.derived;
  const traffic =
    diff.requests.length === 0
      ? `no request of ${total} changes outcome`
      : `${diff.requests.length} of ${total} requests change outcome`;
  return `${objects} · ${status} · ${traffic}`;
}

export function printDiffText(diff: RevisionDiff): string {
  const lines = [`gwsim diff: ${summarizeDiff(diff)}`];
  const o = diff.objects;
  if (o.added.length + o.removed.length + o.changed.length > 0) {
    lines.push("", "Objects");
    for (const a of o.added) lines.push(`  + ${objectName(a)}  (${a.file}:${a.line})`);
    for (const r of o.removed) lines.push(`  - ${objectName(r)}  (was ${r.file}:${r.line})`);
    for (const c of o.changed) {
      lines.push(`  ~ ${objectName(c)}  (${c.file}:${c.line})`);
      for (const f of c.fields) lines.push(`      ${f.path}: ${f.before} → ${f.after}`);
      if (c.fieldsTruncated) lines.push("      … more fields changed");
    }
  }
  if (diff.status.length > 0) {
    lines.push("", "Status");
    for (const s of diff.status) {
      lines.push(`  ${objectName(s)} ${s.scope}: ${s.before} → ${s.after}`);
      const why = statusWords(s);
      if (why !== undefined) lines.push(`      ${why}`);
    }
  }
  if (diff.requests.length > 0) {
    lines.push("", "Requests");
    for (const r of diff.requests) {
      lines.push(`  ${r.label}  (${probeOrigin(r.probe)})`);
      lines.push(`      before: ${outcomeLine(r.before, r.after)}`);
      lines.push(`      after:  ${outcomeLine(r.after, r.before)}`);
      lines.push(`      why:    ${r.why}`);
    }
  }
  return `${lines.map(escapeControl).join("\n")}\n`;
}

export function printDiffMarkdown(diff: RevisionDiff): string {
  const out: string[] = [`**gwsim diff**: ${md(summarizeDiff(diff))}`];
  const o = diff.objects;
  if (o.added.length + o.removed.length + o.changed.length > 0) {
    out.push("", "#### Objects", "", "| change | object | where | fields |", "|---|---|---|---|");
    for (const a of o.added) out.push(row(["added", objectName(a), `${a.file}:${a.line}`, ""]));
    for (const r of o.removed)
      out.push(row(["removed", objectName(r), `${r.file}:${r.line} (base)`, ""]));
    for (const c of o.changed)
      out.push(row(["changed", objectName(c), `${c.file}:${c.line}`, fieldList(c)]));
  }
  if (diff.status.length > 0) {
    out.push(
      "",
      "#### Status",
      "",
      "| object | scope | before | after | why |",
      "|---|---|---|---|---|",
    );
    for (const s of diff.status)
      out.push(row([objectName(s), s.scope, s.before, s.after, statusWords(s) ?? ""]));
  }
  if (diff.requests.length > 0) {
    out.push(
      "",
      "#### Requests whose outcome changes",
      "",
      "| request | from | before | after | why |",
      "|---|---|---|---|---|",
    );
    for (const r of diff.requests)
      out.push(
        row([
          r.label,
          probeOrigin(r.probe),
          outcomeLine(r.before, r.after),
          outcomeLine(r.after, r.before),
          r.why,
        ]),
      );
    out.push("", `<details><summary>Traces (${diff.requests.length})</summary>`, "");
    for (const r of diff.requests) {
      appendAll(out, [`**${md(r.label)}**`, "", "before:", ""]);
      appendAll(out, fenced(r.beforeTrace));
      appendAll(out, ["", "after:", ""]);
      appendAll(out, fenced(r.afterTrace));
      out.push("");
    }
    out.push("</details>");
  }
  return `${out.join("\n")}\n`;
}

/** The JSON shape `gwsim diff --format json` prints: {objects, status, requests}. */
export function diffToJson(diff: RevisionDiff): unknown {
  return {
    objects: {
      added: diff.objects.added,
      removed: diff.objects.removed,
      changed: diff.objects.changed.map((c) => ({
        kind: c.kind,
        namespace: c.namespace,
        name: c.name,
        file: c.file,
        line: c.line,
        fields: c.fields.map((f) => ({
          path: f.path,
          before: f.before,
          after: f.after,
          line: f.at.line,
        })),
        ...(c.fieldsTruncated ? { fieldsTruncated: true } : {}),
      })),
    },
    status: diff.status.map((s) => ({
      kind: s.kind,
      namespace: s.namespace,
      name: s.name,
      scope: s.scope,
      before: withWords(s.before, s.beforeMessage),
      after: withWords(s.after, s.afterMessage),
    })),
    requests: diff.requests.map((r) => ({
      request: { name: r.probe.name, origin: r.probe.origin, ...r.probe.request },
      before: outcomeJson(r.before),
      after: outcomeJson(r.after),
      why: r.why,
    })),
  };
}

function outcomeJson(o: OutcomeSummary): Record<string, unknown> {
  const out: Record<string, unknown> = { text: o.text, status: o.status, kind: o.kind };
  if (o.route !== undefined) out.route = o.route;
  if (o.ruleIndex !== undefined) out.rule = o.ruleIndex;
  out.shares = Object.fromEntries(o.shares.map((s) => [s.bucket, s.share]));
  if (o.redirect !== undefined) out.redirect = o.redirect;
  if (o.backendRequest !== undefined) out.backendRequest = o.backendRequest;
  return out;
}

function withWords(value: string, message: string | undefined): string {
  return message === undefined || message === "" ? value : `${value}: ${message}`;
}

/** The condition's message on the side that matters: the new one, or the old one when the condition went away. */
function statusWords(s: StatusDiff): string | undefined {
  if (s.afterMessage !== undefined && s.afterMessage !== "") return `now: ${s.afterMessage}`;
  if (s.beforeMessage !== undefined && s.beforeMessage !== "") return `was: ${s.beforeMessage}`;
  return undefined;
}

/** Where a request ends on one side; what the backend receives only when it differs from the other side. */
export function outcomeLine(o: OutcomeSummary, other: OutcomeSummary): string {
  const via =
    o.route !== undefined ? ` via ${o.route.replace("/", " ")} rule ${o.ruleIndex ?? 0}` : "";
  const receives =
    o.backendRequest !== undefined && o.backendRequest !== other.backendRequest
      ? `; backend receives ${o.backendRequest}`
      : "";
  return `${o.text}${via}${receives}`;
}

export function objectName(o: DiffObject | StatusDiff): string {
  return `${o.kind} ${o.namespace !== null ? `${o.namespace}/` : ""}${o.name}`;
}

export function probeOrigin(p: DiffProbe): string {
  if (p.origin.source === "case-file") return `${p.name}, ${p.origin.file}`;
  return p.origin.from.join("; ");
}

function fieldList(c: ChangedObject): string[] {
  const list = c.fields.map((f) => `${f.path}: ${f.before} → ${f.after}`);
  return c.fieldsTruncated ? [...list, "…"] : list;
}

/** A table row; a cell given as a list shows one entry per line. */
function row(cells: readonly (string | readonly string[])[]): string {
  return `| ${cells.map((c) => (typeof c === "string" ? md(c) : c.map(md).join("<br>"))).join(" | ")} |`;
}

/** Text safe in a markdown table cell: no HTML, no pipes, no line breaks, no control characters. */
function md(text: string): string {
  return escapeControl(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]]/g, (c) => `\\${c}`)
    .replace(/\|/g, "\\|");
}

/** A code block whose fence is longer than any backtick run inside it. */
function fenced(text: string): string[] {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}text`, escapeControl(text.replace(/\n$/, "")), fence];
}

/** Terminal- and log-safe: control characters other than newline and tab shown as \uXXXX. */
export function escapeControl(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.charCodeAt(0);
    const control = (code < 0x20 && c !== "\n" && c !== "\t") || (code >= 0x7f && code <= 0x9f);
    out += control ? `\\u${code.toString(16).padStart(4, "0")}` : c;
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
