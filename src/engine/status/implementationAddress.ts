/**
 * Gateway address types outside IPAddress and Hostname: `NamedAddress` and domain-prefixed types
 * (`alb.networking.azure.io/alb-frontend`, `networking.gke.io/…`) are implementation-specific
 * (spec GatewaySpecAddress). Which ones a controller supports only its GatewayClass tells; when
 * that class is not in the input, `auto` and `open` assume the controller supports the type it
 * was written for, recorded like every other assumption, and `closed` keeps UnsupportedAddress.
 * A class that is in the input keeps the old verdict: gwsim has no table of address types per
 * controller, and the conformance case (GatewayStaticAddresses, `test/fake-invalid-type`) expects
 * UnsupportedAddress from the controller it names.
 */
import { GATEWAY_GROUP } from "../api/kinds";
import { resourceKey } from "../api/keys";
import { asString } from "../resolve/read";
import type { Manifest } from "../types";
import { recordAssumption, type StatusContext } from "./statusContext";

export function isImplementationSpecificAddressType(type: string): boolean {
  return type === "NamedAddress" || type.includes("/");
}

/**
 * True when `type` (requested at spec.addresses[index]) is taken as supported on an assumption;
 * false leaves the caller's UnsupportedAddress.
 */
export function assumeAddressTypeSupported(
  ctx: StatusContext,
  gateway: Manifest,
  type: string,
  index: number,
): boolean {
  if (!isImplementationSpecificAddressType(type) || ctx.index.world.mode === "closed") return false;
  const className = asString(gateway.spec["gatewayClassName"]) ?? "";
  const cls = ctx.index.byKey.get(resourceKey("GatewayClass", undefined, className));
  if (cls !== undefined && cls.group === GATEWAY_GROUP) return false;
  recordAssumption(
    ctx,
    {
      code: "assume.address-type",
      kind: type,
      why: `GatewayClass ${className} is not in the input, so its controller is unknown`,
      facts: [
        `Address type ${type} is implementation-specific; assumed supported by the Gateway's controller`,
      ],
      closedWorld: "the Gateway is not accepted (UnsupportedAddress)",
    },
    gateway,
    ["spec", "addresses", index, "type"],
  );
  return true;
}
