/**
 * "Controller status vs gwsim": for an object from a cluster dump, the conditions where the
 * controller's `status:` and gwsim's computed status differ, or were written for an older
 * generation. The engine finds the drift; this lays it out as one small table per status scope.
 */
import { useMemo } from "react";
import type { ConditionVerdict, ResourceKey } from "../../engine";
import { selectStatusDrift } from "../../store/inspectorSelectors";
import { slugOf } from "../canvas/graphTestIds";
import { useShownAnalysis } from "../common/shownAnalysis";
import { conditionTone } from "./ConditionList";
import { groupStatusDrift, printStaleNote } from "./groupStatusDrift";

export function StatusDriftSection({ objectKey }: { objectKey: ResourceKey }) {
  const entries = useShownAnalysis(selectStatusDrift(objectKey));
  const scopes = useMemo(() => groupStatusDrift(entries), [entries]);
  if (scopes.length === 0) return null;
  // The engine reports a stale generation once per status scope (at its first stale condition).
  const staleScopes = scopes.flatMap((s) =>
    s.rows.filter((r) => r.stale).map((r) => ({ scope: s.scope, stale: r.stale! })),
  );
  return (
    <section className="insp-section" data-testid="inspector-drift">
      <h3>Controller status vs gwsim</h3>
      {staleScopes.length > 0 ? (
        <div className="insp-drift-stale" data-testid="inspector-drift-stale">
          {staleScopes.map(({ scope, stale }) => (
            <div key={scope}>
              <strong>Stale</strong> {scope}: {printStaleNote(stale)}.
            </div>
          ))}
        </div>
      ) : null}
      {scopes.map((scope) => (
        <table
          key={scope.scope}
          className="insp-drift"
          data-testid={`inspector-drift-${slugOf(scope.scope)}`}
        >
          <caption>{scope.scope}</caption>
          <thead>
            <tr>
              <th>controller</th>
              <th>gwsim</th>
            </tr>
          </thead>
          {/* One body per condition: its name on a full-width row, so both verdict columns stay wide. */}
          {scope.rows.map((row) => (
            <tbody
              key={row.conditionType}
              className={row.disagrees ? "insp-drift-row--disagrees" : "insp-drift-row--stale"}
              data-testid={`inspector-drift-row-${slugOf(scope.scope)}-${slugOf(row.conditionType)}`}
              data-kinds={row.kinds.join(" ")}
              title={row.messages.join("\n")}
            >
              <tr>
                <th colSpan={2} className="insp-drift-type">
                  {row.conditionType}
                </th>
              </tr>
              <tr>
                <VerdictCell
                  verdict={row.controller}
                  conditionType={row.conditionType}
                  absent="not written"
                  who="controller"
                  stale={row.stale !== undefined}
                />
                <VerdictCell
                  verdict={row.gwsim}
                  conditionType={row.conditionType}
                  // A row that is only stale: the engine compared this scope and found no disagreement.
                  absent={row.disagrees ? "not computed" : "no disagreement"}
                  who="gwsim"
                  stale={false}
                />
              </tr>
            </tbody>
          ))}
        </table>
      ))}
    </section>
  );
}

function VerdictCell(props: {
  verdict: ConditionVerdict | undefined;
  conditionType: string;
  absent: string;
  who: string;
  stale: boolean;
}) {
  const { verdict, conditionType, absent, who, stale } = props;
  if (!verdict) {
    return (
      <td className="insp-drift-cell insp-na" data-testid={`drift-${who}`}>
        {absent}
      </td>
    );
  }
  // attachedRoutes rows carry a count as "status", with no reason and no polarity.
  const tone =
    conditionType === "attachedRoutes"
      ? "unknown"
      : conditionTone({ type: conditionType, status: verdict.status });
  return (
    <td
      className={`insp-drift-cell insp-drift-cell--${tone}`}
      data-testid={`drift-${who}`}
      title={verdict.message}
    >
      <span className="insp-drift-status">{verdict.status}</span>
      {verdict.reason ? <span className="insp-drift-reason">{verdict.reason}</span> : null}
      {verdict.observedGeneration !== undefined ? (
        <span className={`insp-drift-gen${stale ? " insp-drift-gen--stale" : ""}`}>
          gen {verdict.observedGeneration}
        </span>
      ) : null}
    </td>
  );
}
