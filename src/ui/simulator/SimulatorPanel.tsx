/**
 * The Simulator panel under the designer: compose a request and read its trace, run a canary
 * split, request mixes, a rollout stepper, and what-if against another revision.
 */
import "./simulator.css";
import { lazy, Suspense, useEffect } from "react";
import { objectLabel } from "../../engine/present";
import { useGwsimStore } from "../../store";
import { objectExists } from "../../store/simulatorRevalidate";
import {
  DEFAULT_REQUEST,
  selectSimOpen,
  selectSimTab,
  type SimulatorTab,
} from "../../store/simulatorSlice";
import { PanelLoading } from "../common/PanelLoading";
import { useSimulatorFollow } from "./useSimulatorFollow";
import { composeOnDemand } from "./loadSimulatorCompose";

// The tabs' code (composer, trace, canary lab, what-if) arrives when the panel is first opened.
const SimulatorBody = lazy(() => import("./SimulatorBody"));

const TABS: { id: SimulatorTab; label: string }[] = [
  { id: "request", label: "Request & trace" },
  { id: "canary", label: "Canary lab" },
  { id: "mix", label: "Mixes" },
  { id: "rollout", label: "Rollout" },
  { id: "whatif", label: "What-if" },
];

export function SimulatorPanel() {
  const open = useGwsimStore(selectSimOpen);
  const tab = useGwsimStore(selectSimTab);
  const setOpen = useGwsimStore((s) => s.setSimOpen);
  const setTab = useGwsimStore((s) => s.setSimTab);
  const selected = useGwsimStore((s) => s.selected);
  const hasAnalysis = useGwsimStore((s) => s.analysis !== undefined);
  // Only an object of the current analysis: a selection left over from another workspace composes nothing.
  const selectedExists = useGwsimStore((s) => objectExists(s.analysis, s.selected));
  const composable =
    selected !== undefined &&
    selectedExists &&
    /^(Gateway|HTTPRoute|GRPCRoute|TLSRoute|TCPRoute|UDPRoute)\//.test(selected);
  useSimulatorFollow();
  // First open: start from the selection, or from the first route, rather than an empty form.
  useEffect(() => {
    const s = useGwsimStore.getState();
    if (!open || !hasAnalysis || s.simDraft !== DEFAULT_REQUEST) return;
    const first = s.selected ?? s.analysis?.routes[0]?.key;
    if (first) void composeOnDemand(first);
  }, [open, hasAnalysis]);
  return (
    <section
      className={`sim-panel ${open ? "is-open" : ""}`}
      aria-label="Simulator"
      data-testid="simulator-panel"
    >
      <header className="panel-header">
        <button
          type="button"
          className="panel-toggle"
          data-testid="simulator-toggle"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
        >
          <span className="caret" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>{" "}
          Simulator
        </button>
        <nav className="sim-tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={open && tab === t.id}
              className={open && tab === t.id ? "is-active" : ""}
              data-testid={`sim-tab-${t.id}`}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </nav>
        {open && composable ? (
          <button
            type="button"
            className="sim-link"
            data-testid="sim-use-selection"
            onClick={() => void composeOnDemand(selected)}
          >
            Compose from {objectLabel(selected)}
          </button>
        ) : null}
      </header>
      {open ? <GoneNotes /> : null}
      {open ? (
        <div className="sim-body">
          <Suspense fallback={<PanelLoading what="the simulator" />}>
            <SimulatorBody tab={tab} />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}

/** What the simulator dropped or could not keep because its object left the workspace. */
function GoneNotes() {
  const notes = useGwsimStore((s) => s.simGone);
  const dismiss = useGwsimStore((s) => s.dismissSimGone);
  if (notes.length === 0) return null;
  return (
    <div className="sim-gone" role="status" data-testid="sim-gone">
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button type="button" className="sim-link" data-testid="sim-gone-dismiss" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
