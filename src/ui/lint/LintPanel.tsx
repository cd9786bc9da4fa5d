/**
 * Lint findings (rules that never win, creation-order ties, hostname overlaps, zero weights…) and
 * the fix-its on offer. A fix-it is previewed as a unified diff and applied through the store's
 * applyEdits: one undo step, comments and formatting elsewhere untouched.
 */
import { useState } from "react";
import type { FixIt, LintFinding, SimRequest } from "../../engine";
import { keyOfRef } from "../../engine/present";
import { useGwsimStore } from "../../store";
import { sendRequest } from "../simulator/simulatorClient";
import { previewFix } from "./usePlatformChecks";
// Its edits are synchronous: the engine's editor comes with this code (store/editEngine.ts).
import "../../store/editEngineModule";

const ICON = { error: "●", warning: "▲", info: "ℹ" } as const;

/** The first two lines are the file header; after them "+---" is an added YAML document separator. */
function diffLineClass(line: string, index: number): string {
  if (index < 2) return "diff-line diff-file";
  if (line.startsWith("+")) return "diff-line diff-add";
  if (line.startsWith("-")) return "diff-line diff-del";
  if (line.startsWith("@@")) return "diff-line diff-hunk";
  return "diff-line";
}

export function testIdPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function LintPanel({
  findings,
  fixIts,
}: {
  findings: readonly LintFinding[];
  fixIts: readonly FixIt[];
}) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [diff, setDiff] = useState<{ id: string; text: string } | undefined>(undefined);
  const select = useGwsimStore((s) => s.select);
  const revealLocation = useGwsimStore((s) => s.revealLocation);
  const fix = fixIts.find((f) => f.id === chosen);

  const show = (f: LintFinding) => {
    const d = f.diagnostic;
    if (d.object) select(keyOfRef(d.object), "problems");
    revealLocation(d.line, d.column);
  };
  // The request that proves a shadow: open it in the simulator and trace it there.
  const trace = (request: SimRequest) => {
    const sim = useGwsimStore.getState();
    sim.setSimDraft(request, []);
    sim.setSimTab("request");
    sim.setSimOpen(true);
    void sendRequest(request);
  };
  const preview = (f: FixIt) => {
    setChosen(f.id);
    setDiff(undefined);
    void previewFix(f).then((text) => setDiff({ id: f.id, text }));
  };
  const apply = (f: FixIt) => {
    const result = useGwsimStore.getState().applyEdits(f.edits, "inspector");
    const notice =
      result.failed.length > 0
        ? {
            kind: "error" as const,
            message: `Fix-it not applied: ${result.failed.map((x) => x.reason).join("; ")}`,
          }
        : { kind: "info" as const, message: `Applied: ${f.title}. Undo with Ctrl+Z.` };
    useGwsimStore.getState().setNotice(notice);
    setChosen(undefined);
    setDiff(undefined);
  };

  return (
    <div className="lint-columns">
      <div className="lint-list" role="region" aria-label="Lint findings">
        <h3 className="lint-heading">
          Findings <span className="lint-count">{findings.length}</span>
        </h3>
        {findings.length === 0 ? (
          <p className="empty">
            No lint findings: no shadowed rules, ties, overlaps or dangling references.
          </p>
        ) : null}
        <ul>
          {findings.map((f, i) => (
            <li key={`${f.diagnostic.code}-${i}`} className="lint-item">
              <button
                type="button"
                className={`lint-finding sev-${f.diagnostic.severity}`}
                data-testid={`lint-finding-${testIdPart(f.diagnostic.code)}`}
                onClick={() => show(f)}
              >
                <span className="lint-icon">{ICON[f.diagnostic.severity]}</span>
                <span className="lint-code">{f.diagnostic.code}</span>
                <span className="lint-message">{f.diagnostic.message}</span>
                <span className="lint-line">line {f.diagnostic.line}</span>
              </button>
              {f.request !== undefined ? (
                <button
                  type="button"
                  className="lint-trace"
                  data-testid="lint-trace-request"
                  onClick={() => trace(f.request as SimRequest)}
                >
                  Trace this request in the simulator
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="lint-fixes" role="region" aria-label="Fix-its">
        <h3 className="lint-heading">
          Fix-its <span className="lint-count">{fixIts.length}</span>
        </h3>
        {fixIts.length === 0 ? <p className="empty">Nothing to fix automatically.</p> : null}
        <ul>
          {fixIts.map((f) => (
            <li
              key={f.id}
              className={`fixit ${f.id === chosen ? "is-chosen" : ""}`}
              data-testid={`fixit-${testIdPart(f.kind)}`}
            >
              <div className="fixit-title">{f.title}</div>
              <div className="fixit-detail">{f.detail}</div>
              <div className="fixit-actions">
                <button type="button" data-testid="fixit-preview" onClick={() => preview(f)}>
                  Preview diff
                </button>
                <button
                  type="button"
                  className="primary"
                  data-testid="fixit-apply"
                  onClick={() => apply(f)}
                >
                  Apply
                </button>
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div className="lint-diff" role="region" aria-label="Fix-it preview">
        <h3 className="lint-heading">{fix ? `Preview: ${fix.title}` : "Preview"}</h3>
        {fix === undefined ? (
          <p className="empty">Choose “Preview diff” on a fix-it to see the YAML it changes.</p>
        ) : null}
        {fix !== undefined && diff?.id === fix.id ? (
          <div className="diff" data-testid="fixit-diff" role="region" aria-label="Unified diff">
            {diff.text.split("\n").map((line, i) => (
              <div key={i} className={diffLineClass(line, i)}>
                {line === "" ? " " : line}
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
