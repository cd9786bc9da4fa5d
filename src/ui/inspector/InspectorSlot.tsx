/**
 * The inspector's place in the page. Its code (edit forms, the engine's edit planner behind them,
 * health predictions, policy and drift sections) is not needed to draw the first graph, so it is
 * loaded lazily: after the first graph (`ready`), or as soon as something is selected. Its styles
 * stay with the page so the placeholder already sits in the inspector's column.
 */
import "./inspector.css";
import { lazy, Suspense } from "react";
import { useGwsimStore } from "../../store";
import { PanelLoading } from "../common/PanelLoading";

const Inspector = lazy(() => import("./Inspector").then((m) => ({ default: m.Inspector })));

export function InspectorSlot({ ready }: { ready: boolean }) {
  const selected = useGwsimStore((s) => s.selected !== undefined);
  if (!ready && !selected) return null;
  return (
    <Suspense fallback={<InspectorLoading />}>
      <Inspector />
    </Suspense>
  );
}

/** Shown only while the code loads and only when there is something to inspect. */
function InspectorLoading() {
  const selected = useGwsimStore((s) => s.selected !== undefined);
  if (!selected) return null;
  return (
    <aside className="inspector" aria-label="Inspector" aria-busy="true">
      <PanelLoading what="the inspector" />
    </aside>
  );
}
