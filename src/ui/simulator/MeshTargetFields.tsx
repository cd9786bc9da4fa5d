/**
 * The composer's mesh (GAMMA) target: the namespace of the calling Pod, the Service it calls and
 * the Service port. The Gateway, listener and SNI fields do not apply to a mesh request.
 */
import type { SimRequest } from "../../engine";
import type { SimMeshOptions } from "../../store/simulatorFormSelectors";

interface Props {
  draft: SimRequest;
  options: SimMeshOptions;
  onChange(next: SimRequest): void;
}

export function MeshTargetFields({ draft, options, onChange }: Props) {
  const mesh = draft.mesh ?? { clientNamespace: "default", service: "" };
  const service = options.services.find((s) => s.name === mesh.service);
  const setMesh = (patch: Partial<NonNullable<SimRequest["mesh"]>>, port?: number) =>
    onChange({ ...draft, mesh: { ...mesh, ...patch }, ...(port !== undefined ? { port } : {}) });
  return (
    <>
      <label htmlFor="sim-mesh-client">Client namespace</label>
      <input
        id="sim-mesh-client"
        data-testid="sim-mesh-client"
        list="sim-mesh-namespaces"
        spellCheck={false}
        value={mesh.clientNamespace}
        onChange={(e) => setMesh({ clientNamespace: e.target.value.trim() })}
      />
      <datalist id="sim-mesh-namespaces">
        {options.namespaces.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <label htmlFor="sim-mesh-service">Service</label>
      <div className="sim-row">
        <select
          id="sim-mesh-service"
          data-testid="sim-mesh-service"
          value={mesh.service}
          onChange={(e) => {
            const next = options.services.find((s) => s.name === e.target.value);
            setMesh({ service: e.target.value }, next?.ports[0]?.port);
          }}
        >
          {service === undefined ? (
            <option value={mesh.service}>
              {mesh.service || "choose a Service"} (not in the workspace)
            </option>
          ) : null}
          {options.services.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
              {s.boundRoutes > 0
                ? ` (${s.boundRoutes} route${s.boundRoutes === 1 ? "" : "s"})`
                : ""}
            </option>
          ))}
        </select>
        {service !== undefined && service.ports.length > 0 ? (
          <select
            aria-label="Service port"
            data-testid="sim-mesh-port"
            className="sim-mesh-port"
            value={draft.port ?? ""}
            onChange={(e) => onChange({ ...draft, port: Number(e.target.value) })}
          >
            {service.ports.some((p) => p.port === draft.port) ? null : (
              <option value={draft.port ?? ""}>{draft.port ?? "port"}</option>
            )}
            {service.ports.map((p) => (
              <option key={p.port} value={p.port}>
                {p.name !== undefined ? `${p.name}:` : ""}
                {p.port}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label="Service port"
            data-testid="sim-mesh-port"
            className="sim-port"
            type="number"
            min={1}
            max={65535}
            value={draft.port ?? ""}
            onChange={(e) => onChange({ ...draft, port: Number(e.target.value) || 80 })}
          />
        )}
      </div>
    </>
  );
}
