/**
 * The Platform panel under the designer: lint findings with fix-its, and the isolation lens.
 * Collapsed by default; its checks run in the worker only while it is open. This header is in the
 * page's first chunk; the checks (PlatformChecksBody.tsx) load on the first open, and a failed
 * load says so in the panel and is tried again on the next open or tab click.
 */
import "./platform.css";
import { useEffect, useState } from "react";
import type { PlatformChecks } from "../../store/controller";
import { PanelLoading } from "../common/PanelLoading";
import {
  loadPlatformChecksBody,
  loadedPlatformChecksBody,
  type PlatformChecksBodyModuleType,
} from "./platformChecksOnDemand";

export type PlatformTab = "lint" | "isolation";

export function PlatformPanel() {
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<PlatformTab>("lint");
  const [checks, setChecks] = useState<PlatformChecks | undefined>(undefined);
  const body = usePlatformChecksBody(open);
  const show = (next: boolean) => {
    if (next) body.retry();
    setOpen(next);
  };
  const pick = (t: PlatformTab) => {
    setTab(t);
    show(true);
  };
  const leakCount = checks?.lens.leaks.length ?? 0;
  const Body = body.module?.PlatformChecksBody;
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
          onClick={() => show(!open)}
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
      {Body !== undefined ? <Body open={open} tab={tab} onChecks={setChecks} /> : null}
      {Body === undefined && open ? (
        <div className="platform-body">
          {body.error !== undefined ? (
            <p className="empty" role="alert" data-testid="platform-load-failed">
              Could not load the platform checks: {body.error}. Close and open the panel, or pick a
              tab, to try again.
            </p>
          ) : (
            <PanelLoading what="the platform checks" />
          )}
        </div>
      ) : null}
    </section>
  );
}

/**
 * The checks' module while the panel is open (fetched on the first open), or why it could not be
 * fetched. `retry` (an open or a tab click) forgets a failure, so that use fetches it again.
 */
function usePlatformChecksBody(open: boolean): {
  module: PlatformChecksBodyModuleType | undefined;
  error: string | undefined;
  retry: () => void;
} {
  const [module, setModule] = useState(loadedPlatformChecksBody);
  const [failure, setFailure] = useState<{ attempt: number; message: string } | undefined>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!open || module !== undefined) return;
    let live = true;
    loadPlatformChecksBody().then(
      (loaded) => {
        if (live) setModule(() => loaded);
      },
      (error: unknown) => {
        if (live)
          setFailure({ attempt, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [open, module, attempt]);
  return {
    module,
    error: failure?.attempt === attempt ? failure.message : undefined,
    retry: () => {
      if (module === undefined) setAttempt((n) => n + 1);
    },
  };
}
