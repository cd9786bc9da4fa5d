/**
 * Gateway and ListenerSet status once listeners are settled and routes counted (spec §1.7, §2.3),
 * and the GatewayModel routing reads.
 */
import { phraseList } from "../print/phraseList";
import { ConditionType, GatewayReason, ListenerSetReason } from "../api/conditions";
import { asString } from "../resolve/read";
import type {
  Condition,
  ConditionsStatus,
  GatewayModel,
  GatewayStatus,
  ListenerModel,
  Manifest,
} from "../types";
import type { GatewayAssessment } from "./assessGateway";
import type { GatewayListeners } from "./buildGatewayListeners";
import { computeListenerStatus } from "./computeListenerStatus";
import { isListenerReady, type ListenerState } from "./listenerState";
import { listenerNotReadyReason } from "./listenerNotReady";
import { conditionsFor, type StatusContext } from "./statusContext";

export interface WrittenGateway {
  status: GatewayStatus;
  listenerSets: { key: string; status: GatewayStatus | ConditionsStatus }[];
  model: GatewayModel;
}

export function isGatewayAccepted(assessment: GatewayAssessment, built: GatewayListeners): boolean {
  if (assessment.notAccepted) return false;
  const own = built.listeners.slice(0, built.gatewayListenerCount);
  return own.length === 0 || own.some(isListenerAccepted);
}

function isListenerAccepted(l: ListenerState): boolean {
  return !l.notAccepted && !l.conflict;
}

export function writeGatewayStatus(
  ctx: StatusContext,
  built: GatewayListeners,
  assessment: GatewayAssessment,
): WrittenGateway {
  const gw = built.gateway;
  const condition = conditionsFor(ctx, gw);
  const own = built.listeners.slice(0, built.gatewayListenerCount);
  const accepted = isGatewayAccepted(assessment, built);
  const invalidCount = own.filter((l) => !isListenerAccepted(l)).length;
  const invalidNames = own
    .filter((l) => !isListenerAccepted(l))
    .map((l) => l.name)
    .join(", ");

  const acceptedCondition = assessment.notAccepted
    ? condition(
        ConditionType.Accepted,
        "False",
        assessment.notAccepted.reason,
        assessment.notAccepted.message,
      )
    : !accepted
      ? condition(
          ConditionType.Accepted,
          "False",
          GatewayReason.ListenersNotValid,
          `no listener is valid: ${invalidNames}`,
        )
      : invalidCount > 0
        ? condition(
            ConditionType.Accepted,
            "True",
            GatewayReason.ListenersNotValid,
            `some listeners are not valid: ${invalidNames}`,
          )
        : condition(ConditionType.Accepted, "True", GatewayReason.Accepted, "Gateway is accepted");
  const ready = built.listeners.filter(isListenerReady);
  const programmedCondition = !accepted
    ? condition(
        ConditionType.Programmed,
        "False",
        GatewayReason.Invalid,
        "the Gateway is not accepted",
      )
    : own.length > 0 && !own.some(isListenerReady)
      ? condition(
          ConditionType.Programmed,
          "False",
          GatewayReason.Invalid,
          "no listener can be programmed",
        )
      : assessment.notProgrammed
        ? condition(
            ConditionType.Programmed,
            "False",
            assessment.notProgrammed.reason,
            assessment.notProgrammed.message,
          )
        : condition(
            ConditionType.Programmed,
            "True",
            GatewayReason.Programmed,
            `Gateway is programmed with ${ready.length} listener${ready.length === 1 ? "" : "s"}`,
          );
  const unresolved = own.filter((l) => l.refProblems.length > 0).map((l) => l.name);
  const resolvedRefsCondition = assessment.refProblem
    ? condition(
        ConditionType.ResolvedRefs,
        "False",
        assessment.refProblem.reason,
        assessment.refProblem.message,
      )
    : unresolved.length
      ? condition(
          ConditionType.ResolvedRefs,
          "False",
          GatewayReason.ListenersNotResolved,
          `listeners with unresolved references: ${phraseList(unresolved, ", ")}`,
        )
      : condition(
          ConditionType.ResolvedRefs,
          "True",
          GatewayReason.ResolvedRefs,
          "All references resolved",
        );
  const conditions = [acceptedCondition, programmedCondition, resolvedRefsCondition];
  if (assessment.insecureFrontendValidation) {
    conditions.push(
      condition(
        ConditionType.InsecureFrontendValidationMode,
        "True",
        GatewayReason.ConfigurationChanged,
        "frontend TLS validation uses AllowInsecureFallback: clients without a valid certificate are let through",
      ),
    );
  }

  // Field order follows the API's GatewayStatus: addresses, conditions, listeners, attachedListenerSets.
  const status: GatewayStatus = assessment.addresses.length
    ? { addresses: assessment.addresses, conditions, listeners: [] }
    : { conditions, listeners: [] };
  status.listeners = own.map((l) => computeListenerStatus(ctx, l, accepted));
  if (built.listenerSets.length > 0 || gw.spec["allowedListeners"] !== undefined) {
    status.attachedListenerSets = built.listenerSets.filter(
      (a) => a.allowed && listenerSetAccepted(built, a.listenerSet),
    ).length;
  }

  const listenerSets = built.listenerSets.map((a) => {
    const c = conditionsFor(ctx, a.listenerSet);
    if (!a.allowed) {
      return {
        key: a.listenerSet.key,
        status: {
          conditions: [
            c(ConditionType.Accepted, "False", ListenerSetReason.NotAllowed, a.detail),
            c(ConditionType.Programmed, "False", ListenerSetReason.NotAllowed, a.detail),
          ],
        },
      };
    }
    const mine = built.listeners.filter((l) => l.owner === a.listenerSet);
    const valid = mine.filter(isListenerAccepted);
    const bad = mine
      .filter((l) => !isListenerAccepted(l))
      .map((l) => l.name)
      .join(", ");
    const lsConditions = !accepted
      ? [
          c(
            ConditionType.Accepted,
            "False",
            ListenerSetReason.ParentNotAccepted,
            `parent Gateway ${gw.namespace}/${gw.name} is not accepted`,
          ),
          c(
            ConditionType.Programmed,
            "False",
            ListenerSetReason.ParentNotAccepted,
            `parent Gateway ${gw.namespace}/${gw.name} is not accepted`,
          ),
        ]
      : valid.length === 0
        ? [
            c(
              ConditionType.Accepted,
              "False",
              ListenerSetReason.ListenersNotValid,
              `no listener is valid: ${bad}`,
            ),
            c(
              ConditionType.Programmed,
              "False",
              ListenerSetReason.ListenersNotValid,
              `no listener is valid: ${bad}`,
            ),
          ]
        : [
            bad
              ? c(
                  ConditionType.Accepted,
                  "True",
                  ListenerSetReason.ListenersNotValid,
                  `some listeners are not valid: ${bad}`,
                )
              : c(
                  ConditionType.Accepted,
                  "True",
                  ListenerSetReason.Accepted,
                  "ListenerSet is accepted",
                ),
            listenerSetProgrammed(c, gw, programmedCondition.status === "True", mine),
          ];
    return {
      key: a.listenerSet.key,
      status: {
        conditions: lsConditions,
        listeners: mine.map((l) => computeListenerStatus(ctx, l, accepted)),
      },
    };
  });

  const model: GatewayModel = {
    key: gw.key,
    namespace: gw.namespace ?? "",
    name: gw.name,
    className: asString(gw.spec["gatewayClassName"]) ?? "",
    reconciled: true,
    listeners: built.listeners.map((l) =>
      toListenerModel(l, accepted && programmedCondition.status === "True"),
    ),
  };
  return { status, listenerSets, model };
}

/**
 * Programmed for an accepted ListenerSet, by the Gateway's own rule: programmed when at least one
 * of its listeners is ready, and never while its parent Gateway is not programmed (its listeners
 * then serve nothing either).
 */
function listenerSetProgrammed(
  c: ReturnType<typeof conditionsFor>,
  gw: Manifest,
  parentProgrammed: boolean,
  mine: readonly ListenerState[],
): Condition {
  if (!parentProgrammed)
    return c(
      ConditionType.Programmed,
      "False",
      ListenerSetReason.ParentNotProgrammed,
      `parent Gateway ${gw.namespace ?? ""}/${gw.name} is not programmed`,
    );
  if (!mine.some(isListenerReady))
    return c(
      ConditionType.Programmed,
      "False",
      ListenerSetReason.Invalid,
      `no listener can be programmed: ${phraseList(
        mine.map((l) => l.name),
        ", ",
      )}`,
    );
  return c(
    ConditionType.Programmed,
    "True",
    ListenerSetReason.Programmed,
    "ListenerSet is programmed",
  );
}

function listenerSetAccepted(
  built: GatewayListeners,
  ls: GatewayListeners["listenerSets"][number]["listenerSet"],
): boolean {
  return built.listeners.some((l) => l.owner === ls && isListenerAccepted(l));
}

function toListenerModel(l: ListenerState, gatewayServes: boolean): ListenerModel {
  const model: ListenerModel = {
    gateway: l.gateway.key,
    owner: l.owner.key,
    name: l.name,
    port: l.port,
    protocol: l.protocol,
    ready: gatewayServes && isListenerReady(l),
    supportedKinds: [...l.supportedKinds],
  };
  if (l.hostname !== undefined) model.hostname = l.hostname;
  if (l.tlsMode !== undefined) model.tlsMode = l.tlsMode;
  if (l.assumed !== undefined) model.assumed = [...l.assumed];
  if (!model.ready) {
    const notReady = listenerNotReadyReason(l, gatewayServes);
    if (notReady !== undefined) model.notReady = notReady;
  }
  return model;
}
