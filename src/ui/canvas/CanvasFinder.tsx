/**
 * Above the graph: find nodes by name, kind, namespace or status (the others fade), and focus
 * mode, which draws only one object's neighbourhood until the user leaves it.
 */
import type { GraphStatus, SemanticGraph } from "../../engine";
import { useGwsimStore } from "../../store";
import { useCanvasView } from "./canvasViewStore";
import { filterChoices, isFilterActive } from "./graphFilter";
import { NODE_STATUS_TEXT } from "./nodeStatusText";
import { useMemo } from "react";

export function CanvasFinder({
  graph,
  matchCount,
}: {
  graph: SemanticGraph;
  matchCount: number | undefined;
}) {
  const filter = useCanvasView((s) => s.filter);
  const setFilter = useCanvasView((s) => s.setFilter);
  const clearFilter = useCanvasView((s) => s.clearFilter);
  const focusOn = useCanvasView((s) => s.focusOn);
  const cursor = useCanvasView((s) => s.cursor);
  const selected = useGwsimStore((s) => s.selected);
  const choices = useMemo(() => filterChoices(graph), [graph]);
  const focusTarget = [selected, cursor].find(
    (id) => id !== undefined && graph.nodes.some((n) => n.id === id),
  );
  const focused = focusOn === undefined ? undefined : graph.nodes.find((n) => n.id === focusOn);
  return (
    <div
      className="canvas-finder"
      role="search"
      aria-label="Find objects on the graph"
      data-testid="canvas-finder"
    >
      <input
        type="search"
        className="finder-text"
        placeholder="Find: name, kind, namespace…"
        title="Find objects by name, kind, namespace or status"
        aria-label="Find objects by name, kind, namespace or status"
        data-testid="finder-text"
        value={filter.text}
        onChange={(e) => setFilter({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === "Escape" && isFilterActive(filter)) {
            e.preventDefault();
            clearFilter();
          }
        }}
      />
      <select
        aria-label="Filter by kind"
        data-testid="finder-kind"
        value={filter.kind ?? ""}
        onChange={(e) => setFilter({ kind: e.target.value || undefined })}
      >
        <option value="">any kind</option>
        {choices.kinds.map((k) => (
          <option key={k} value={k}>
            {k === "OtherObjects" ? "Other objects" : k}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by namespace"
        data-testid="finder-namespace"
        value={filter.namespace ?? ""}
        onChange={(e) => setFilter({ namespace: e.target.value || undefined })}
      >
        <option value="">any namespace</option>
        {choices.namespaces.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
      <select
        aria-label="Filter by status"
        data-testid="finder-status"
        value={filter.status ?? ""}
        onChange={(e) =>
          setFilter({ status: (e.target.value || undefined) as GraphStatus | undefined })
        }
      >
        <option value="">any status</option>
        {choices.statuses.map((s) => (
          <option key={s} value={s}>
            {NODE_STATUS_TEXT[s]}
          </option>
        ))}
      </select>
      {matchCount !== undefined ? (
        <span className="finder-count" role="status" data-testid="finder-count">
          {matchCount} of {graph.nodes.length}
          <button
            type="button"
            className="finder-link"
            onClick={clearFilter}
            data-testid="finder-clear"
          >
            Clear
          </button>
        </span>
      ) : null}
      <span className="finder-spacer" />
      <button
        type="button"
        className="finder-button"
        data-testid="focus-enter"
        disabled={focusTarget === undefined || focused !== undefined}
        title={
          focusTarget
            ? `Show only what ${focusTarget} connects to (F on the graph)`
            : "Select an object to show its neighbourhood"
        }
        onClick={() => useCanvasView.getState().setFocusOn(focusTarget)}
      >
        Focus
      </button>
    </div>
  );
}

/** Over the graph while focus mode is on: what is shown, and the way back to everything. */
export function FocusBanner({ graph }: { graph: SemanticGraph }) {
  const focusOn = useCanvasView((s) => s.focusOn);
  const focused = focusOn === undefined ? undefined : graph.nodes.find((n) => n.id === focusOn);
  if (!focused) return null;
  return (
    <div className="focus-banner" role="status" data-testid="focus-banner">
      <span className="focus-banner-text">
        Neighbourhood of{" "}
        <strong>
          {focused.kind} {focused.namespace ? `${focused.namespace}/` : ""}
          {focused.name}
        </strong>
      </span>
      <button
        type="button"
        className="focus-exit"
        data-testid="focus-exit"
        onClick={() => useCanvasView.getState().setFocusOn(undefined)}
      >
        Show everything <kbd>Esc</kbd>
      </button>
    </div>
  );
}
