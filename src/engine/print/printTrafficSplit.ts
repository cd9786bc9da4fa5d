/**
 * `gwsim simulate` as text: the count per backend next to the exact share the weights promise.
 * Backend names come from manifests and are escaped (escapeTerminal).
 */
import type { TrafficSplit } from "../simulate/splitTraffic";
import { escapeTerminal as esc } from "./escapeTerminal";
import { formatShare } from "../present/formatShare";

export function printTrafficSplit(split: TrafficSplit): string {
  const expected = new Map(split.expected.map((b) => [b.target, b.share]));
  const targets = [...new Set([...expected.keys(), ...Object.keys(split.counts)])].sort();
  const rows = targets.map((t) => {
    const count = split.counts[t] ?? 0;
    const exp = expected.get(t);
    return [esc(t), String(count), pct(count / split.n), exp === undefined ? "-" : pct(exp)];
  });
  const header = ["backend", "requests", "observed", "expected"];
  const widths = header.map((h, i) =>
    rows.reduce((max, r) => Math.max(max, (r[i] ?? "").length), h.length),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  const outcomes = Object.entries(split.outcomes)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return [
    `${split.n} requests, seed ${split.seed}`,
    `first request: ${esc(split.reason)}`,
    "",
    line(header),
    ...rows.map(line),
    "",
    `outcomes: ${outcomes}`,
    "",
  ].join("\n");
}

function pct(x: number): string {
  return formatShare(x, { fixed: true });
}
