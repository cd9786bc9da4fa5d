import { EdgeLabelRenderer, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo, useState, type KeyboardEvent } from "react";
import { useCanvasActions } from "./canvasActions";
import { laneBezier, type Anchor } from "./edgeGeometry";
import { useEdgeLook, type ShellEdge } from "./edgeLooks";
import { edgeTestId } from "./graphTestIds";
import { useGwsimStore } from "../../store";
import { selectSimEdgeOnPath, selectSimEdgeTraffic } from "../../store/simulatorSlice";

/**
 * An edge coloured by the engine's verdict: green solid when accepted/valid, red dashed with the
 * reason when rejected, grey dashed when the target is not in the input. Backend edges show the
 * weight as a percentage of the rule; clicking it opens a small input for the raw weight.
 */
export const StatusEdge = memo(function StatusEdge(props: EdgeProps<ShellEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected } =
    props;
  const lane = props.data?.lane;
  // Status, label and the semantic edge: published by the canvas for this edge (edgeLooks.ts).
  const data = useEdgeLook(id);
  const [path, labelX, labelY] =
    lane === undefined
      ? getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
      : laneCurve(
          { x: sourceX, y: sourceY, side: sourcePosition },
          { x: targetX, y: targetY, side: targetPosition },
          lane,
        );
  const actions = useCanvasActions();
  const status = data?.status ?? "unknown";
  const edge = data?.edge;
  const testId = edgeTestId(id);
  // Simulator overlays: the winning path of the current trace, and a shown mix's traffic as width.
  const onSimPath = useGwsimStore(selectSimEdgeOnPath(edge));
  const simTraffic = useGwsimStore(selectSimEdgeTraffic(edge));
  const editableWeight =
    edge?.kind === "backend" && edge.weight !== undefined && status !== "error" && actions;
  return (
    <>
      <path d={path} fill="none" className="se-hit" />
      <path
        d={path}
        fill="none"
        className={`se se--${status} se--${edge?.kind ?? "other"}${selected ? " se--selected" : ""}${data?.stale ? " se--stale" : ""}${onSimPath ? " se--sim-path" : ""}`}
        style={simTraffic !== undefined ? { strokeWidth: 1.5 + simTraffic * 10 } : undefined}
        data-sim-path={onSimPath ? "true" : undefined}
        data-sim-traffic={simTraffic}
        data-testid={testId}
        data-state={status}
        data-reason={edge?.reason}
      />
      {data?.label && edge ? (
        <EdgeLabelRenderer>
          <div
            className={`se-label se-label--${status} se-label--${edge.kind}${data.stale ? " se-label--stale" : ""}${onSimPath ? " se-label--sim-path" : ""} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`${testId}-label`}
            data-sim-path={onSimPath ? "true" : undefined}
            title={edge.message ?? data.label}
          >
            {editableWeight ? (
              <WeightLabel
                label={data.label}
                weight={edge.weight ?? 1}
                testId={testId}
                onCommit={(w) => actions.setBackendWeight(edge, w)}
              />
            ) : (
              data.label
            )}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});

function laneCurve(from: Anchor, to: Anchor, lane: number): [string, number, number] {
  const curve = laneBezier(from, to, lane);
  return [curve.d, curve.labelX, curve.labelY];
}

function WeightLabel(props: {
  label: string;
  weight: number;
  testId: string;
  onCommit(weight: number): void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(String(props.weight));
  if (!editing) {
    return (
      <button
        type="button"
        className="se-weight"
        // Not a tab stop: the graph is one (arrow keys between nodes); a weight is also in the YAML.
        tabIndex={-1}
        title={`weight ${props.weight}: click to change`}
        onClick={() => {
          setDraft(String(props.weight));
          setEditing(true);
        }}
      >
        {props.label}
      </button>
    );
  }
  const commit = () => {
    const value = Number(draft);
    setEditing(false);
    // weight is an int32 in 0..1,000,000 (spec); anything else is ignored rather than written.
    if (Number.isInteger(value) && value >= 0 && value <= 1_000_000 && value !== props.weight)
      props.onCommit(value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") commit();
    if (e.key === "Escape") setEditing(false);
  };
  return (
    <input
      className="se-weight-input"
      type="number"
      min={0}
      max={1000000}
      step={1}
      autoFocus
      aria-label="backend weight"
      data-testid={`${props.testId}-weight-input`}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={commit}
    />
  );
}
