import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { GraphListenerRow, GraphNode } from "../../engine";
import { MAX_OTHER_ITEMS } from "../../layout/nodeSize";
import {
  GRANT_HANDLE,
  IN_HANDLE,
  OUT_HANDLE,
  listenerHandle,
  type GraphFlowNode,
} from "./flowTypes";
import { nodeDomId, nodeTestId, slugOf } from "./graphTestIds";
import { useGwsimStore } from "../../store";
import { selectSimNodeOnPath } from "../../store/simulatorSlice";
import { selectHasStatusDrift } from "../../store/selectors";
import { NODE_STATUS_TEXT as STATUS_TEXT } from "./nodeStatusText";

/** One card per object: kind, name, namespace, status, and the fields that matter for its kind. */
export const GraphNodeView = memo(function GraphNodeView({ data }: NodeProps<GraphFlowNode>) {
  const { node, stale } = data;
  const classes = ["gn", `gn--${node.category}`, `gn--${node.status}`];
  if (node.ghost) classes.push(node.assumed === true ? "gn--assumed" : "gn--ghost");
  if (stale) classes.push("gn--stale");
  if (data.selected) classes.push("gn--selected");
  if (data.dimmed === true) classes.push("gn--dimmed");
  if (data.cursor === true) classes.push("gn--cursor");
  const onSimPath = useGwsimStore(selectSimNodeOnPath(node.id));
  if (onSimPath) classes.push("gn--sim-path");
  const drift = useGwsimStore(selectHasStatusDrift(node.id));
  return (
    <div
      className={classes.join(" ")}
      id={nodeDomId(node.id)}
      data-testid={nodeTestId(node.id)}
      data-cursor={data.cursor === true ? "true" : undefined}
      data-dimmed={data.dimmed === true ? "true" : undefined}
      data-status={node.status}
      data-assumed={node.assumed === true ? "true" : undefined}
      data-stale={stale ? "true" : undefined}
      data-sim-path={onSimPath ? "true" : undefined}
      title={node.message ?? undefined}
    >
      <Handle type="target" position={Position.Left} id={IN_HANDLE} className="gn-handle" />
      <div className="gn-head">
        <span className="gn-kind">
          {node.kind === "OtherObjects" ? "Other objects" : node.kind}
        </span>
        {drift ? (
          <span
            className="gn-drift"
            data-testid={`${nodeTestId(node.id)}-drift`}
            title="The controller's status in the input differs from gwsim's: see the inspector"
          >
            ≠ status
          </span>
        ) : null}
        {stale ? (
          <span className="gn-pill gn-pill--stale">Stale</span>
        ) : node.assumed === true ? (
          <span className="gn-pill gn-pill--assumed" data-testid={`${nodeTestId(node.id)}-assumed`}>
            assumed
          </span>
        ) : (
          <span className={`gn-pill gn-pill--${node.status}`}>{STATUS_TEXT[node.status]}</span>
        )}
      </div>
      <div
        className="gn-name"
        title={node.namespace ? `${node.namespace}/${node.name}` : node.name}
      >
        {node.name}
      </div>
      {stale ? <div className="gn-stale-badge">stale: YAML has a syntax error</div> : null}
      <NodeBody node={node} />
      {/* On gateways the listener rows carry their own handles; the whole-gateway one sits by the name. */}
      <Handle
        type="source"
        position={Position.Right}
        id={OUT_HANDLE}
        className="gn-handle"
        style={
          node.category === "gateway" || node.category === "listenerSet" ? { top: 30 } : undefined
        }
      />
      {node.category === "grant" ? (
        <Handle
          type="source"
          position={Position.Top}
          id={GRANT_HANDLE}
          className="gn-handle ns-handle"
          isConnectable={false}
        />
      ) : null}
    </div>
  );
});

/** What a ghost's body says: assumed by the world, or referenced and missing. */
function ghostText(node: GraphNode): string {
  return node.assumed === true ? "not in workspace, assumed" : "referenced, not in input";
}

function NodeBody({ node }: { node: GraphNode }) {
  const d = node.details;
  const reason =
    node.reason && node.status !== "ok" ? (
      <div
        className={`gn-row gn-reason gn-reason--${node.status}`}
        data-testid={`${nodeTestId(node.id)}-reason`}
      >
        {node.reason}
      </div>
    ) : null;
  switch (d.category) {
    case "class":
      return (
        <>
          <div className="gn-row gn-muted" title={d.controllerName}>
            {d.controllerName ?? (node.ghost ? ghostText(node) : "no controllerName")}
          </div>
          {node.ghost ? null : reason}
        </>
      );
    case "gateway":
    case "listenerSet":
      return (
        <div className="gn-listeners">
          {d.listeners.length === 0 ? (
            <div className="gn-row gn-muted">{node.ghost ? ghostText(node) : "no listeners"}</div>
          ) : (
            d.listeners.map((l) => <ListenerRow key={l.name} nodeId={node.id} row={l} />)
          )}
          {node.reason && d.listeners.every((l) => l.ready) ? reason : null}
        </div>
      );
    case "route":
      return (
        <>
          <div className="gn-row" title={d.hostnames.join(", ")}>
            {d.hostnames.length > 0 ? (
              d.hostnames.join(", ")
            ) : (
              <span className="gn-muted">any hostname</span>
            )}
          </div>
          <div className="gn-row gn-muted">
            {d.ruleCount} rule{d.ruleCount === 1 ? "" : "s"} ·{" "}
            {d.parents.filter((p) => p.accepted).length}/{d.parents.length} accepted
          </div>
          {reason}
        </>
      );
    case "backend":
      return (
        <>
          <div className="gn-row gn-muted">
            {node.ghost
              ? ghostText(node)
              : d.ports.length > 0
                ? `ports ${d.ports.map((p) => (p.name ? `${p.port} (${p.name})` : p.port)).join(", ")}`
                : "no ports"}
          </div>
          {node.ghost ? null : reason}
        </>
      );
    case "grant":
      return (
        <>
          {d.from.map((f) => (
            <div key={`from-${f}`} className="gn-row">
              <span className="gn-muted">from</span> {f}
            </div>
          ))}
          {d.to.map((t) => (
            <div key={`to-${t}`} className="gn-row">
              <span className="gn-muted">to</span> {t}
            </div>
          ))}
        </>
      );
    case "policy":
      return (
        <>
          {d.targets.length === 0 ? <div className="gn-row gn-muted">no targets</div> : null}
          {d.targets.map((t) => (
            <div key={t} className="gn-row" title={t}>
              <span className="gn-muted">→</span> {t}
            </div>
          ))}
          {reason}
        </>
      );
    case "other":
      return (
        <>
          {d.items.slice(0, MAX_OTHER_ITEMS).map((i) => (
            <div key={i.key} className="gn-row" title={`${i.kind} ${i.name}`}>
              <span className="gn-muted">{i.kind}</span> {i.name}
            </div>
          ))}
          {d.items.length > MAX_OTHER_ITEMS ? (
            <div className="gn-row gn-muted">and {d.items.length - MAX_OTHER_ITEMS} more</div>
          ) : null}
        </>
      );
  }
}

function ListenerRow({ nodeId, row }: { nodeId: string; row: GraphListenerRow }) {
  const state = row.conflicted ? "conflicted" : row.ready ? "ready" : "not-ready";
  return (
    <div
      className={`gn-listener gn-listener--${state}`}
      data-testid={`graph-listener-${slugOf(nodeId)}-${slugOf(row.name)}`}
      data-state={state}
      title={
        row.message ??
        `${row.name}: ${row.protocol} ${row.port}${row.hostname ? ` ${row.hostname}` : ""}`
      }
    >
      <span className="gn-listener-dot" />
      <span className="gn-listener-name">{row.name}</span>
      <span className="gn-listener-proto">
        {row.protocol}:{row.port}
      </span>
      <span className="gn-listener-host">{row.reason ?? row.hostname ?? "*"}</span>
      <span className="gn-listener-count" title="attachedRoutes">
        {row.attachedRoutes}
      </span>
      <Handle
        type="source"
        position={Position.Right}
        id={listenerHandle(row.name)}
        className="gn-handle gn-handle--listener"
      />
    </div>
  );
}
