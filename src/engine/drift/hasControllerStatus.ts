import { GATEWAY_GROUP } from "../api/kinds";
import { asRecord } from "../resolve/read";
import type { Manifest } from "../types";

/**
 * Whether compareControllerStatus has anything to compare for this object: a Gateway API object
 * the engine models that carries a `status` written by a controller. Shared by the comparison
 * and by the analysis, which loads the drift module only when some object qualifies.
 */
export function hasControllerStatus(m: Manifest): boolean {
  return m.group === GATEWAY_GROUP && m.modelled && asRecord(m.body["status"]) !== undefined;
}
