import type { Condition } from "../../engine";

/** Conditions as a controller wrote them: type, status, reason, and the message on hover and below. */
export function ConditionList({
  conditions,
  testId,
}: {
  conditions: readonly Condition[];
  testId?: string;
}) {
  if (conditions.length === 0) return <div className="insp-muted">No conditions written.</div>;
  return (
    <ul className="insp-conditions" data-testid={testId}>
      {conditions.map((c) => (
        <li
          key={c.type}
          className={`insp-condition insp-condition--${conditionTone(c)}`}
          title={c.message}
        >
          <span className="insp-condition-type">{c.type}</span>
          <span className="insp-condition-status">{c.status}</span>
          <span className="insp-condition-reason">{c.reason}</span>
          {c.message ? <div className="insp-condition-message">{c.message}</div> : null}
        </li>
      ))}
    </ul>
  );
}

/** Conflicted and PartiallyInvalid are the negative-polarity types: True is the bad value. */
export function conditionTone(c: { type: string; status: string }): "ok" | "bad" | "unknown" {
  if (c.status === "Unknown") return "unknown";
  const negative = c.type === "Conflicted" || c.type === "PartiallyInvalid";
  return (c.status === "True") !== negative ? "ok" : "bad";
}
