/**
 * The Platform panel's checks, loaded on its first open (platformChecksOnDemand.ts): lint findings
 * with fix-its and the isolation lens, computed in the worker while the panel is open. It stays
 * mounted once loaded, closed too, so the tab counts keep the last findings as they always did.
 */
import { lazy, Suspense, useEffect } from "react";
import { PanelLoading } from "../common/PanelLoading";
import { usePlatformChecks, type PlatformChecks } from "./usePlatformChecks";
import type { PlatformTab } from "./PlatformPanel";

// The findings list, its fix-its (the engine's edit planner) and the lens arrive on first use.
const LintPanel = lazy(() => import("./LintPanel").then((m) => ({ default: m.LintPanel })));
const IsolationMatrix = lazy(() =>
  import("../lens/IsolationMatrix").then((m) => ({ default: m.IsolationMatrix })),
);

export function PlatformChecksBody({
  open,
  tab,
  onChecks,
}: {
  open: boolean;
  tab: PlatformTab;
  /** The header's counts: the panel's header is drawn before this module arrives. */
  onChecks: (checks: PlatformChecks | undefined) => void;
}) {
  const { checks, error } = usePlatformChecks(open);
  useEffect(() => onChecks(checks), [checks, onChecks]);
  if (!open) return null;
  return (
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
  );
}
