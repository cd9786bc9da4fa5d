/**
 * A GatewayClass whose parametersRef names a namespaced core kind without a namespace
 * (computeGatewayClassStatus.ts decides). An on-demand part of the diagnostic words
 * (diagnostics/diagnosticWordsModule.ts): only such a class asks.
 */
import type { Manifest } from "../types";
import { invalidParameters, type GatewayClassOutcome } from "./computeGatewayClassStatus";
import { unscopedParametersMessage } from "./missingReferenceWords";
import { reportDiagnostic, type conditionsFor, type StatusContext } from "./statusContext";

/**
 * A parametersRef to a ConfigMap (Secret, Service) without namespace names no object: the field
 * "is required when referring to a Namespace-scoped resource". The class is not Accepted
 * (InvalidParameters: the referent cannot be found), and the warning names an object of that name
 * the input holds, whose namespace is the likely fix; no world assumes one, since no namespace
 * holds an object of no namespace.
 */
export function unscopedCoreParameters(
  ctx: StatusContext,
  cls: Manifest,
  condition: ReturnType<typeof conditionsFor>,
  controllerName: string,
  kind: string,
  name: string,
): GatewayClassOutcome {
  const namesakes = (ctx.index.byKind.get(kind) ?? [])
    .filter((m) => m.group === "" && m.name === name)
    .map((m) => m.namespace ?? "");
  reportDiagnostic(
    ctx,
    "ref.not-found",
    cls,
    ["spec", "parametersRef"],
    unscopedParametersMessage(kind, name, namesakes),
  );
  return invalidParameters(
    condition,
    controllerName,
    `parametersRef ${kind} ${name} has no namespace, which a namespaced kind requires`,
  );
}
