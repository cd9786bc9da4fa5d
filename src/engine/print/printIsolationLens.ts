/**
 * The isolation lens as terminal text: the listeners (numbered, so the table stays narrow), the
 * namespaces × listeners table with ✓ / ✗ and the short reason, the routes that tried and were
 * refused, then the leaks, each with what to do. Names from the manifests are escaped
 * (escapeTerminal), so a name cannot break the table or forge a line.
 */
import { parseResourceKey } from "../api/keys";
import type {
  IsolationCell,
  IsolationLeak,
  IsolationLens,
  IsolationListener,
  LeakKind,
} from "../isolation/isolationTypes";
import type { ResourceKey } from "../types";
import { escapeTerminal as esc } from "./escapeTerminal";

/**
 * What to do about the kinds of leak whose engine message (which names the objects) does not
 * already end with the remedy.
 */
const NEXT_STEP: Partial<Record<LeakKind, string>> = {
  "route-spans-domains":
    "split the route per domain, or remove the parentRef to the other domain's Gateway",
  "namespace-open-to-domains":
    "restrict allowedRoutes to a Selector on a domain label, or remove the label that opens this namespace",
  "network-policy-open":
    "remove the other domain's Gateway namespace from the NetworkPolicy ingress rules",
  "network-policy-missing": "add a NetworkPolicy that admits only this domain's Gateway namespace",
};

export function printIsolationLens(lens: IsolationLens): string {
  const lines: string[] = [];
  lines.push(
    `Isolation lens: ${plural(lens.domains.length, "domain")} (${lens.domains.map(esc).join(", ") || "none"}), ${plural(lens.namespaces.length, "namespace")} × ${plural(lens.listeners.length, "listener")}`,
  );
  if (lens.listeners.length === 0) {
    lines.push(
      "",
      "No listeners: the input has no Gateway with listeners, so there is nothing to attach to.",
    );
  } else {
    lines.push("", "Listeners:");
    lens.listeners.forEach((l, i) => lines.push(`  [${i + 1}] ${describeListener(l)}`));
    lines.push("");
    for (const line of printTable(lens)) lines.push(line);
    const assumed = lens.cells.find((c) => c.assumed !== undefined);
    if (assumed !== undefined)
      lines.push(
        `✓ assumed: allowed only if the namespace carries labels the input cannot show (${esc(assumed.assumed ?? "")}); add the Namespace objects, or use --world closed`,
      );
    for (const line of printConflicts(lens)) lines.push(line);
    const refused = printRefusedRoutes(lens);
    if (refused.length > 0) {
      lines.push("", "Routes refused:");
      for (const line of refused) lines.push(line);
    }
  }
  lines.push("");
  for (const line of printLeaks(lens)) lines.push(line);
  return `${lines.join("\n")}\n`;
}

function describeListener(l: IsolationListener): string {
  const owner = l.owner === l.gateway ? "" : ` via ${short(l.owner)}`;
  const admits =
    l.from === "Selector" && l.selector !== undefined ? `Selector ${l.selector}` : l.from;
  return `${short(l.gateway)}${owner} listener ${esc(l.listener)} (domain ${esc(l.domain)}): ${esc(l.protocol)} :${l.port} ${l.hostname === undefined ? "(any hostname)" : esc(l.hostname)}, routes from ${esc(admits)}`;
}

function printTable(lens: IsolationLens): string[] {
  const cellAt = new Map(lens.cells.map((c) => [`${c.namespace}\u0000${c.listener}`, c]));
  const header = ["namespace", ...lens.listeners.map((_, i) => `[${i + 1}]`)];
  const rows = lens.namespaces.map((ns) => [
    esc(ns.name),
    ...lens.listeners.map((l) => printCell(cellAt.get(`${ns.name}\u0000${l.id}`), l, lens)),
  ]);
  const widths = header.map((h, col) =>
    rows.reduce((max, r) => Math.max(max, (r[col] ?? "").length), h.length),
  );
  const format = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [format(header), ...rows.map(format)];
}

function printCell(
  cell: IsolationCell | undefined,
  listener: IsolationListener,
  lens: IsolationLens,
): string {
  if (!cell) return "-";
  const attached = cell.routes.filter((r) => r.attached).length;
  const refused = cell.routes.length - attached;
  const counts = [
    attached > 0 ? `${attached} attached` : "",
    refused > 0 ? `${refused} refused` : "",
  ]
    .filter((s) => s !== "")
    .join(", ");
  const mark = cell.allowed
    ? cell.assumed !== undefined
      ? "✓ assumed"
      : "✓"
    : `✗ ${shortReason(cell, listener, lens)}`;
  return counts === "" ? mark : `${mark} (${counts})`;
}

/** The admission check that failed, in a word: the rest is in `Routes refused` and in --json. */
function shortReason(
  cell: IsolationCell,
  listener: IsolationListener,
  lens: IsolationLens,
): string {
  if (cell.failedAt === "route-kind") return "kinds";
  const conflict = cell.conflictsWith;
  if (conflict !== undefined) return `conflicts with ${numbered(lens, conflict.listener)}`;
  return listener.from === "Selector" ? "selector" : listener.from;
}

/**
 * The cells refused because their namespace is already assumed to carry other labels: once per
 * listener and earlier selector, with where that selector is written and the namespaces it holds.
 */
function printConflicts(lens: IsolationLens): string[] {
  const groups = new Map<string, { cell: IsolationCell; namespaces: string[] }>();
  for (const cell of lens.cells) {
    const c = cell.conflictsWith;
    if (c === undefined) continue;
    const key = `${cell.listener}\u0000${c.file}:${c.line}:${c.column}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { cell, namespaces: [cell.namespace] });
    else group.namespaces.push(cell.namespace);
  }
  const lines: string[] = [];
  for (const { cell, namespaces } of groups.values()) {
    const c = cell.conflictsWith;
    if (c === undefined) continue;
    const listener = lens.listeners.findIndex((l) => l.id === cell.listener) + 1;
    lines.push(
      `✗ conflicts with ${numbered(lens, c.listener)} on [${listener}]: ${esc(c.site)} (${esc(c.file)}:${c.line}:${c.column}) is assumed first for ${plural(namespaces.length, "namespace")} the input does not declare (${namespaces.map(esc).join(", ")}); one namespace carries one set of labels, and [${listener}]'s selector cannot also hold. Add the Namespace objects to check`,
    );
  }
  return lines;
}

/** "[2]" for a listener of the table, else what the earlier selector is. */
function numbered(lens: IsolationLens, listener: string | undefined): string {
  const i = lens.listeners.findIndex((l) => l.id === listener);
  return i < 0 ? "an earlier selector" : `[${i + 1}]`;
}

function printRefusedRoutes(lens: IsolationLens): string[] {
  const lines: string[] = [];
  for (const cell of lens.cells) {
    for (const r of cell.routes) {
      if (r.attached) continue;
      const listener = lens.listeners.findIndex((l) => l.id === cell.listener) + 1;
      lines.push(
        `  ${short(r.route)} on [${listener}]: ${r.failedCheck ?? "refused"}: ${esc(r.detail ?? cell.detail)}`,
      );
    }
  }
  return lines;
}

function printLeaks(lens: IsolationLens): string[] {
  const leaks: readonly IsolationLeak[] = lens.leaks;
  if (leaks.length === 0) return ["No leaks between domains."];
  const warnings = leaks.filter((l) => l.severity === "warning").length;
  const lines = [
    `Leaks: ${plural(warnings, "warning")}, ${plural(leaks.length - warnings, "note")}`,
  ];
  for (const leak of leaks) {
    lines.push(`  ${leak.severity} ${leak.kind}: ${esc(leak.message)}`);
    // A NetworkPolicy peer that cannot hold names the earlier selector as a refused cell does.
    const c = leak.conflictsWith;
    if (c !== undefined)
      lines.push(
        `    ✗ conflicts with ${numbered(lens, c.listener)}: ${esc(c.site)} (${esc(c.file)}:${c.line}:${c.column})`,
      );
    const next = NEXT_STEP[leak.kind];
    if (next !== undefined) lines.push(`    what to do: ${next}`);
  }
  return lines;
}

function short(key: ResourceKey): string {
  const ref = parseResourceKey(key);
  return esc(`${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
