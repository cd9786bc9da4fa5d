/**
 * The route table as a find-my-way-style tree: per Gateway listener, per virtual host, every
 * candidate in the order the router tries it. Stable text for goldens and `gwsim route`.
 */
import { displayName, parseResourceKey } from "../api/keys";
import type { RouteTable, RouteTableEntry, RouteTableListener } from "../routing/types";
import { describeBackends, describeTableMatch } from "./describeMatch";

export function printRouteTable(table: RouteTable): string {
  if (table.listeners.length === 0) return "(no listeners)\n";
  return table.listeners.map(printListener).join("\n");
}

function printListener(l: RouteTableListener): string {
  const owner = parseResourceKey(l.owner);
  const from = owner.kind === "Gateway" ? "" : ` (from ${owner.kind} ${displayName(owner)})`;
  const tls = l.tlsMode !== undefined ? ` ${l.tlsMode}` : "";
  const head = `Gateway ${l.gatewayName} · listener ${l.listener}${from} :${l.port} (${l.protocol}${tls}) · hostname ${l.hostname ?? "*"}${l.ready ? "" : " · NOT READY (serves no traffic)"}`;
  const lines = [head];
  if (l.virtualHosts.length === 0) lines.push("└── (no routes)");
  l.virtualHosts.forEach((v, vi) => {
    const lastHost = vi === l.virtualHosts.length - 1;
    lines.push(
      `${lastHost ? "└──" : "├──"} host ${v.hostname}${v.readingNote !== undefined ? `  (${v.readingNote.reading}: ${v.readingNote.detail})` : ""}`,
    );
    const indent = lastHost ? "    " : "│   ";
    const matchTexts = v.entries.map((e) => describeTableMatch(e.routeKind, e.match));
    const width = matchTexts.reduce((max, t) => Math.max(max, t.length), 0);
    const rankWidth = String(v.entries.length).length;
    const dropped = v.droppedRules ?? [];
    v.entries.forEach((e, ei) => {
      const branch = ei === v.entries.length - 1 && dropped.length === 0 ? "└──" : "├──";
      lines.push(
        `${indent}${branch} ${String(e.rank).padStart(rankWidth)}  ${(matchTexts[ei] ?? "").padEnd(width)}  → ${describeEntry(e)}`,
      );
    });
    dropped.forEach((d, di) => {
      const branch = di === dropped.length - 1 ? "└──" : "├──";
      const ref = parseResourceKey(d.route);
      lines.push(
        `${indent}${branch} ✗ dropped ${ref.kind} ${displayName(ref)}  rule ${d.ruleIndex}${d.ruleName !== undefined ? ` (${d.ruleName})` : ""}: ${d.reason}`,
      );
    });
  });
  return `${lines.join("\n")}\n`;
}

function describeEntry(e: RouteTableEntry): string {
  const rule = `rule ${e.ruleIndex}${e.ruleName !== undefined ? ` (${e.ruleName})` : ""}${e.match.defaulted || e.matchIndex === 0 ? "" : ` match ${e.matchIndex}`}`;
  const filters = e.filters.length > 0 ? `  [${e.filters.join(", ")}]` : "";
  const target =
    e.shadowedBy !== undefined ? `shadowed by the older ${e.shadowedBy}` : describeBackends(e);
  return `${e.routeKind} ${e.namespace}/${e.name}  ${rule}${filters}  → ${target}`;
}
