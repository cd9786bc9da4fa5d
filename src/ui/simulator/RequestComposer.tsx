/**
 * The request composer: target Gateway and listener (or port), scheme, host and SNI, method, path
 * with query, header rows, and an optional gRPC service/method. Send traces it in the worker.
 */
import { useState } from "react";
import type { SimRequest, SimScheme } from "../../engine";
import { useGwsimStore } from "../../store";
import { selectSimDraft } from "../../store/simulatorSlice";
import { selectSimGateways, selectSimMesh } from "../../store/simulatorFormSelectors";
import {
  defaultPort,
  portForScheme,
  requestToSend,
  toGatewayDraft,
  toMeshDraft,
} from "../../store/simulatorRequest";
import { MeshTargetFields } from "./MeshTargetFields";
import { sendRequest } from "./simulatorClient";

const SCHEMES: SimScheme[] = ["http", "https", "tls", "tcp", "udp"];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export function RequestComposer() {
  const draft = useGwsimStore(selectSimDraft);
  const notes = useGwsimStore((s) => s.simDraftNotes);
  const gateways = useGwsimStore(selectSimGateways);
  const meshOptions = useGwsimStore(selectSimMesh);
  const setDraft = useGwsimStore((s) => s.setSimDraft);
  const saveRequest = useGwsimStore((s) => s.saveSimRequest);
  const [saveName, setSaveName] = useState("");
  const update = (patch: Partial<SimRequest>, drop: (keyof SimRequest)[] = []) => {
    const next: SimRequest = { ...draft, ...patch };
    for (const k of drop) delete next[k];
    setDraft(next);
  };
  const gateway = gateways.find((g) => g.name === draft.gateway);
  const listener = gateway?.listeners.find((l) => l.port === draft.port);
  const headers = Object.entries(draft.headers ?? {});
  const setHeaders = (rows: [string, string][]) =>
    rows.length > 0 ? update({ headers: Object.fromEntries(rows) }) : update({}, ["headers"]);
  const http = draft.scheme === "http" || draft.scheme === "https";
  const meshMode = draft.mesh !== undefined;
  // The mesh target is offered when the workspace binds a route to a Service (or the draft already is one).
  const offerMesh = meshOptions.hasRoutes || meshMode;
  return (
    <form
      className="sim-composer"
      data-testid="sim-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void sendRequest(requestToSend(draft));
      }}
    >
      <div className="sim-grid">
        {offerMesh ? (
          <>
            <label htmlFor="sim-target">Target</label>
            <select
              id="sim-target"
              data-testid="sim-target"
              value={meshMode ? "mesh" : "gateway"}
              onChange={(e) =>
                setDraft(
                  e.target.value === "mesh"
                    ? toMeshDraft(draft, meshOptions)
                    : toGatewayDraft(draft),
                )
              }
            >
              <option value="gateway">a Gateway (north–south)</option>
              <option value="mesh">a Service in the mesh (GAMMA)</option>
            </select>
          </>
        ) : null}
        {meshMode ? (
          <MeshTargetFields draft={draft} options={meshOptions} onChange={setDraft} />
        ) : (
          <>
            <label htmlFor="sim-gateway">Gateway</label>
            <select
              id="sim-gateway"
              data-testid="sim-gateway"
              value={draft.gateway ?? ""}
              onChange={(e) =>
                e.target.value ? update({ gateway: e.target.value }) : update({}, ["gateway"])
              }
            >
              <option value="">any that listens on the port</option>
              {draft.gateway !== undefined && gateway === undefined ? (
                // Never show "any" for a request that still names a Gateway: say that it is gone.
                <option value={draft.gateway}>{draft.gateway} (not in the workspace)</option>
              ) : null}
              {gateways.map((g) => (
                <option key={g.key} value={g.name}>
                  {g.name}
                </option>
              ))}
            </select>
            <label htmlFor="sim-listener">Listener</label>
            <div className="sim-row">
              <select
                id="sim-listener"
                data-testid="sim-listener"
                value={listener?.name ?? ""}
                onChange={(e) => {
                  const l = gateway?.listeners.find((x) => x.name === e.target.value);
                  if (l) update({ port: l.port, scheme: schemeOf(l.protocol, draft.scheme) });
                }}
              >
                <option value="">{gateway ? "by port" : "choose a Gateway"}</option>
                {gateway?.listeners.map((l) => (
                  <option key={l.name} value={l.name}>
                    {l.name} · {l.protocol} :{l.port} {l.hostname ?? "*"}
                  </option>
                ))}
              </select>
              <input
                aria-label="port"
                data-testid="sim-port"
                className="sim-port"
                type="number"
                min={1}
                max={65535}
                placeholder={String(defaultPort(draft.scheme) ?? "required")}
                value={draft.port ?? ""}
                onChange={(e) =>
                  e.target.value ? update({ port: Number(e.target.value) }) : update({}, ["port"])
                }
              />
            </div>
            <label htmlFor="sim-scheme">Scheme</label>
            <select
              id="sim-scheme"
              data-testid="sim-scheme"
              value={draft.scheme}
              onChange={(e) => {
                const scheme = e.target.value as SimScheme;
                const port = portForScheme(draft, scheme, gateway?.listeners);
                if (port === undefined) update({ scheme }, ["port"]);
                else update({ scheme, port });
              }}
            >
              {SCHEMES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="sim-host">Host</label>
        <input
          id="sim-host"
          data-testid="sim-host"
          spellCheck={false}
          value={draft.host ?? ""}
          placeholder={meshMode ? "the Service DNS name (never picks a route)" : "shop.example.com"}
          onChange={(e) =>
            meshMode && e.target.value === ""
              ? update({}, ["host"])
              : update({ host: e.target.value })
          }
        />
        {!meshMode && (draft.scheme === "https" || draft.scheme === "tls") ? (
          <>
            <label htmlFor="sim-sni">SNI</label>
            <input
              id="sim-sni"
              data-testid="sim-sni"
              spellCheck={false}
              value={draft.sni ?? ""}
              placeholder="same as Host"
              onChange={(e) =>
                e.target.value ? update({ sni: e.target.value }) : update({}, ["sni"])
              }
            />
          </>
        ) : null}
        {http ? (
          <>
            <label htmlFor="sim-path">Request</label>
            <div className="sim-row">
              <select
                aria-label="method"
                data-testid="sim-method"
                value={draft.method ?? "GET"}
                disabled={draft.grpc !== undefined}
                onChange={(e) => update({ method: e.target.value })}
              >
                {METHODS.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
              <input
                id="sim-path"
                data-testid="sim-path"
                spellCheck={false}
                value={draft.path ?? "/"}
                disabled={draft.grpc !== undefined}
                onChange={(e) => update({ path: e.target.value })}
              />
            </div>
            <span className="sim-label">Headers</span>
            <div className="sim-headers">
              {headers.map(([k, v], i) => (
                <div className="sim-row" key={i}>
                  <input
                    aria-label={`header ${i + 1} name`}
                    data-testid={`sim-header-name-${i}`}
                    spellCheck={false}
                    value={k}
                    placeholder="name"
                    onChange={(e) =>
                      setHeaders(headers.map((h, j) => (j === i ? [e.target.value, h[1]] : h)))
                    }
                  />
                  <input
                    aria-label={`header ${i + 1} value`}
                    data-testid={`sim-header-value-${i}`}
                    spellCheck={false}
                    value={v}
                    placeholder="value"
                    onChange={(e) =>
                      setHeaders(headers.map((h, j) => (j === i ? [h[0], e.target.value] : h)))
                    }
                  />
                  <button
                    type="button"
                    className="sim-icon"
                    aria-label="remove header"
                    onClick={() => setHeaders(headers.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="sim-link"
                data-testid="sim-add-header"
                onClick={() => setHeaders([...headers.filter(([k]) => k !== ""), ["", ""]])}
              >
                + header
              </button>
            </div>
            <span className="sim-label">gRPC</span>
            <div className="sim-row">
              <input
                aria-label="gRPC service"
                data-testid="sim-grpc-service"
                spellCheck={false}
                placeholder="service (pkg.Service)"
                value={draft.grpc?.service ?? ""}
                onChange={(e) => setGrpc(update, e.target.value, draft.grpc?.method ?? "")}
              />
              <input
                aria-label="gRPC method"
                data-testid="sim-grpc-method"
                spellCheck={false}
                placeholder="method"
                value={draft.grpc?.method ?? ""}
                onChange={(e) => setGrpc(update, draft.grpc?.service ?? "", e.target.value)}
              />
            </div>
          </>
        ) : null}
      </div>
      {notes.length > 0 ? (
        <ul className="sim-notes" data-testid="sim-draft-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <div className="sim-actions">
        <button type="submit" className="sim-primary" data-testid="sim-send">
          Send request
        </button>
        <input
          aria-label="name to save the request under"
          data-testid="sim-save-name"
          placeholder="name (optional)"
          value={saveName}
          onChange={(e) => setSaveName(e.target.value)}
        />
        <button
          type="button"
          data-testid="sim-save"
          onClick={() => {
            saveRequest(saveName, requestToSend(draft));
            setSaveName("");
          }}
        >
          Save
        </button>
      </div>
    </form>
  );
}

function setGrpc(
  update: (patch: Partial<SimRequest>, drop?: (keyof SimRequest)[]) => void,
  service: string,
  method: string,
) {
  if (service === "" && method === "") update({}, ["grpc"]);
  else update({ grpc: { service, method } });
}

function schemeOf(protocol: string, current: SimScheme): SimScheme {
  switch (protocol) {
    case "HTTPS":
      return "https";
    case "TLS":
      return current === "https" ? "https" : "tls";
    case "TCP":
      return "tcp";
    case "UDP":
      return "udp";
    default:
      return "http";
  }
}
