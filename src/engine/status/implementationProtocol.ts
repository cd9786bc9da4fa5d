/**
 * A listener protocol outside HTTP, HTTPS, TLS, TCP and UDP that some implementation supports
 * (resolve/implementationSupport.ts; Istio's HBONE for waypoints and east-west gateways). Decided
 * by the Gateway's controller: supported under a known controller that lists it; a fact
 * (UnsupportedProtocol) under a known controller that does not; assumed supported under an
 * unknown one in `auto` and `open`, recorded like every other assumption; the old verdict in
 * `closed`.
 *
 * A supported listener is Accepted and programmed, and serves the route kinds the table gives the
 * protocol (none for HBONE: its routes reach a waypoint through Service parentRefs, which gwsim
 * models as GAMMA bindings), so no route attaches to it and none is made up.
 */
import { ListenerReason } from "../api/conditions";
import { decideSupport, describeSupporters, protocolEntry } from "../resolve/implementationSupport";
import { gatewayController } from "../resolve/routeControllers";
import type { FieldPath } from "../types";
import type { ListenerState } from "./listenerState";
import { recordAssumption, type StatusContext } from "./statusContext";

/**
 * True when the protocol is settled here (supported, assumed, or unsupported as a fact with the
 * controller named); false leaves the caller's UnsupportedProtocol.
 */
export function settleImplementationProtocol(
  ctx: StatusContext,
  state: ListenerState,
  path: FieldPath,
): boolean {
  const entry = protocolEntry(state.protocol);
  if (entry === undefined) return false;
  const verdict = decideSupport(
    entry,
    [gatewayController(ctx.index, state.gateway)],
    ctx.index.world.mode,
  );
  if (verdict.state === "unknown-closed") return false;
  if (verdict.state === "unsupported") {
    const c = verdict.controller;
    state.notAccepted = {
      reason: ListenerReason.UnsupportedProtocol,
      message: `Protocol "${state.protocol}" is not supported by ${c.implementation} (controller ${c.controllerName} of GatewayClass ${c.className}); ${describeSupporters(entry)}`,
    };
    return true;
  }
  state.supportedKinds = [...entry.routeKinds];
  state.implementationProtocol = true;
  if (verdict.state === "assumed") {
    const sentence = `${capitalize(entry.label)} is implementation-specific; assumed supported by the Gateway's controller, ${describeSupporters(entry)}`;
    recordAssumption(
      ctx,
      {
        code: "assume.listener-protocol",
        kind: state.protocol,
        why: verdict.why,
        facts: [sentence],
        closedWorld: "the listener is not accepted (UnsupportedProtocol)",
      },
      state.owner,
      [...path, "protocol"],
    );
    (state.assumed ??= []).push(
      `${entry.label} assumed supported because ${verdict.why} (closed world: UnsupportedProtocol)`,
    );
  }
  return true;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
