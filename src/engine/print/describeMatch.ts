/** Short, stable renderings of route-table matches and backends, shared by the printers. */
import type { RouteTableBackend, RouteTableEntry, RouteTableMatch } from "../routing/types";

function valueCondition(label: string, m: { type: string; name: string; value: string }): string {
  return m.type === "RegularExpression"
    ? `${label} ${m.name}~"${m.value}"`
    : `${label} ${m.name}=${m.value}`;
}

export function describeTableMatch(kind: RouteTableEntry["routeKind"], m: RouteTableMatch): string {
  const parts: string[] = [];
  if (kind === "GRPCRoute") {
    const g = m.grpc;
    if (g === undefined || (g.service === undefined && g.method === undefined))
      parts.push("gRPC any call");
    else if (g.type === "RegularExpression")
      parts.push(`gRPC service~"${g.service ?? ".*"}" method~"${g.method ?? ".*"}"`);
    else parts.push(`gRPC /${g.service ?? "*"}/${g.method ?? "*"}`);
  } else if (kind === "HTTPRoute") {
    if (m.path !== undefined) parts.push(`${m.path.type} ${m.path.value}`);
    if (m.method !== undefined) parts.push(`Method ${m.method}`);
  } else {
    parts.push(kind === "TLSRoute" ? "any TLS connection" : "any connection");
  }
  for (const h of m.headers) parts.push(valueCondition("Header", h));
  for (const q of m.queryParams) parts.push(valueCondition("Query", q));
  return parts.join("  ");
}

export function formatPercent(share: number): string {
  const pct = Math.round(share * 10000) / 100;
  return `${pct}%`;
}

export function describeBackend(b: RouteTableBackend): string {
  const ref = `${b.namespace}/${b.name}${b.port === undefined ? "" : `:${b.port}`}`;
  const kind = b.kind === "Service" ? "" : `${b.kind} `;
  return b.valid
    ? `${kind}${ref} (${formatPercent(b.share)})`
    : `none [${b.reason ?? "invalid"}: ${kind}${ref}] (${formatPercent(b.share)})`;
}

export function describeBackends(entry: RouteTableEntry): string {
  if (entry.filters.includes("RequestRedirect")) return "redirect";
  if (entry.backends.length === 0) return "500 (no backendRefs)";
  if (entry.backends.every((b) => b.weight <= 0))
    return `500 (every weight is 0: ${entry.backends.map((b) => `${b.namespace}/${b.name}`).join(", ")})`;
  return (
    entry.backends
      .filter((b) => b.weight > 0 || entry.backends.length === 1)
      .map(describeBackend)
      .join(", ") + zeroWeights(entry.backends)
  );
}

function zeroWeights(backends: readonly RouteTableBackend[]): string {
  const zero = backends.filter((b) => b.weight <= 0);
  return zero.length > 0 && zero.length < backends.length
    ? `, ${zero.map((b) => `${b.namespace}/${b.name} (weight 0)`).join(", ")}`
    : "";
}
