/**
 * A backendRef to a well-known implementation-specific kind (implementationSupport.ts): an
 * InferencePool, a ServiceImport, Envoy Gateway's Backend, Istio's Hostname, …
 *
 * - Support: decided by the table for the route's controllers (decideSupport). Unsupported under
 *   a known controller is InvalidKind, as for any kind; unknown in a closed world keeps the old
 *   verdict (the caller's InvalidKind).
 * - Permission: a cross-namespace reference needs a ReferenceGrant to that group and kind, with
 *   the world's assumed grant as for Services.
 * - Existence: the world rule every lookup follows (lookupObject): found, assumed (auto: the input
 *   holds no object of that kind in the namespace) or missing (BackendNotFound). An Istio
 *   Hostname names a host, not an object, so nothing is looked up.
 * - No port is required and none is made up: the referent (an InferencePool's targetPorts, a
 *   Backend's endpoints) supplies it, and the implementation picks the endpoint.
 */
import { GATEWAY_GROUP } from "../api/kinds";
import { resourceKey } from "../api/keys";
import { RouteReason } from "../api/conditions";
import type { Manifest, ResolvedBackendRef } from "../types";
import type { ResourceIndex } from "./indexResources";
import { backendKindEntry, decideSupport, describeSupporters } from "./implementationSupport";
import { routeControllers } from "./routeControllers";
import { resolveReferencePermission } from "./isReferencePermitted";
import type { BackendReferrer } from "./resolveBackendRef";
import { lookupObject } from "./world";
import { invalidBackendConsequence } from "./invalidBackendConsequence";

/** Kinds that name something other than an object (no existence to check). */
const NOT_OBJECTS = new Set(["networking.istio.io/Hostname"]);

/**
 * Resolves `out` (group, kind, name, namespace already set) when its kind is in the table and
 * the verdict is not "unknown in a closed world"; undefined leaves the caller's InvalidKind.
 */
export function resolveImplementationBackend(
  index: ResourceIndex,
  from: BackendReferrer,
  out: ResolvedBackendRef,
  route: Manifest,
  mirror: boolean,
): ResolvedBackendRef | undefined {
  const entry = backendKindEntry(out.group, out.kind);
  if (entry === undefined) return undefined;
  const verdict = decideSupport(entry, routeControllers(index, route), index.world.mode);
  const label = `${out.kind} ${out.namespace}/${out.name}${out.port !== undefined ? `:${out.port}` : ""}`;
  if (verdict.state === "unknown-closed") return undefined;
  if (verdict.state === "unsupported") {
    const c = verdict.controller;
    return fail(
      out,
      RouteReason.InvalidKind,
      `backendRef ${label}: ${c.implementation} (controller ${c.controllerName} of GatewayClass ${c.className}) does not support ${entry.label}; ${describeSupporters(entry)}`,
    );
  }
  const implementation: NonNullable<ResolvedBackendRef["implementation"]> = {
    supporters: describeSupporters(entry),
    label: entry.label,
  };
  if (verdict.state === "assumed") implementation.supportAssumed = verdict.why;
  out.implementation = implementation;

  if (out.namespace !== from.namespace && from.meshOnly !== true) {
    const permission = resolveReferencePermission(
      index,
      { group: GATEWAY_GROUP, kind: from.kind, namespace: from.namespace },
      { group: out.group, kind: out.kind, namespace: out.namespace, name: out.name },
    );
    if (!permission.permitted)
      return fail(out, RouteReason.RefNotPermitted, `backendRef ${label}: ${permission.reason}`);
    if (permission.assumed !== undefined) {
      out.assumedGrant = permission.reason;
      out.assumedGrantWhy = permission.assumed;
    }
  }

  const lines: string[] = [];
  if (implementation.supportAssumed !== undefined)
    lines.push(
      `${entry.label} is implementation-specific; assumed supported because ${implementation.supportAssumed} (${entry.implementations} support it)`,
    );
  if (!NOT_OBJECTS.has(`${out.group}/${out.kind}`)) {
    const found = lookupObject(index, out.kind, out.namespace, out.name);
    if (found.state === "missing")
      return fail(
        out,
        RouteReason.BackendNotFound,
        `backendRef ${label}: ${out.kind} ${out.namespace}/${out.name} not found${found.why !== undefined ? ` (${found.why})` : ""}`,
      );
    out.target =
      found.state === "found" ? found.object.key : resourceKey(out.kind, out.namespace, out.name);
    if (found.state === "assumed") {
      implementation.existenceAssumed = found.why;
      lines.push(
        `${out.kind} ${out.namespace}/${out.name} is not in the workspace; assumed to exist`,
      );
    }
  }
  // The trace's `assumed:` line: what was taken for granted, and what a closed world answers.
  if (lines.length > 0) {
    const closedReason =
      implementation.supportAssumed !== undefined ? "InvalidKind" : "BackendNotFound";
    const consequence = invalidBackendConsequence(from.kind, mirror).sentence;
    out.assumed = `${lines.join("; ")} (closed world: ResolvedRefs=False (${closedReason}); ${consequence})`;
  }
  return out;
}

function fail(ref: ResolvedBackendRef, reason: RouteReason, message: string): ResolvedBackendRef {
  ref.valid = false;
  ref.reason = reason;
  ref.message = message;
  return ref;
}
