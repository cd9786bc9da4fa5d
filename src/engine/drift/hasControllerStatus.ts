import { GATEWAY_GROUP } from "../api/kinds";
import { asRecord } from "../resolve/read";
import type { Manifest } from "../types";

/**
 * Whether compareControllerStatus has anything to compare for this object: a Gateway API object
 * the engine models that carries a `status` written by a controller. Shared by the comparison
 * and by the analysis, which loads the drift module only when some object qualifies.
 *
 * A status with nothing in it (`status: {}`, `parents: []`, `parents: null`) is what a generator
 * writes when it serialises an object's zero-value status (ingress2gateway's output, a dry-run
 * render): no controller wrote it, so there is nothing to disagree with.
 */
export function hasControllerStatus(m: Manifest): boolean {
  if (m.group !== GATEWAY_GROUP || !m.modelled) return false;
  const status = asRecord(m.body["status"]);
  return status !== undefined && Object.values(status).some(holdsSomething);
}

function holdsSomething(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.values(value).some(holdsSomething);
  return true;
}
