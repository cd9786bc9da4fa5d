/**
 * ReferenceGrant evaluation (spec §1.6): a cross-namespace reference is permitted iff a grant in
 * the target's namespace lists the referrer's (group, kind, namespace) in `from` and the target's
 * (group, kind[, name]) in `to`. Group "" is the core group. Same-namespace references need no grant.
 * Without such a grant, the world may assume one the input lacks (world.ts assumeReferenceGrant):
 * the outcome is then permitted and says so in `assumed`.
 */
import { CORE_GROUP } from "../api/kinds";
import type { Manifest, ResourceKey } from "../types";
import { listKind, type ResourceIndex } from "./indexResources";
import { asRecords, asString } from "./read";
import { assumeReferenceGrant } from "./world";
import { needEngineModule } from "../modules/engineModules";

export interface ReferenceFrom {
  group: string;
  kind: string;
  namespace: string;
}

export interface ReferenceTo {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface PermissionOutcome {
  permitted: boolean;
  /** The grant that permits the reference, when one does. */
  grant?: ResourceKey;
  /**
   * Set when no grant of the input permits the reference and the world assumes one: why
   * ("auto: the input holds no object in namespace svc"). `reason` is then the trace's sentence.
   */
  assumed?: string;
  reason: string;
}

export function isReferencePermitted(
  index: ResourceIndex,
  from: ReferenceFrom,
  to: ReferenceTo,
): boolean {
  return resolveReferencePermission(index, from, to).permitted;
}

export function resolveReferencePermission(
  index: ResourceIndex,
  from: ReferenceFrom,
  to: ReferenceTo,
): PermissionOutcome {
  if (from.namespace === to.namespace)
    return { permitted: true, reason: "same namespace; no ReferenceGrant needed" };
  const grants = grantsIn(index, to.namespace);
  for (const grant of grants) {
    const fromOk = asRecords(grant.spec["from"]).some(
      (f) =>
        normGroup(asString(f["group"])) === from.group &&
        asString(f["kind"]) === from.kind &&
        asString(f["namespace"]) === from.namespace,
    );
    if (!fromOk) continue;
    const toOk = asRecords(grant.spec["to"]).some((t) => {
      const name = asString(t["name"]);
      return (
        normGroup(asString(t["group"])) === to.group &&
        asString(t["kind"]) === to.kind &&
        (name === undefined || name === "" || name === to.name)
      );
    });
    if (toOk)
      return {
        permitted: true,
        grant: grant.key,
        reason: `permitted by ReferenceGrant ${to.namespace}/${grant.name}`,
      };
  }
  const assumed = assumeReferenceGrant(index.world, to.namespace);
  if (assumed !== undefined)
    return { permitted: true, assumed, reason: describeAssumedGrant(from, to.namespace) };
  return {
    permitted: false,
    reason:
      `no ReferenceGrant in namespace ${to.namespace} allows ${from.kind} from namespace ${from.namespace} ` +
      `to reference ${to.kind} ${to.namespace}/${to.name}` +
      (grants.length > 0
        ? ""
        : needEngineModule("diagnosticWords").noGrantAssumed(index, to.namespace)) +
      `; add one there that allows it`,
  };
}

/** What a closed world answers for a reference an assumed grant permits. */
export const GRANT_CLOSED_WORLD = "RefNotPermitted";

/**
 * "no ReferenceGrant in namespace svc is in the input; assumed to allow HTTPRoute from app (closed
 * world: RefNotPermitted)": the line traces print beside the reference.
 */
export function describeAssumedGrant(from: ReferenceFrom, namespace: string): string {
  return `no ReferenceGrant in namespace ${namespace} is in the input; assumed to allow ${from.kind} from ${from.namespace} (closed world: ${GRANT_CLOSED_WORLD})`;
}

const grantsByNamespace = new WeakMap<ResourceIndex, Map<string, Manifest[]>>();

/**
 * The ReferenceGrants of one namespace, in input order. Grouped once per index: every
 * cross-namespace backendRef asks, and scanning all grants each time is quadratic.
 */
function grantsIn(index: ResourceIndex, namespace: string): readonly Manifest[] {
  let grouped = grantsByNamespace.get(index);
  if (!grouped) {
    grouped = new Map();
    for (const grant of listKind(index, "ReferenceGrant")) {
      if (grant.namespace === undefined || grant.group !== "gateway.networking.k8s.io") continue;
      const list = grouped.get(grant.namespace);
      if (list) list.push(grant);
      else grouped.set(grant.namespace, [grant]);
    }
    grantsByNamespace.set(index, grouped);
  }
  return grouped.get(namespace) ?? [];
}

/** `group` is required by the CRD; a missing one is read as the core group "". */
function normGroup(group: string | undefined): string {
  return group ?? CORE_GROUP;
}
