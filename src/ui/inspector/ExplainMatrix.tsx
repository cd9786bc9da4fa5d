import type { AttachmentCheck, RouteParentExplain } from "../../engine";
import { slugOf } from "../canvas/graphTestIds";

/**
 * Why a route is (not) attached: for one parentRef, the checks that apply to the whole parentRef,
 * then a check × listener matrix. Every cell carries the engine's detail sentence.
 */
export function ExplainMatrix({ explain }: { explain: RouteParentExplain }) {
  const checkNames = [...new Set(explain.listeners.flatMap((l) => l.checks.map((c) => c.check)))];
  const failing = [
    ...explain.checks.filter((c) => !c.pass).map((c) => ({ where: "parentRef", c })),
    ...explain.listeners.flatMap((l) =>
      l.checks.filter((c) => !c.pass).map((c) => ({ where: l.listener, c })),
    ),
  ];
  return (
    <div className="insp-explain" data-testid={`inspector-explain-${explain.parentRefIndex}`}>
      {explain.noStatusReason ? <div className="insp-muted">{explain.noStatusReason}</div> : null}
      {explain.checks.length > 0 ? (
        <ul className="insp-checks">
          {explain.checks.map((c) => (
            <CheckLine key={c.check} check={c} />
          ))}
        </ul>
      ) : null}
      {explain.listeners.length > 0 ? (
        <table className="insp-matrix">
          <thead>
            <tr>
              <th>check</th>
              {explain.listeners.map((l) => (
                <th
                  key={`${l.owner}/${l.listener}`}
                  className={l.attached ? "insp-attached" : "insp-detached"}
                  title={l.attached ? "attached" : "not attached"}
                >
                  {l.listener}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {checkNames.map((name) => (
              <tr key={name}>
                <td className="insp-check-name">{name}</td>
                {explain.listeners.map((l) => {
                  const c = l.checks.find((x) => x.check === name);
                  return (
                    <td
                      key={`${l.owner}/${l.listener}`}
                      className={c ? (c.pass ? "insp-pass" : "insp-fail") : "insp-na"}
                      title={c?.detail ?? "not checked"}
                      data-testid={`inspector-check-${explain.parentRefIndex}-${slugOf(l.listener)}-${name}`}
                      data-pass={c ? String(c.pass) : undefined}
                    >
                      {c ? (c.pass ? "✓" : "✗") : "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {failing.length > 0 ? (
        <ul className="insp-checks">
          {failing.map(({ where, c }) => (
            <CheckLine key={`${where}/${c.check}`} check={c} where={where} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CheckLine({ check, where }: { check: AttachmentCheck; where?: string }) {
  return (
    <li className={check.pass ? "insp-check insp-check--pass" : "insp-check insp-check--fail"}>
      <span className="insp-check-icon">{check.pass ? "✓" : "✗"}</span>
      <span>
        <strong>{where ? `${where} · ${check.check}` : check.check}</strong>: {check.detail}
      </span>
    </li>
  );
}
