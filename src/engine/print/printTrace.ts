/**
 * A request trace as terminal text: what `gwsim simulate` prints so a user can answer "why did
 * my request go there". Stable (no timestamps, no colours) so it can be a golden. Every line is
 * built whole and then escaped line by line (escapeTerminalLine, which also cuts a huge line): a host, header or name from the manifests cannot
 * break a line or carry an escape sequence to the terminal.
 */
import type { CandidateRef, RequestTrace } from "../simulate/traceTypes";
import type { ForwardedRequest, RequestOutcome } from "../simulate/types";
import { describeTableMatch, formatPercent } from "./describeMatch";
import { escapeTerminalLine } from "./escapeTerminal";
import { MAX_LISTED } from "./phraseList";
import { describeBackendStream } from "../present/describeBackendStream";

const OK = "✓";
const NO = "✗";
const SKIP = "–";

export function printTrace(trace: RequestTrace): string {
  const r = trace.request;
  const lines: string[] = [];
  const target =
    r.grpc !== undefined
      ? `gRPC ${r.grpc.service}/${r.grpc.method}`
      : `${r.method} ${r.path}${r.query !== "" ? `?${r.query}` : ""}`;
  const hostNote = r.host !== "" && r.host !== r.hostname ? `  (Host: ${r.host})` : "";
  const mesh = trace.mesh;
  if (mesh !== undefined) {
    lines.push(
      `Request    mesh client in ${mesh.clientNamespace} → Service ${mesh.service}:${mesh.port}  ${r.scheme === "http" || r.scheme === "https" ? target : `${r.scheme} connection`}${r.host !== "" ? `  (Host: ${r.host}, not used for matching)` : ""}`,
    );
  } else if (r.scheme === "tls" || r.scheme === "tcp" || r.scheme === "udp") {
    lines.push(
      `Request    ${r.scheme} connection to port ${r.port}${r.sni !== undefined ? `  (SNI ${r.sni || "none"})` : ""}`,
    );
  } else {
    lines.push(
      `Request    ${r.scheme}://${r.hostname || "(gateway address)"}:${r.port}  ${target}${hostNote}${r.sni !== undefined && r.sni !== r.hostname ? `  (SNI ${r.sni || "none"})` : ""}`,
    );
  }
  if (r.sentPath !== undefined)
    lines.push(`           path sent as ${r.sentPath}, matched as ${r.path} (normalized)`);
  const headerNames = Object.keys(r.headers);
  if (headerNames.length > 0)
    lines.push(
      `           headers ${headerNames.map((h) => `${h}: ${r.headers[h] ?? ""}`).join("; ")}`,
    );
  if (mesh !== undefined) {
    lines.push(`Service    ${mesh.serviceReason || mesh.service}`);
    if (mesh.routes.length > 0)
      lines.push("Mesh routes bound to the Service (consumer routes first)");
    for (const m of mesh.routes)
      lines.push(
        `  ${m.applies ? OK : NO} ${m.routeKind} ${m.route.split("/").slice(1).join("/")} (${m.role}, ${m.ports}) — ${m.reason}`,
      );
    if (mesh.defaultRouting)
      lines.push(
        "           no route binds this port for the client: default routing to the Service",
      );
  } else lines.push(`Gateway    ${trace.gateway ?? "(none)"} — ${trace.gatewayReason}`);
  pushAssumed(lines, "           ", trace.gatewayAssumed);
  if (trace.listeners.length > 0) {
    lines.push("Listeners");
    for (const l of trace.listeners) {
      lines.push(
        `  ${l.chosen ? OK : NO} ${l.listener} :${l.port} ${l.protocol} ${l.hostname ?? "*"} — ${l.reason}`,
      );
      if (l.chosen) pushAssumed(lines, "      ", l.assumed);
    }
  }
  if (trace.virtualHost !== undefined)
    lines.push(`Hostname   ${trace.virtualHost.hostname} — ${trace.virtualHost.reason}`);
  if (trace.candidates.length > 0) {
    lines.push("Candidates (in precedence order; the first match wins)");
    for (const c of trace.candidates) {
      const mark = c.skipped !== undefined ? SKIP : c.pass ? OK : NO;
      const isWinner = trace.winner !== undefined && sameRef(trace.winner, c);
      lines.push(
        `  ${mark} ${c.rank}. ${refText(c)}  ${describeTableMatch(c.routeKind, c.match)}${isWinner ? "  ← winner" : ""}${c.skipped !== undefined ? `  (skipped: ${c.skipped})` : ""}`,
      );
      for (const cond of c.conditions)
        lines.push(`       ${cond.pass ? OK : NO} ${cond.condition}: ${cond.detail}`);
    }
  }
  for (const d of trace.droppedRules ?? []) {
    lines.push(
      `  ✗ dropped ${d.route.split("/")[0] ?? ""} ${d.route.split("/").slice(1).join("/")} rule ${d.ruleIndex}${d.ruleName !== undefined ? ` (${d.ruleName})` : ""}: ${d.reason}`,
    );
  }
  if (trace.winner !== undefined) {
    lines.push(`Winner     ${refText(trace.winner)}`);
    pushAssumed(lines, "           ", trace.winnerAssumed);
    if (trace.tieBreak !== undefined) {
      lines.push(
        `           ranks above ${refText(trace.tieBreak.runnerUp)} (which also matched) by ${trace.tieBreak.step}: ${trace.tieBreak.detail}`,
      );
    }
  }
  if (trace.filters.length > 0) {
    lines.push("Filters");
    for (const f of trace.filters) {
      lines.push(
        `  ${f.level} filter ${f.index} ${f.type}${f.simulated ? "" : " (not simulated)"}: ${f.effect}`,
      );
      if (f.before !== undefined && f.after !== undefined) {
        lines.push(`      before ${requestText(f.before)}`);
        lines.push(`      after  ${requestText(f.after)}`);
      }
    }
  }
  printBackends(trace, lines);
  for (const a of trace.attributes) lines.push(`Attribute  ${a.name}: ${a.value} — ${a.note}`);
  printOutcome(trace.outcome, lines);
  return `${lines.map(escapeTerminalLine).join("\n")}\n`;
}

function printBackends(trace: RequestTrace, lines: string[]): void {
  const o = trace.outcome;
  if (o.backends.length === 0) return;
  const pick =
    trace.pick !== undefined
      ? ` (pick: draw ${trace.pick.draw.toFixed(4)} from seed ${trace.pick.seed}, sample ${trace.pick.sample})`
      : "";
  lines.push(`Backends${pick}`);
  for (const b of o.backends) {
    const picked = o.backend !== undefined && b === o.backend ? "  ← picked" : "";
    const name = b.target;
    lines.push(
      `  ${formatPercent(b.share).padStart(7)}  ${name}${b.reason !== undefined ? ` — ${b.reason}` : ""}${picked}`,
    );
    if (b.assumedGrant !== undefined) lines.push(`           assumed: ${b.assumedGrant}`);
    if (b.assumed !== undefined) lines.push(`           assumed: ${b.assumed}`);
    if (b.reading !== undefined) lines.push(`           ${b.reading}`);
  }
}

function printOutcome(o: RequestOutcome, lines: string[]): void {
  const status =
    o.kind === "unknown"
      ? "response unknown"
      : o.status === 0
        ? "no HTTP status"
        : String(o.status);
  lines.push(
    `Outcome    ${o.kind} · ${status}${o.grpcCode !== undefined ? ` · gRPC ${o.grpcCode}` : ""}${o.backend !== undefined && o.kind === "forwarded" ? ` → ${o.backend.target}` : ""}`,
  );
  lines.push(`           ${o.reason}`);
  if (o.redirect !== undefined) lines.push(`           Location: ${o.redirect.location}`);
  if (o.request !== undefined) lines.push(`Backend receives  ${requestText(o.request)}`);
  const tls = o.request?.backendTLS;
  if (tls !== undefined)
    lines.push(
      `Backend TLS       SNI ${tls.sni}${tls.clientCertificate !== undefined ? `, client certificate ${tls.clientCertificate}` : ""}`,
    );
  const stream = o.backendStream;
  if (stream !== undefined) lines.push(`Backend stream    ${describeBackendStream(stream)}`);
  const response = Object.keys(o.responseHeaders);
  if (response.length > 0)
    lines.push(
      `Response headers  ${response.map((h) => `${h}: ${o.responseHeaders[h] ?? ""}`).join("; ")}`,
    );
  for (const m of o.mirrors) {
    lines.push(
      `Mirror     ${m.target} ${m.percent}%${m.valid ? "" : ` (not configured: ${m.reason ?? "invalid"})`}${m.request !== undefined ? ` · sees ${requestText(m.request)}` : ""}`,
    );
    if (m.assumedGrant !== undefined) lines.push(`           assumed: ${m.assumedGrant}`);
    if (m.assumed !== undefined) lines.push(`           assumed: ${m.assumed}`);
  }
}

function refText(c: CandidateRef): string {
  return `${c.routeKind} ${c.route.split("/").slice(1).join("/")} rule ${c.ruleIndex}${c.ruleName !== undefined ? ` (${c.ruleName})` : ""} match ${c.matchIndex}`;
}

function sameRef(a: CandidateRef, b: CandidateRef): boolean {
  return (
    a.rank === b.rank &&
    a.route === b.route &&
    a.ruleIndex === b.ruleIndex &&
    a.matchIndex === b.matchIndex
  );
}

function requestText(f: ForwardedRequest): string {
  const headers = Object.keys(f.headers).map((h) => `${h}: ${f.headers[h] ?? ""}`);
  return `${f.method} ${f.scheme}://${f.host || "(gateway address)"}${f.path}${headers.length > 0 ? `  {${headers.join("; ")}}` : ""}`;
}

/**
 * One line per assumed object, up to MAX_LISTED: a listener with thousands of assumed certificate
 * Secrets would bury the rest of the trace. The trace's list itself stays whole.
 */
function pushAssumed(
  lines: string[],
  indent: string,
  assumed: readonly string[] | undefined,
): void {
  if (assumed === undefined) return;
  const shown = Math.min(assumed.length, MAX_LISTED);
  for (let i = 0; i < shown; i++) lines.push(`${indent}assumed: ${assumed[i] ?? ""}`);
  if (assumed.length > shown)
    lines.push(
      `${indent}assumed: …and ${assumed.length - shown} more (the trace's data lists them all)`,
    );
}
