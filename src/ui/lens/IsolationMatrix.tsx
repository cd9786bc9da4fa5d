/**
 * The isolation lens: which namespaces may attach routes to which listeners (columns grouped by
 * domain, i.e. GatewayClass), each cell with the admission check's own reason, and the
 * cross-domain leaks the engine found. Everything shown comes from the engine's IsolationLens.
 */
import type { IsolationCell, IsolationLens, IsolationListener } from "../../engine";
import { displayKey } from "../../engine/present";
import { describeConflict } from "./describeConflict";

function testIdPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function cellTitle(cell: IsolationCell): string {
  const routes = cell.routes.map(
    (r) =>
      `${r.route}: ${r.attached ? "attached" : `not attached (${r.failedCheck ?? "?"}${r.detail ? `: ${r.detail}` : ""})`}`,
  );
  return [cell.detail, ...routes].filter(Boolean).join("\n");
}

function CellView({
  cell,
  listeners,
}: {
  cell: IsolationCell | undefined;
  listeners: readonly IsolationListener[];
}) {
  if (cell === undefined) return <td />;
  const attached = cell.routes.filter((r) => r.attached).length;
  const refused = cell.routes.length - attached;
  return (
    <td
      className={`lens-cell ${cell.allowed ? (cell.assumed !== undefined ? "is-assumed" : "is-allowed") : "is-denied"}`}
      title={cellTitle(cell)}
      data-testid={`lens-cell-${testIdPart(cell.namespace)}-${testIdPart(cell.listener)}`}
    >
      <span className="lens-mark">
        {cell.allowed
          ? cell.assumed !== undefined
            ? "✓ assumed labels"
            : "✓ may attach"
          : `✗ ${cell.failedAt === "route-kind" ? "kind" : "namespace"}`}
      </span>
      {cell.conflictsWith !== undefined ? (
        <span className="lens-conflict">{describeConflict(cell.conflictsWith, listeners)}</span>
      ) : null}
      {attached > 0 ? <span className="lens-routes">{attached} attached</span> : null}
      {refused > 0 ? <span className="lens-refused">{refused} refused</span> : null}
    </td>
  );
}

function listenerLabel(l: IsolationListener): string {
  return `${displayKey(l.gateway)} · ${l.listener}`;
}

function admitsLabel(l: IsolationListener): string {
  if (l.from === "Selector") return `selector ${l.selector ?? "(none)"}`;
  return `from ${l.from}`;
}

export function IsolationMatrix({ lens }: { lens: IsolationLens }) {
  if (lens.listeners.length === 0)
    return <p className="empty">No Gateway listeners in this configuration: nothing to isolate.</p>;
  const byDomain = lens.domains.map((d) => ({
    domain: d,
    listeners: lens.listeners.filter((l) => l.domain === d),
  }));
  const ordered = byDomain.flatMap((d) => d.listeners);
  const cellOf = (ns: string, id: string) =>
    lens.cells.find((c) => c.namespace === ns && c.listener === id);
  return (
    <div className="lens" data-testid="isolation-lens">
      <div className="lens-table-wrap">
        <table className="lens-table">
          <thead>
            <tr>
              <th rowSpan={2} className="lens-corner">
                Namespace ↓ · Listener →
              </th>
              {byDomain.map((d) => (
                <th key={d.domain} colSpan={d.listeners.length} className="lens-domain">
                  {d.domain}
                </th>
              ))}
            </tr>
            <tr>
              {ordered.map((l) => (
                <th
                  key={l.id}
                  className="lens-listener"
                  title={`${l.protocol} :${l.port} ${l.hostname ?? "(any hostname)"}; ${admitsLabel(l)}`}
                >
                  <div>{listenerLabel(l)}</div>
                  <div className="lens-sub">
                    {l.protocol} :{l.port} {l.hostname ?? "*"}
                  </div>
                  <div className="lens-sub">{admitsLabel(l)}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lens.namespaces.map((ns) => (
              <tr key={ns.name}>
                <th
                  className="lens-ns"
                  title={Object.entries(ns.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join("\n")}
                >
                  <div>{ns.name}</div>
                  <div className="lens-sub">
                    {ns.gatewayDomains.length > 0
                      ? `gateway namespace (${ns.gatewayDomains.join(", ")})`
                      : Object.entries(ns.labels)
                          .filter(([k]) => k !== "kubernetes.io/metadata.name")
                          .map(([k, v]) => `${k}=${v}`)
                          .join(", ") || "no labels"}
                  </div>
                </th>
                {ordered.map((l) => (
                  <CellView key={l.id} cell={cellOf(ns.name, l.id)} listeners={lens.listeners} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="lens-leaks" role="region" aria-label="Cross-domain leaks">
        <h3 className="lint-heading">
          Cross-domain leaks <span className="lint-count">{lens.leaks.length}</span>
        </h3>
        {lens.leaks.length === 0 ? (
          <p className="empty">
            No leaks: every namespace, hostname and backend stays within its domain.
          </p>
        ) : null}
        <ul>
          {lens.leaks.map((leak, i) => (
            <li
              key={`${leak.kind}-${i}`}
              className={`lens-leak sev-${leak.severity}`}
              data-testid={`lens-leak-${leak.kind}`}
            >
              <span className="lint-icon">{leak.severity === "warning" ? "▲" : "ℹ"}</span>
              <span className="lint-code">{leak.kind}</span>
              <span className="lint-message">{leak.message}</span>
              {leak.conflictsWith !== undefined ? (
                <span className="lens-conflict" data-testid="lens-leak-conflict">
                  {describeConflict(leak.conflictsWith, lens.listeners)}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
