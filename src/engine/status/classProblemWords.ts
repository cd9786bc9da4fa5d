import { lookupObject } from "../resolve/world";
import type { StatusContext } from "./statusContext";

/**
 * Which of the two it is: a class absent from the input (a slice in the closed world, or beside
 * other classes in the auto world) needs adding, one in the input needs its own status read. An
 * on-demand part of the diagnostic words (diagnostics/diagnosticWordsModule.ts): only a route
 * naming a Gateway no controller reconciles asks.
 */
export function describeClassProblem(ctx: StatusContext, className: string | undefined): string {
  if (!className) return "it names no GatewayClass (spec.gatewayClassName is required)";
  const found = lookupObject(ctx.index, "GatewayClass", undefined, className);
  if (found.state === "found")
    return `its GatewayClass ${className} is not accepted (see the GatewayClass's status)`;
  const why = found.why ?? "closed world: the input is the whole cluster";
  return `its GatewayClass ${className} is not in the input (${why})`;
}
