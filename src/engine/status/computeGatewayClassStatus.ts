/**
 * GatewayClass `Accepted` (spec §1.1). gwsim acts as the controller of every class in the input.
 * A class whose parametersRef names an object missing from the input is `Accepted=False/
 * InvalidParameters`, and its Gateways are then not reconciled; so is one that names a namespaced
 * core kind without a namespace (the field requires it for a namespaced kind), in every world.
 */
import { ConditionType, GatewayClassReason } from "../api/conditions";
import { lookupObject } from "../resolve/world";
import { findUnscopedObject } from "../resolve/findUnscopedObject";
import { asRecord, asString } from "../resolve/read";
import { needEngineModule } from "../modules/engineModules";
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
    if (namespace === undefined && ref["group"] === "" && NAMESPACED_CORE_KINDS.has(kind))
      return needEngineModule("diagnosticWords").unscopedCoreParameters(
        ctx,
        cls,
        condition,
        controllerName,
        kind,
        name,
      );
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
      return invalidParameters(
        condition,
        controllerName,
        `parametersRef ${kind} ${where} not found`,
      );
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

/** Core kinds gwsim reads, all namespaced: a parametersRef to one must say in which namespace. */
const NAMESPACED_CORE_KINDS: ReadonlySet<string> = new Set(["ConfigMap", "Secret", "Service"]);

/** A class whose parameters name no usable object: Accepted=False/InvalidParameters. */
export function invalidParameters(
  condition: ReturnType<typeof conditionsFor>,
  controllerName: string,
  message: string,
): GatewayClassOutcome {
  const accepted = condition(
    ConditionType.Accepted,
    "False",
    GatewayClassReason.InvalidParameters,
    message,
  );
  return { accepted: false, controllerName, status: { conditions: [accepted] } };
}
