/**
 * The trace as a story read top to bottom: request → Gateway → listeners → hostname → candidates in
 * precedence order (every condition with the values compared) → tie-break → filters (request
 * before → after) → backends → outcome → rule attributes. Clicking a step selects its object.
 */
import type {
  CandidateConsideration,
  ForwardedRequest,
  MeshTrace,
  RequestTrace,
} from "../../engine";
import { useGwsimStore } from "../../store";
import { displayKey } from "../../engine/present";
import { describeBackendStream, describeBucket, formatShare } from "../../engine/present/whatIf";
import { selectSimTrace, selectSimTraceIsCurrent } from "../../store/simulatorSlice";
import { sendRequest } from "./simulatorClient";

const select = (key: string | undefined) =>
  key && useGwsimStore.getState().select(key as never, "inspector");

export function TraceView() {
  const result = useGwsimStore(selectSimTrace);
  const current = useGwsimStore(selectSimTraceIsCurrent);
  if (!result) {
    return (
      <div className="sim-empty">
        Compose a request and send it: the trace shows which listener, route, rule and backend take
        it, and why the others did not.
      </div>
    );
  }
  const t = result.trace;
  const picked = t.outcome.backend
    ? t.outcome.backends.findIndex((b) => b.target === t.outcome.backend?.target)
    : -1;
  return (
    <div
      className={`sim-trace ${current ? "" : "is-outdated"}`}
      data-testid="sim-trace"
      data-state={current ? "current" : "outdated"}
      data-revision={result.revision}
    >
      {!current ? (
        <div className="sim-outdated" data-testid="sim-trace-outdated">
          Outdated: the YAML changed since this trace.{" "}
          <button type="button" onClick={() => void sendRequest(result.request)}>
            Re-run
          </button>
        </div>
      ) : null}
      <OutcomeBanner
        trace={t}
        split={result.summary.shares.length > 1 ? result.summary.text : undefined}
      />
      <ol className="sim-steps">
        <Step id="request" title="Request">
          <code>{printRequest(t)}</code>
        </Step>
        {t.mesh ? (
          <MeshSteps mesh={t.mesh} />
        ) : (
          <Step
            id="gateway"
            title="Gateway"
            onClick={t.gateway ? () => select(`Gateway/${t.gateway}`) : undefined}
          >
            <strong>{t.gateway ?? "none"}</strong>{" "}
            <span className="sim-why">{t.gatewayReason}</span>
            <Assumed lines={t.gatewayAssumed} testId="trace-gateway-assumed" />
          </Step>
        )}
        {t.listeners.length > 0 ? (
          <Step id="listeners" title="Listeners">
            {t.listeners.map((l) => (
              <button
                type="button"
                key={`${l.owner}/${l.listener}`}
                className={`sim-item ${l.chosen ? "is-pass" : "is-fail"}`}
                data-testid={`trace-listener-${l.listener}`}
                data-chosen={l.chosen}
                onClick={() => select(l.owner)}
              >
                <Mark pass={l.chosen} /> <strong>{l.listener}</strong> {l.protocol} :{l.port}{" "}
                {l.hostname ?? "*"} <span className="sim-why">— {l.reason}</span>
                {l.chosen ? (
                  <Assumed lines={l.assumed} testId={`trace-listener-${l.listener}-assumed`} />
                ) : null}
              </button>
            ))}
          </Step>
        ) : null}
        {t.virtualHost ? (
          <Step id="hostname" title="Hostname">
            <strong>{t.virtualHost.hostname}</strong>{" "}
            <span className="sim-why">— {t.virtualHost.reason}</span>
          </Step>
        ) : null}
        {t.candidates.length > 0 ? (
          <Step
            id="candidates"
            title={`Candidates · ${t.candidates.length} in precedence order, first match wins`}
          >
            {t.candidates.map((c) => (
              <Candidate
                key={`${c.route}/${c.ruleIndex}/${c.matchIndex}`}
                c={c}
                winner={t.winner?.rank === c.rank}
              />
            ))}
            {t.tieBreak ? (
              <div className="sim-tiebreak" data-testid="trace-tiebreak">
                Decided by <strong>{t.tieBreak.step}</strong>: {t.tieBreak.detail} — the winner
                ranks above {displayKey(t.tieBreak.runnerUp.route)} rule{" "}
                {t.tieBreak.runnerUp.ruleIndex}, which also matched.
              </div>
            ) : null}
          </Step>
        ) : null}
        {t.filters.length > 0 ? (
          <Step id="filters" title="Filters">
            {t.filters.map((f) => (
              <div
                key={`${f.level}-${f.index}`}
                className="sim-filter"
                data-testid={`trace-filter-${f.index}`}
              >
                <div>
                  <strong>{f.type}</strong>{" "}
                  <span className="sim-muted">
                    ({f.level} filter {f.index}
                    {f.simulated ? "" : ", not simulated"})
                  </span>{" "}
                  — {f.effect}
                </div>
                {f.before && f.after ? <RequestDiff before={f.before} after={f.after} /> : null}
              </div>
            ))}
          </Step>
        ) : null}
        {t.outcome.backends.length > 0 ? (
          <Step
            id="backends"
            title={
              t.pick
                ? `Backends · weighted pick (draw ${t.pick.draw.toFixed(4)}, seed ${t.pick.seed})`
                : "Backends"
            }
          >
            {t.outcome.backends.map((b, i) => (
              <button
                type="button"
                key={i}
                className={`sim-item ${b.target === "none" ? "is-fail" : ""}`}
                data-testid={`trace-backend-${b.name ?? "none"}`}
                data-share={b.share}
                onClick={() => select(b.service)}
              >
                <span className="sim-share">{formatShare(b.share)}</span>
                <span className="sim-bar">
                  <span style={{ width: `${b.share * 100}%` }} />
                </span>
                <strong>{describeBucket(b.target)}</strong>
                {i === picked ? (
                  <span className="sim-badge">
                    {t.pick ? "picked for this trace" : "this request"}
                  </span>
                ) : null}
                {b.reason ? <span className="sim-why"> — {b.reason}</span> : null}
                <Assumed
                  lines={assumedLines(b)}
                  testId={`trace-backend-${b.name ?? "none"}-assumed`}
                />
                {b.reading !== undefined ? (
                  <span
                    className="sim-reading"
                    data-testid={`trace-backend-${b.name ?? "none"}-reading`}
                  >
                    {b.reading}
                  </span>
                ) : null}
              </button>
            ))}
          </Step>
        ) : null}
        {t.outcome.backendStream ? (
          // A TLS listener's backend: the client's TLS, the Gateway's re-encrypted TLS, or plaintext.
          <Step id="backend-stream" title="Backend stream">
            <span
              data-testid="trace-backend-stream"
              data-tls={t.outcome.backendStream.tls}
              data-origin={t.outcome.backendStream.origin ?? "none"}
            >
              {describeBackendStream(t.outcome.backendStream)}
            </span>
          </Step>
        ) : null}
        {t.outcome.mirrors.length > 0 ? (
          <Step id="mirrors" title="Mirrors">
            {t.outcome.mirrors.map((m) => (
              <div key={m.target} className={m.valid ? "" : "is-fail"}>
                <Mark pass={m.valid} /> {m.target} · {m.percent}%{" "}
                {m.reason ? <span className="sim-why">— {m.reason}</span> : null}
                <Assumed lines={assumedLines(m)} testId={`trace-mirror-${m.name}-assumed`} />
              </div>
            ))}
          </Step>
        ) : null}
        {t.attributes.length > 0 ? (
          <Step id="attributes" title="Rule attributes">
            {t.attributes.map((a) => (
              <div key={a.name}>
                <strong>{a.name}</strong> {a.value} <span className="sim-why">— {a.note}</span>
              </div>
            ))}
          </Step>
        ) : null}
      </ol>
    </div>
  );
}

function OutcomeBanner({ trace, split }: { trace: RequestTrace; split: string | undefined }) {
  const o = trace.outcome;
  const ok = o.kind === "forwarded" || o.kind === "redirect" || o.kind === "direct-response";
  // Neither pass nor fail: an implementation-specific filter gwsim does not run answers.
  const verdict = o.kind === "unknown" ? "is-unknown" : ok ? "is-pass" : "is-fail";
  // A weighted rule: say the split, not only the backend this one trace happened to pick.
  const target =
    o.kind === "redirect" && o.redirect
      ? `→ ${o.redirect.location}`
      : split
        ? `→ ${split}`
        : o.backend
          ? `→ ${describeBucket(o.backend.target)}`
          : "";
  return (
    <div
      className={`sim-outcome ${verdict}`}
      data-testid="trace-outcome"
      data-status={o.status}
      data-kind={o.kind}
      data-backend={o.backend?.name}
    >
      <span className="sim-status">
        {o.kind === "unknown" ? "?" : o.status === 0 ? streamHeadline(trace) : o.status}
      </span>
      <span className="sim-outcome-main">
        <strong>
          {o.kind} {target}
        </strong>
        {o.grpcCode ? <span className="sim-muted"> · gRPC {o.grpcCode}</span> : null}
        <span className="sim-why">{o.reason}</span>
      </span>
      {trace.winner ? (
        <button type="button" className="sim-link" onClick={() => select(trace.winner?.route)}>
          {displayKey(trace.winner.route)} rule {trace.winner.ruleIndex}
        </button>
      ) : null}
    </div>
  );
}

/** TLS, TCP and UDP carry no HTTP status: a forwarded stream is "connected", not "no response". */
function streamHeadline(trace: RequestTrace): string {
  if (trace.outcome.kind !== "forwarded") return "no response";
  return trace.request.scheme === "udp" ? "delivered" : "connected";
}

function Candidate({ c, winner }: { c: CandidateConsideration; winner: boolean }) {
  const state = winner ? "winner" : c.pass ? (c.skipped ? "skipped" : "lost") : "no-match";
  return (
    <div
      className={`sim-candidate is-${state}`}
      data-testid={`trace-candidate-${c.rank}`}
      data-state={state}
      data-route={c.route}
      data-rule={c.ruleIndex}
    >
      <button type="button" className="sim-candidate-head" onClick={() => select(c.route)}>
        <span className="sim-rank">{c.rank}</span>
        <Mark pass={c.pass} />{" "}
        <strong>
          {c.routeKind} {displayKey(c.route)}
        </strong>{" "}
        rule {c.ruleIndex}
        {c.ruleName ? ` (${c.ruleName})` : ""} · match {c.matchIndex}
        {winner ? (
          <span className="sim-badge sim-badge--win">winner</span>
        ) : c.pass && !c.skipped ? (
          <span className="sim-badge">matched, ranks lower</span>
        ) : null}
        {c.skipped ? <span className="sim-badge">{c.skipped}</span> : null}
      </button>
      <ul className="sim-conditions">
        {c.conditions.map((k, i) => (
          <li key={i} className={k.pass ? "is-pass" : "is-fail"}>
            <Mark pass={k.pass} /> <span className="sim-cond">{k.condition}</span> {k.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RequestDiff({ before, after }: { before: ForwardedRequest; after: ForwardedRequest }) {
  const rows: [string, string, string][] = [];
  for (const k of ["scheme", "method", "host", "path"] as const)
    if (before[k] !== after[k]) rows.push([k, before[k], after[k]]);
  const names = new Set([...Object.keys(before.headers), ...Object.keys(after.headers)]);
  for (const n of names)
    if (before.headers[n] !== after.headers[n])
      rows.push([`header ${n}`, before.headers[n] ?? "(absent)", after.headers[n] ?? "(removed)"]);
  if (rows.length === 0) return <div className="sim-muted">request unchanged</div>;
  return (
    <table className="sim-diff">
      <tbody>
        {rows.map(([k, a, b]) => (
          <tr key={k}>
            <th>{k}</th>
            <td className="sim-before">{a}</td>
            <td>→</td>
            <td className="sim-after">{b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Step(props: {
  id: string;
  title: string;
  onClick?: (() => void) | undefined;
  children: React.ReactNode;
}) {
  return (
    <li className="sim-step" data-testid={`trace-step-${props.id}`}>
      <div className="sim-step-title">{props.title}</div>
      <div
        className={`sim-step-body ${props.onClick ? "is-clickable" : ""}`}
        onClick={props.onClick}
      >
        {props.children}
      </div>
    </li>
  );
}

function Mark({ pass }: { pass: boolean }) {
  return (
    <span
      className={`sim-mark ${pass ? "is-pass" : "is-fail"}`}
      role="img"
      aria-label={pass ? "passed" : "failed"}
    >
      {pass ? "✓" : "✗"}
    </span>
  );
}

/** A mesh request: the calling namespace, the Service, and every route bound to it with why it applies or lost. */
function MeshSteps({ mesh }: { mesh: MeshTrace }) {
  return (
    <>
      <Step
        id="mesh-service"
        title="Mesh · Service called"
        onClick={() => select(`Service/${mesh.service}`)}
      >
        <span data-testid="trace-mesh-service">
          from a client in <strong>{mesh.clientNamespace}</strong> to{" "}
          <strong>
            {mesh.service}:{mesh.port}
          </strong>{" "}
          <span className="sim-why">— {mesh.serviceReason || "no Gateway is involved"}</span>
        </span>
      </Step>
      <Step
        id="mesh-routes"
        title={
          mesh.routes.length > 0
            ? `Mesh · routes bound to the Service · ${mesh.routes.length}`
            : "Mesh · routes bound to the Service"
        }
      >
        {mesh.routes.map((r) => (
          <button
            type="button"
            key={`${r.route}#${r.parentRefIndex}`}
            className={`sim-item ${r.applies ? "is-pass" : "is-fail"}`}
            data-testid={`trace-mesh-route-${displayKey(r.route)}`}
            data-applies={r.applies}
            onClick={() => select(r.route)}
          >
            <Mark pass={r.applies} />{" "}
            <strong>
              {r.routeKind} {displayKey(r.route)}
            </strong>{" "}
            <span className="sim-muted">
              ({r.role}, {r.ports})
            </span>{" "}
            <span className="sim-why">— {r.reason}</span>
          </button>
        ))}
        {mesh.defaultRouting ? (
          <div className="sim-why" data-testid="trace-mesh-default">
            No route binds port {mesh.port} for clients in {mesh.clientNamespace}: the request goes
            to the Service itself.
          </div>
        ) : null}
      </Step>
    </>
  );
}

function printRequest(t: RequestTrace): string {
  const r = t.request;
  if (t.mesh !== undefined) {
    const what = r.grpc
      ? `gRPC ${r.grpc.service}/${r.grpc.method}`
      : `${r.method} ${r.path}${r.query ? `?${r.query}` : ""}`;
    const headers = Object.entries(r.headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    return `mesh ${t.mesh.clientNamespace} → ${t.mesh.service}:${t.mesh.port} ${what}${r.host ? ` (Host ${r.host})` : ""}${headers ? `  {${headers}}` : ""}`;
  }
  const head = `${r.scheme}://${r.host || "(no host)"}:${r.port}`;
  const grpc = r.grpc ? ` gRPC ${r.grpc.service}/${r.grpc.method}` : "";
  const path =
    r.scheme === "http" || r.scheme === "https"
      ? ` ${r.method} ${r.path}${r.query ? `?${r.query}` : ""}`
      : "";
  const sni = r.sni && r.sni !== r.hostname ? ` (SNI ${r.sni})` : "";
  const headers = Object.entries(r.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  return `${head}${path}${grpc}${sni}${headers ? `  {${headers}}` : ""}`;
}

/** The world's assumptions a trace step relied on, one line each (engine resolve/world.ts). */
function Assumed({ lines, testId }: { lines: readonly string[] | undefined; testId: string }) {
  if (lines === undefined || lines.length === 0) return null;
  return (
    <span className="sim-assumed" data-testid={testId}>
      {lines.map((line) => (
        <span key={line} className="sim-assumed-line">
          assumed: {line}
        </span>
      ))}
    </span>
  );
}

/** A backend's or mirror's assumption lines: the grant that permits the reference, then the Service. */
function assumedLines(b: {
  assumed?: string | undefined;
  assumedGrant?: string | undefined;
}): string[] | undefined {
  const lines: string[] = [];
  if (b.assumedGrant !== undefined) lines.push(b.assumedGrant);
  if (b.assumed !== undefined) lines.push(b.assumed);
  return lines.length > 0 ? lines : undefined;
}
