/**
 * A listener's status entry (spec §2.1–2.2): Accepted, Programmed, ResolvedRefs and Conflicted,
 * supportedKinds and attachedRoutes.
 */
import { phraseList } from "../print/phraseList";
import { ConditionType, ListenerReason } from "../api/conditions";
import { GATEWAY_GROUP } from "../api/kinds";
import type { ListenerStatus } from "../types";
import { isListenerReady, type ListenerState } from "./listenerState";
import { conditionsFor, type StatusContext } from "./statusContext";
import { needEngineModule } from "../modules/engineModules";

export function computeListenerStatus(
  ctx: StatusContext,
  l: ListenerState,
  gatewayAccepted: boolean,
): ListenerStatus {
  const condition = conditionsFor(ctx, l.owner);
  const accepted = l.conflict
    ? condition(ConditionType.Accepted, "False", l.conflict.reason, l.conflict.message)
    : l.notAccepted
      ? condition(ConditionType.Accepted, "False", l.notAccepted.reason, l.notAccepted.message)
      : condition(ConditionType.Accepted, "True", ListenerReason.Accepted, "Listener is valid");

  const notProgrammed = programmingBlocker(l, gatewayAccepted);
  const programmed = l.conflict
    ? condition(ConditionType.Programmed, "False", l.conflict.reason, l.conflict.message)
    : notProgrammed
      ? condition(ConditionType.Programmed, "False", ListenerReason.Invalid, notProgrammed)
      : condition(
          ConditionType.Programmed,
          "True",
          ListenerReason.Programmed,
          "Listener is programmed",
        );

  // Two problems or more are rare: their ranking is in the on-demand diagnostic words.
  const first =
    l.refProblems.length < 2
      ? l.refProblems[0]
      : needEngineModule("diagnosticWords").leadingListenerProblem(l.refProblems);
  const resolvedRefs = first
    ? condition(
        ConditionType.ResolvedRefs,
        "False",
        first.reason,
        phraseList(
          l.refProblems.map((p) => p.message),
          "; ",
        ),
      )
    : condition(
        ConditionType.ResolvedRefs,
        "True",
        ListenerReason.ResolvedRefs,
        "All references resolved",
      );

  const conflicted = l.conflict
    ? condition(ConditionType.Conflicted, "True", l.conflict.reason, l.conflict.message)
    : condition(ConditionType.Conflicted, "False", ListenerReason.NoConflicts, "No conflicts");

  const conditions = [accepted, programmed, resolvedRefs, conflicted];
  // A negative-polarity condition: written only when true.
  if (l.tlsOverlap)
    conditions.push(
      condition(
        ConditionType.OverlappingTLSConfig,
        "True",
        l.tlsOverlap.reason,
        l.tlsOverlap.message,
      ),
    );
  return {
    name: l.name,
    supportedKinds: l.supportedKinds.map((kind) => ({ group: GATEWAY_GROUP, kind })),
    attachedRoutes: l.attachedRoutes,
    conditions,
  };
}

function programmingBlocker(l: ListenerState, gatewayAccepted: boolean): string | undefined {
  if (l.notAccepted) return `Listener is not accepted: ${l.notAccepted.message}`;
  if (!gatewayAccepted) return "the Gateway is not accepted";
  if (l.certificateUnusable) return "no usable certificate to serve (see ResolvedRefs)";
  if (l.supportedKinds.length === 0 && l.implementationProtocol !== true)
    return "no route kind can attach to this listener (see ResolvedRefs)";
  if (!isListenerReady(l)) return "Listener cannot serve traffic";
  return undefined;
}
