/**
 * Rollout stepper: for a rule with several backends, steps for the canary (10 → 30 → 60 → 100);
 * each step shows the resulting split, and "Apply this step" writes only the weight lines.
 */
import { useState } from "react";
import { useGwsimStore } from "../../store";
import type { SimRollout } from "../../store/simulatorSlice";
import { selectSimSplitRules } from "../../store/simulatorFormSelectors";
import { applySimRolloutStep, rolloutWeights } from "../../store/simulatorCompose";

const DEFAULT_STEPS = [10, 30, 60, 100];

export function RolloutStepper() {
  const rules = useGwsimStore(selectSimSplitRules);
  const plan = useGwsimStore((s) => s.simRollout);
  const setPlan = useGwsimStore((s) => s.setSimRollout);
  // Re-render when the analysis changes: the weights below are computed from it.
  useGwsimStore((s) => s.analysis);
  const [stepsText, setStepsText] = useState(
    plan ? plan.steps.join(", ") : DEFAULT_STEPS.join(", "),
  );
  const [message, setMessage] = useState<string | undefined>(undefined);
  const rule = plan
    ? rules.find((r) => r.route === plan.route && r.ruleIndex === plan.ruleIndex)
    : undefined;
  const choose = (value: string) => {
    const r = rules.find((x) => `${x.route}#${x.ruleIndex}` === value);
    if (!r) return setPlan(undefined);
    // The canary is the backend with the smallest weight (ties: the last one).
    const canary = r.backends.reduce(
      (best, b) => (b.weight <= best.weight ? b : best),
      r.backends[0]!,
    );
    setPlan({
      route: r.route,
      ruleIndex: r.ruleIndex,
      backendIndex: canary.index,
      steps: parseSteps(stepsText),
      current: -1,
    });
  };
  if (rules.length === 0)
    return (
      <p className="sim-empty">
        No rule has two or more backendRefs: a rollout steps the weights of such a rule.
      </p>
    );
  return (
    <div className="sim-rollout" data-testid="sim-rollout">
      <div className="sim-actions">
        <select
          aria-label="rule"
          data-testid="sim-rollout-rule"
          value={plan ? `${plan.route}#${plan.ruleIndex}` : ""}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">choose a rule with several backends</option>
          {rules.map((r) => (
            <option key={`${r.route}#${r.ruleIndex}`} value={`${r.route}#${r.ruleIndex}`}>
              {r.label}
            </option>
          ))}
        </select>
        {plan && rule ? (
          <>
            <label>
              canary{" "}
              <select
                aria-label="canary backend"
                data-testid="sim-rollout-canary"
                value={plan.backendIndex}
                onChange={(e) => setPlan({ ...plan, backendIndex: Number(e.target.value) })}
              >
                {rule.backends.map((b) => (
                  <option key={b.index} value={b.index}>
                    {b.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              steps (%){" "}
              <input
                aria-label="steps"
                data-testid="sim-rollout-steps"
                value={stepsText}
                onChange={(e) => {
                  setStepsText(e.target.value);
                  setPlan({ ...plan, steps: parseSteps(e.target.value) });
                }}
              />
            </label>
          </>
        ) : null}
      </div>
      {plan && rule ? (
        <>
          <div className="sim-muted">
            Now: {rule.backends.map((b) => `${b.label} weight ${b.weight}`).join(" · ")}
          </div>
          <ol className="sim-rollout-steps">
            {plan.steps.map((pct, i) => (
              <StepRow
                key={i}
                index={i}
                pct={pct}
                plan={plan}
                labels={rule.backends.map((b) => b.label)}
                weights={rolloutWeights(useGwsimStore.getState(), plan, pct) ?? []}
                current={rule.backends.map((b) => b.weight)}
                onApply={() => {
                  const result = applySimRolloutStep(useGwsimStore, i);
                  setMessage(
                    result === undefined
                      ? "The rule is gone from the YAML."
                      : result.failed.length > 0
                        ? `Not applied: ${result.failed.map((f) => f.reason).join("; ")}`
                        : result.changedLines.length === 0
                          ? `Step ${i + 1} is already in the YAML.`
                          : `Step ${i + 1} written: ${result.changedLines.length} change${result.changedLines.length === 1 ? "" : "s"} to weight lines.`,
                  );
                }}
              />
            ))}
          </ol>
          {message ? (
            <div className="sim-muted" data-testid="sim-rollout-message">
              {message}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function StepRow(props: {
  index: number;
  pct: number;
  plan: SimRollout;
  labels: string[];
  weights: number[];
  current: number[];
  onApply(): void;
}) {
  const total = props.weights.reduce((a, b) => a + b, 0);
  const same = props.weights.every((w, i) => w === props.current[i]);
  return (
    <li
      className={`sim-rollout-step ${same ? "is-live" : ""}`}
      data-testid={`sim-rollout-step-${props.index}`}
    >
      <span className="sim-rank">{props.index + 1}</span>
      <span className="sim-rollout-bars">
        {props.weights.map((w, i) => (
          <span
            key={i}
            className={`sim-seg ${i === props.plan.backendIndex ? "is-canary" : ""}`}
            style={{ flexGrow: w }}
            title={`${props.labels[i]} ${w}`}
          >
            {total > 0 && w / total >= 0.08
              ? `${props.labels[i]} ${Math.round((w / total) * 100)}%`
              : ""}
          </span>
        ))}
      </span>
      <span className="sim-muted">{props.weights.join(" / ")}</span>
      {same ? (
        <span className="sim-badge">in the YAML</span>
      ) : (
        <button
          type="button"
          data-testid={`sim-rollout-apply-${props.index}`}
          onClick={props.onApply}
        >
          Apply this step
        </button>
      )}
    </li>
  );
}

function parseSteps(text: string): number[] {
  return text
    .split(/[,\s→>]+/)
    .map((s) => Number(s))
    .filter((n) => Number.isFinite(n) && n >= 0 && n <= 100);
}
