import { useMemo, useState } from "react";
import { VirtualList } from "../common/VirtualList";
import { useGwsimStore } from "../../store";
import { WHOLE_WORKSPACE_ORIGINS } from "../../store/controller";
import type { Problem } from "../../store/problems";
import { selectAnalysis, selectProblems, selectSelected } from "../../store/selectors";
import type { GwsimState } from "../../store/types";
import { useShownAnalysis } from "../common/shownAnalysis";
import { keepsListingHeight } from "./listingHeight";

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const ICON = { error: "●", warning: "▲", info: "ℹ" } as const;

/**
 * Longer lists render only the rows in view, each one line of message and one of hint (the full
 * text is in the tooltip); shorter ones render every row at its natural height.
 */
export const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 42;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function testIdOf(problem: Problem): string {
  return `problem-${problem.id}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/-+$/, "");
}

/**
 * Every diagnostic, non-accepted route parent and non-ready listener; a click shows it. The rows
 * and counts follow the analysis one frame after the editor and the graph (shownAnalysis.ts).
 */
export function ProblemsPanel() {
  const problems = useShownAnalysis(selectProblems);
  const analysis = useShownAnalysis(selectAnalysis);
  const selected = useGwsimStore(selectSelected);
  const select = useGwsimStore((s) => s.select);
  const revealLocation = useGwsimStore((s) => s.revealLocation);
  const [collapsed, setCollapsed] = useState(false);
  const arrivedWhole = useShownAnalysis(selectAnalysedWholeWorkspace);
  // Derived while rendering (React's "adjust state on change"), so the height never lags a frame.
  const [keptHeight, setKeptHeight] = useState(false);
  const keepHeight = keepsListingHeight(keptHeight, problems.length, arrivedWhole);
  if (keepHeight !== keptHeight) setKeptHeight(keepHeight);

  const sorted = useMemo(
    () =>
      [...problems].sort(
        (a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0),
      ),
    [problems],
  );
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const p of problems) c[p.severity] += 1;
    return c;
  }, [problems]);

  const show = (p: Problem) => {
    if (p.object) select(p.object, "problems");
    if (p.line !== undefined) revealLocation(p.line, p.column ?? 1);
  };

  return (
    <section
      className={`problems ${collapsed ? "is-collapsed" : ""} ${problems.length === 0 ? "is-empty" : ""} ${keepHeight ? "keeps-height" : ""}`}
      aria-label="Problems"
      data-testid="problems-panel"
    >
      <header className="panel-header">
        <button
          type="button"
          className="panel-toggle"
          onClick={() => setCollapsed((c) => !c)}
          aria-expanded={!collapsed}
        >
          <span className="caret" aria-hidden="true">
            {collapsed ? "▸" : "▾"}
          </span>{" "}
          Problems
        </button>
        <span className="counts" data-testid="problem-counts">
          <span className={`count ${counts.error > 0 ? "count-error" : ""}`}>
            {plural(counts.error, "error")}
          </span>
          <span className={`count ${counts.warning > 0 ? "count-warning" : ""}`}>
            {plural(counts.warning, "warning")}
          </span>
          <span className="count count-info">{counts.info} info</span>
          {analysis && analysis.assumptions.length > 0 && (
            <span
              className="count count-assumed"
              data-testid="assumed-count"
              title={`Referenced but not in the workspace; the ${analysis.world} world assumes they exist (each has an assume.* note below)`}
            >
              {plural(analysis.assumptions.length, "assumed object")}
            </span>
          )}
        </span>
      </header>
      {!collapsed && (
        <div className="problems-body">
          {!analysis ? (
            <p className="empty">Analysing…</p>
          ) : sorted.length === 0 ? (
            <p className="empty" data-testid="problems-empty">
              No problems: every route is attached and every listener is ready.
            </p>
          ) : sorted.length >= VIRTUALIZE_FROM ? (
            <VirtualList
              className="problem-list is-virtual"
              items={sorted}
              rowHeight={ROW_HEIGHT}
              keyOf={(p) => p.id}
              aria-label="Problems"
              renderRow={(p) => <ProblemRow problem={p} selected={selected} onShow={show} titled />}
            />
          ) : (
            <ul className="problem-list">
              {sorted.map((p) => (
                <li key={p.id}>
                  <ProblemRow problem={p} selected={selected} onShow={show} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

/** The analysis shown is of a workspace that arrived whole (opened files, an example, a restore). */
function selectAnalysedWholeWorkspace(s: GwsimState): boolean {
  return (
    s.analysisRevision === s.lastChange.revision && WHOLE_WORKSPACE_ORIGINS.has(s.lastChange.origin)
  );
}

function ProblemRow({
  problem: p,
  selected,
  onShow,
  titled,
}: {
  problem: Problem;
  selected: string | undefined;
  onShow: (p: Problem) => void;
  titled?: boolean;
}) {
  return (
    <button
      type="button"
      className={`problem problem-${p.severity} ${p.object && p.object === selected ? "is-selected" : ""}`}
      data-testid={testIdOf(p)}
      data-kind={p.kind}
      title={titled ? (p.hint ? `${p.message}\n${p.hint}` : p.message) : undefined}
      onClick={() => onShow(p)}
    >
      <span className={`sev sev-${p.severity}`} role="img" aria-label={p.severity}>
        {ICON[p.severity]}
      </span>
      <span className="problem-text">
        <span className="problem-message">{p.message}</span>
        {p.hint && <span className="problem-hint">{p.hint}</span>}
      </span>
      <span className="problem-code">{p.code}</span>
      {p.line !== undefined && <span className="problem-loc">line {p.line}</span>}
    </button>
  );
}
