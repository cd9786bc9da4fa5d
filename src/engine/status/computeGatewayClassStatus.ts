/**
 * GatewayClass `Accepted` (spec §1.1). gwsim acts as the controller of every class in the input.
 * A class whose parametersRef names an object missing from the input is `Accepted=False/
 * InvalidParameters`, and its Gateways are then not reconciled.
 */
import { ConditionType, GatewayClassReason } from "../api/conditions";
import { lookupObject } from "../resolve/world";
import { findUnscopedObject } from "../resolve/findUnscopedObject";
import { asRecord, asString } from "../resolve/read";
import type { ConditionsStatus, Manifest } from "../types";
import {
  conditionsFor,
  recordAssumption,
  reportDiagnostic,
  type StatusContext,
} from "./statusContext";

export interface GatewayClassOutcome {
  status: ConditionsStatus;
  accepted: boolean;
  controllerName: string;
}

export function computeGatewayClassStatus(ctx: StatusContext, cls: Manifest): GatewayClassOutcome {
  const condition = conditionsFor(ctx, cls);
  const controllerName = asString(cls.spec["controllerName"]) ?? "";
  const ref = asRecord(cls.spec["parametersRef"]);
  if (ref) {
    const kind = asString(ref["kind"]) ?? "";
    const name = asString(ref["name"]) ?? "";
    const namespace = asString(ref["namespace"]);
    const unscoped =
      namespace === undefined ? findUnscopedObject(ctx.index, kind, name) : undefined;
    const target =
      unscoped !== undefined
        ? { state: "found" as const, object: unscoped }
        : lookupObject(ctx.index, kind, namespace, name);
    if (target.state === "assumed") {
      recordAssumption(
        ctx,
        {
          code: "assume.parameters",
          kind,
          ...(namespace !== undefined ? { namespace } : {}),
          name,
          why: target.why,
          facts: ["valid parameters"],
          closedWorld:
            "the GatewayClass is not Accepted (InvalidParameters) and its Gateways serve nothing",
        },
        cls,
        ["spec", "parametersRef"],
      );
    } else if (target.state === "missing") {
      const where = namespace ? `${namespace}/${name}` : name;
      reportDiagnostic(
        ctx,
        "ref.not-found",
        cls,
        ["spec", "parametersRef"],
        `parametersRef ${kind} ${where} is not in the input.`,
      );
      return {
        accepted: false,
        controllerName,
        status: {
          conditions: [
            condition(
              ConditionType.Accepted,
              "False",
              GatewayClassReason.InvalidParameters,
              `parametersRef ${kind} ${where} not found`,
            ),
          ],
        },
      };
    }
  }
  return {
    accepted: true,
    controllerName,
    status: {
      conditions: [
        condition(ConditionType.Accepted, "True", GatewayClassReason.Accepted, "Accepted by gwsim"),
      ],
    },
  };
}
