/**
 * Policies in the inspector. For a policy object: what its targetRefs name and where it takes
 * effect. For anything else: every policy that applies to it and how it gets there. All of it is
 * read from the engine's Analysis (policies, effectivePolicies); nothing is inherited here.
 */
import type { EffectivePolicy, PolicyAttachment, ResourceKey } from "../../engine";
import { useGwsimStore } from "../../store";
import { selectAnalysis } from "../../store/selectors";
import {
  selectEffectivePolicies,
  selectObjectsReachedByPolicy,
  selectPolicyTargets,
  type PolicyReachedObject,
} from "../../store/inspectorSelectors";
import { slugOf } from "../canvas/graphTestIds";
import { useShownAnalysis } from "../common/shownAnalysis";
import {
  describePolicyReach,
  printObjectLabel,
  printObjectName,
  printPolicySection,
} from "./describePolicyReach";

const select = (key: ResourceKey) => useGwsimStore.getState().select(key, "inspector");

/** `showEmpty`: say "no policy applies" (for the kinds policies attach to) when the input has policies at all. */
export function PolicySection({
  objectKey,
  showEmpty,
}: {
  objectKey: ResourceKey;
  showEmpty: boolean;
}) {
  const targets = useShownAnalysis(selectPolicyTargets(objectKey));
  if (targets.length > 0) return <PolicyTargets policy={objectKey} targets={targets} />;
  return <AppliedPolicies objectKey={objectKey} showEmpty={showEmpty} />;
}

function AppliedPolicies({ objectKey, showEmpty }: { objectKey: ResourceKey; showEmpty: boolean }) {
  const policies = useShownAnalysis(selectEffectivePolicies(objectKey));
  const anyPolicyInInput = useShownAnalysis((s) => (selectAnalysis(s)?.policies.length ?? 0) > 0);
  // In a workspace without policies, "no policy applies" on every object would be noise.
  if (policies.length === 0 && !(showEmpty && anyPolicyInInput)) return null;
  return (
    <section className="insp-section" data-testid="inspector-policies">
      <h3>Policies</h3>
      {policies.length === 0 ? (
        <div className="insp-muted">No policy applies to this object.</div>
      ) : (
        <ul className="insp-policies">
          {policies.map((p) => (
            <AppliedPolicy
              key={`${p.policy}|${p.target}|${p.sectionName ?? ""}`}
              policy={p}
              objectKey={objectKey}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function AppliedPolicy({ policy, objectKey }: { policy: EffectivePolicy; objectKey: ResourceKey }) {
  const overridden = policy.overriddenBy !== undefined;
  return (
    <li
      className={`insp-policy${overridden ? " insp-policy--overridden" : ""}`}
      data-testid={`inspector-policy-${slugOf(policy.policy)}`}
      data-reach={policy.reach}
      data-overridden={overridden ? "true" : undefined}
    >
      <PolicyLink policy={policy.policy} kind={policy.policyKind} />
      <div className="insp-policy-reach">
        {describePolicyReach(policy, objectKey)}
        {policy.targetAssumed ? (
          <span
            className="insp-badge"
            data-testid="inspector-policy-target-assumed"
            title="The target is not in the input; the world assumes it exists"
          >
            assumed target
          </span>
        ) : null}
      </div>
      {policy.overriddenBy ? (
        <div className="insp-muted" data-testid="inspector-policy-overridden">
          overridden by{" "}
          <button type="button" className="insp-link" onClick={() => select(policy.overriddenBy!)}>
            {printObjectLabel(policy.overriddenBy)}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function PolicyLink({ policy, kind }: { policy: ResourceKey; kind: string }) {
  return (
    <button
      type="button"
      className="insp-link insp-policy-name"
      title={`Select ${printObjectLabel(policy)}`}
      onClick={() => select(policy)}
    >
      <span className="insp-policy-kind">{kind}</span> {printObjectName(policy)}
    </button>
  );
}

function PolicyTargets({
  policy,
  targets,
}: {
  policy: ResourceKey;
  targets: readonly PolicyAttachment[];
}) {
  const reached = useShownAnalysis(selectObjectsReachedByPolicy(policy));
  return (
    <section className="insp-section" data-testid="inspector-policy-targets">
      <h3>Targets</h3>
      <ul className="insp-policies">
        {targets.map((t) => {
          const ref = t.targetRef;
          // An assumed target is a graph node too (drawn "assumed"), so it can be selected.
          const shown = t.target ?? t.assumedTarget;
          const label = `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}${ref.sectionName ? ` (sectionName ${ref.sectionName})` : ""}`;
          return (
            <li
              key={t.targetRefIndex}
              className={`insp-policy ${shown ? "insp-ok" : "insp-bad"}`}
              data-testid={`inspector-policy-target-${t.targetRefIndex}`}
              data-resolved={t.target ? "true" : t.assumedTarget ? "assumed" : "false"}
            >
              {shown ? (
                <button type="button" className="insp-link" onClick={() => select(shown)}>
                  {label}
                </button>
              ) : (
                <span>{label}</span>
              )}
              <span className="insp-badge">
                {t.target ? "resolved" : t.assumedTarget ? "assumed" : "not in input"}
              </span>
            </li>
          );
        })}
      </ul>
      {reached.length > 0 ? (
        <>
          <h3>Takes effect on</h3>
          <ul className="insp-policies">
            {reached.map((r) => (
              <ReachedObject
                key={`${r.object}|${r.effective.target}|${r.effective.sectionName ?? ""}`}
                reached={r}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ReachedObject({ reached }: { reached: PolicyReachedObject }) {
  const { object, effective } = reached;
  // From the policy's side, "targets this route" would name the wrong object.
  const how =
    effective.reach === "direct"
      ? "direct target"
      : effective.reach === "section"
        ? `direct target (${printPolicySection(effective)})`
        : describePolicyReach(effective, object);
  return (
    <li
      className={`insp-policy${effective.overriddenBy ? " insp-policy--overridden" : ""}`}
      data-testid={`inspector-policy-reaches-${slugOf(object)}`}
    >
      <button type="button" className="insp-link" onClick={() => select(object)}>
        {printObjectLabel(object)}
      </button>
      <div className="insp-policy-reach">{how}</div>
      {effective.overriddenBy ? (
        <div className="insp-muted">overridden by {printObjectLabel(effective.overriddenBy)}</div>
      ) : null}
    </li>
  );
}
