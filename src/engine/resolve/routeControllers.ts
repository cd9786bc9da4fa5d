/**
 * The controllers a route is resolved for: one per parentRef, through its Gateway (directly or
 * through a ListenerSet) and that Gateway's GatewayClass. Read from the input alone, so a full
 * analysis and the incremental pass (which re-resolves a route only when its parentRefs and every
 * Gateway and class are unchanged) agree.
 */
import { resourceKey } from "../api/keys";
import { GATEWAY_GROUP } from "../api/kinds";
import type { Manifest } from "../types";
import { identifyController, type ControllerOf } from "./knownControllers";
import type { ResourceIndex } from "./indexResources";
import { asRecord, asRecords, asString } from "./read";
import { needEngineModule } from "../modules/engineModules";

export function routeControllers(index: ResourceIndex, route: Manifest): ControllerOf[] {
  const routeNamespace = route.namespace ?? "default";
  const out: ControllerOf[] = [];
  for (const ref of asRecords(route.spec["parentRefs"])) {
    const group = asString(ref["group"]) ?? GATEWAY_GROUP;
    const kind = asString(ref["kind"]) ?? "Gateway";
    const namespace = asString(ref["namespace"]) ?? routeNamespace;
    const name = asString(ref["name"]) ?? "";
    if (group === GATEWAY_GROUP && kind === "Gateway") {
      out.push(controllerOfGateway(index, namespace, name));
    } else if (group === GATEWAY_GROUP && kind === "ListenerSet") {
      const set = gatewayApiObject(index, "ListenerSet", namespace, name);
      const parent = asRecord(set?.spec["parentRef"]);
      out.push(
        set === undefined || parent === undefined
          ? { known: false, why: `ListenerSet ${namespace}/${name} is not in the input` }
          : controllerOfGateway(
              index,
              asString(parent["namespace"]) ?? namespace,
              asString(parent["name"]) ?? "",
            ),
      );
    } else {
      out.push({
        known: false,
        why: `parent ${kind} ${namespace}/${name} is served by a mesh or an implementation gwsim cannot name`,
      });
    }
  }
  return out;
}

function controllerOfGateway(index: ResourceIndex, namespace: string, name: string): ControllerOf {
  const gateway = gatewayApiObject(index, "Gateway", namespace, name);
  if (gateway === undefined)
    return { known: false, why: `Gateway ${namespace}/${name} is not in the input` };
  return gatewayController(index, gateway);
}

/** The controller of one Gateway of the input, through its GatewayClass. */
export function gatewayController(index: ResourceIndex, gateway: Manifest): ControllerOf {
  const className = asString(gateway.spec["gatewayClassName"]) ?? "";
  const cls = gatewayApiObject(index, "GatewayClass", undefined, className);
  if (cls === undefined) {
    // A class its implementation installs by this name is assumed to be that implementation's
    // (status/computeStatus.ts assumeGatewayClass records the assumption).
    const known =
      index.world.mode === "closed"
        ? undefined
        : needEngineModule("implementationSupport").wellKnownGatewayClass(className);
    return identifyController(className, known?.controllerName);
  }
  return identifyController(className, asString(cls.spec["controllerName"]) ?? "");
}

function gatewayApiObject(
  index: ResourceIndex,
  kind: string,
  namespace: string | undefined,
  name: string,
): Manifest | undefined {
  const m = index.byKey.get(resourceKey(kind, namespace, name));
  return m !== undefined && m.group === GATEWAY_GROUP ? m : undefined;
}
