/**
 * "Migrate from Ingress": the workspace's Ingress YAML beside the Gateway API YAML gwsim generates
 * for it (editable), the requests that behave differently under the two (click one for both
 * traces), and "Use this Gateway API" to make the result the workspace. Everything is computed in
 * the engine worker; editing the generated YAML re-runs the same requests against the edit.
 */
import "./migrate.css";
import { useEffect, useRef, useState } from "react";
import type { MigrationReport, SideResult } from "../../engine";
import { useGwsimStore } from "../../store";
import { WORKSPACE_FILE } from "../../store/analysisSync";
import { getEngine } from "../../worker/engineClient";

const EDIT_DELAY_MS = 300;

export function MigrateView(props: { onClose(): void }) {
  const { onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const [source] = useState(() => useGwsimStore.getState().text);
  const [yaml, setYaml] = useState<string | undefined>(undefined);
  const [edited, setEdited] = useState(false);
  const [report, setReport] = useState<MigrationReport | undefined>(undefined);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const latest = useRef(0);
  const hasIngress = /^kind:\s*Ingress\s*$/m.test(source);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // The first run generates the YAML; every edit re-runs the comparison on the edited text.
  useEffect(() => {
    if (!hasIngress) return;
    const run = ++latest.current;
    const timer = setTimeout(
      () => {
        getEngine()
          .compareMigration([{ name: WORKSPACE_FILE, text: source }], edited ? yaml : undefined)
          .then(
            (r) => {
              if (run !== latest.current) return;
              setReport(r);
              setSelected(undefined);
              if (!edited) setYaml(r.gatewayApi);
            },
            (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
          );
      },
      edited ? EDIT_DELAY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [source, yaml, edited, hasIngress]);

  const useResult = () => {
    if (yaml === undefined) return;
    getEngine()
      .migratedWorkspace([{ name: WORKSPACE_FILE, text: source }], yaml)
      .then((text) => {
        const state = useGwsimStore.getState();
        state.replaceWorkspace(text, "file");
        state.setNotice({
          kind: "info",
          message:
            "The workspace now holds the Gateway API configuration (the Ingresses were replaced; every other object was kept). Undo brings the Ingresses back.",
        });
        onClose();
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  const diff = selected === undefined ? undefined : report?.equivalence.different[selected];
  return (
    <dialog
      ref={ref}
      className="mig-dialog"
      data-testid="migrate-view"
      aria-label="Migrate from Ingress"
      onCancel={onClose}
      onClose={onClose}
    >
      <header className="mig-head">
        <h2 className="mig-title">Migrate from Ingress (ingress-nginx) to Gateway API</h2>
        <div className="mig-buttons">
          <button
            type="button"
            className="tb-button ws-primary"
            data-testid="migrate-use"
            disabled={yaml === undefined}
            onClick={useResult}
          >
            Use this Gateway API
          </button>
          <button type="button" className="tb-button" data-testid="migrate-close" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {!hasIngress ? (
        <p className="mig-empty" data-testid="migrate-empty">
          The workspace holds no Ingress. Open the example “ingress nginx migration”, or open files
          with your Ingress and IngressClass objects, then come back here.
        </p>
      ) : (
        <>
          <div className="mig-sources">
            <section className="mig-col" aria-label="Ingress YAML">
              <h3>Ingress YAML (the workspace)</h3>
              <pre className="mig-code" data-testid="migrate-ingress-yaml">
                {source}
              </pre>
            </section>
            <section className="mig-col" aria-label="Gateway API YAML">
              <h3>
                Generated Gateway API YAML{" "}
                {edited ? <span className="mig-muted">(edited)</span> : null}
              </h3>
              <textarea
                className="mig-code mig-editor"
                data-testid="migrate-gateway-yaml"
                spellCheck={false}
                value={yaml ?? "Generating…"}
                readOnly={yaml === undefined}
                onChange={(e) => {
                  setEdited(true);
                  setYaml(e.target.value);
                }}
              />
            </section>
          </div>
          <section className="mig-report" aria-label="Differences">
            {error ? (
              <p className="mig-error" role="alert">
                {error}
              </p>
            ) : null}
            <Summary report={report} />
            {report && report.equivalence.different.length > 0 ? (
              <table className="mig-table" data-testid="migrate-differences">
                <thead>
                  <tr>
                    <th>Request</th>
                    <th>ingress-nginx</th>
                    <th>Gateway API</th>
                    <th>Why</th>
                  </tr>
                </thead>
                <tbody>
                  {report.equivalence.different.map((d, i) => (
                    <tr
                      key={`${d.request.scheme}${d.request.host}${d.request.path}${JSON.stringify(d.request.headers)}`}
                      className={i === selected ? "is-selected" : ""}
                      data-testid="migrate-difference"
                      tabIndex={0}
                      onClick={() => setSelected(i)}
                      onKeyDown={(e) =>
                        e.key === "Enter" || e.key === " " ? setSelected(i) : undefined
                      }
                    >
                      <td className="mig-mono">
                        {d.request.method} {d.request.scheme}://{d.request.host}
                        {d.request.path}
                        {Object.entries(d.request.headers).map(([k, v]) => (
                          <span key={k} className="mig-muted">
                            {" "}
                            {k}: {v}
                          </span>
                        ))}
                      </td>
                      <td className="mig-mono">{describeSide(d.ingress)}</td>
                      <td className="mig-mono">{describeSide(d.gatewayApi)}</td>
                      <td>{d.why}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {diff ? (
              <div className="mig-traces" data-testid="migrate-traces">
                <section>
                  <h3>ingress-nginx trace</h3>
                  <pre className="mig-code" data-testid="migrate-ingress-trace">
                    {diff.ingressTrace}
                  </pre>
                </section>
                <section>
                  <h3>Gateway API trace</h3>
                  <pre className="mig-code" data-testid="migrate-gateway-trace">
                    {diff.gatewayApiTrace}
                  </pre>
                </section>
              </div>
            ) : null}
          </section>
        </>
      )}
    </dialog>
  );
}

function Summary({ report }: { report: MigrationReport | undefined }) {
  if (!report) return <p className="mig-summary">Comparing…</p>;
  const e = report.equivalence;
  return (
    <div className="mig-summary" data-testid="migrate-summary">
      <strong>
        {e.requests} requests: {e.same} behave the same, {e.different.length} differ.
      </strong>{" "}
      {e.different.length > 0 ? "Click a row for both traces." : ""}
      {report.gatewayApiErrors.length > 0 ? (
        <ul className="mig-error" data-testid="migrate-yaml-errors">
          {report.gatewayApiErrors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : null}
      {report.notSimulated.length > 0 ? (
        <p data-testid="migrate-not-simulated">
          Not simulated:{" "}
          {report.notSimulated
            .map((n) => `${n.ingress} ${n.annotation.replace("nginx.ingress.kubernetes.io/", "")}`)
            .join(", ")}
          .
        </p>
      ) : null}
      {report.findings.filter((f) => f.severity === "warning").length > 0 ? (
        <ul className="mig-findings">
          {report.findings
            .filter((f) => f.severity === "warning")
            .map((f) => (
              <li key={`${f.ingress}${f.message}`}>
                {f.ingress}: {f.message}
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}

function describeSide(s: SideResult): string {
  if (s.backend === null && s.path !== null) return `${s.status} → ${s.path}`;
  if (s.status === 0) return "connection fails";
  return `${s.status}${s.backend ? ` ${s.backend}` : ""}${s.path ? ` · ${s.path}` : ""}`;
}
