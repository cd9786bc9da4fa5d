/**
 * The Platform panel under the designer: lint findings with fix-its, and the isolation lens.
 * Collapsed by default; its checks run in the worker only while it is open.
 */
import "./platform.css";
import { lazy, Suspense, useState } from "react";
import { PanelLoading } from "../common/PanelLoading";
import { usePlatformChecks } from "./usePlatformChecks";

type PlatformTab = "lint" | "isolation";

// The findings list, its fix-its (the engine's edit planner) and the lens arrive on first open.
const LintPanel = lazy(() => import("./LintPanel").then((m) => ({ default: m.LintPanel })));
const IsolationMatrix = lazy(() =>
  import("../lens/IsolationMatrix").then((m) => ({ default: m.IsolationMatrix })),
);

export function PlatformPanel() {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<PlatformTab>("lint");
  const { checks, error } = usePlatformChecks(open);
  const pick = (t: PlatformTab) => {
    setTab(t);
    setOpen(true);
  };
  const leakCount = checks?.lens.leaks.length ?? 0;
  return (
    <section
      className={`platform-panel ${open ? "is-open" : ""}`}
      aria-label="Platform checks"
      data-testid="platform-panel"
    >
      <header className="panel-header">
        <button
          type="button"
          className="panel-toggle"
          data-testid="platform-toggle"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
        >
          <span className="caret" aria-hidden="true">
            {open ? "▾" : "▸"}
          </span>{" "}
          Platform
        </button>
        <nav className="sim-tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={open && tab === "lint"}
            className={open && tab === "lint" ? "is-active" : ""}
            data-testid="platform-tab-lint"
            onClick={() => pick("lint")}
          >
            Lint &amp; fix-its{checks ? ` (${checks.findings.length + checks.fixIts.length})` : ""}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={open && tab === "isolation"}
            className={open && tab === "isolation" ? "is-active" : ""}
            data-testid="platform-tab-isolation"
            onClick={() => pick("isolation")}
          >
            Isolation{checks ? ` (${leakCount} ${leakCount === 1 ? "leak" : "leaks"})` : ""}
          </button>
        </nav>
      </header>
      {open ? (
        <div className="platform-body">
          {error !== undefined ? <p className="empty">Platform checks failed: {error}</p> : null}
          {checks === undefined && error === undefined ? <p className="empty">Checking…</p> : null}
          <Suspense fallback={<PanelLoading what="the platform checks" />}>
            {checks !== undefined && tab === "lint" ? (
              <LintPanel findings={checks.findings} fixIts={checks.fixIts} />
            ) : null}
            {checks !== undefined && tab === "isolation" ? (
              <IsolationMatrix lens={checks.lens} />
            ) : null}
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
