/**
 * backendRef resolution in the order of spec §2.7 (first failure wins):
 * InvalidKind → RefNotPermitted (the grant is checked before existence, so status never leaks
 * whether an object exists in a namespace the route may not see) → BackendNotFound →
 * UnsupportedProtocol (GEP-1911 appProtocol / Service port protocol).
 */
import { resourceKey } from "../api/keys";
import { GATEWAY_GROUP } from "../api/kinds";
import { RouteReason } from "../api/conditions";
import type { RouteKind } from "../api/kinds";
import type { Manifest, ResolvedBackendRef } from "../types";
import type { ResourceIndex } from "./indexResources";
import { resolveReferencePermission } from "./isReferencePermitted";
import { asNumber, asRecord, asRecords, asString } from "./read";
import { describeAssumption, lookupObject } from "./world";
import { emptyList } from "../collections/emptyList";
import { needEngineModule } from "../modules/engineModules";
import { invalidBackendConsequence } from "./invalidBackendConsequence";
import { describeReading, readingValue, type Readings } from "../readings/readings";

export interface BackendReferrer {
  kind: RouteKind;
  namespace: string;
  /**
   * Every parentRef of the route is a core Service (a mesh route): its cross-namespace
   * backendRefs need no ReferenceGrant (GEP-1294, meshOnlyRoute.ts).
   */
  meshOnly?: boolean;
}

/** A non-default reading that decides a reference is told, in words, in its `reading`. */
export interface BackendRefReadings {
  readings?: Readings | undefined;
  /** The referring route: its parents' classes decide implementation-specific kinds. */
  route?: Manifest | undefined;
  /** The reference is a RequestMirror filter's backendRef (what a closed world does differs). */
  mirror?: boolean;
}

/** Resolves one backendRef (without its filters, which the caller resolves). */
export function resolveBackendRef(
  index: ResourceIndex,
  from: BackendReferrer,
  raw: unknown,
  position: number,
  options: BackendRefReadings = {},
): ResolvedBackendRef {
  const ref = asRecord(raw) ?? {};
  const group = asString(ref["group"]) ?? "";
  const kind = asString(ref["kind"]) ?? "Service";
  const namespace = asString(ref["namespace"]) ?? from.namespace;
  const name = asString(ref["name"]) ?? "";
  const port = asNumber(ref["port"]);
  const weight = asNumber(ref["weight"]) ?? 1;
  // The reference is built once, with every field it ends up with, where the outcome is known:
  // fields added after a literal move to a property store of their own (one more object per
  // reference, kept as long as the analysis) and give the object a new hidden class.
  let grant: AssumedGrant | undefined;
  if (group !== "" || kind !== "Service") {
    const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
    // A well-known implementation-specific kind is decided by its controller (case a/b of
    // implementationSupport.ts); anything else keeps the fact below (case c).
    const specific =
      options.route !== undefined
        ? needEngineModule("implementationSupport").resolveImplementationBackend(
            index,
            from,
            out,
            options.route,
            options.mirror === true,
          )
        : undefined;
    if (specific !== undefined) return specific;
    return fail(
      out,
      RouteReason.InvalidKind,
      `backendRef ${label(out)}: group "${group}" kind ${kind} is not a supported backend (only core Service)`,
    );
  }
  // A reference within the route's namespace needs no grant: answered without building the
  // two references and the outcome, for the many backendRefs of a large workspace. Nor does a
  // mesh route's (GEP-1294).
  if (namespace !== from.namespace && from.meshOnly !== true) {
    const permission = resolveReferencePermission(
      index,
      { group: GATEWAY_GROUP, kind: from.kind, namespace: from.namespace },
      { group: "", kind: "Service", namespace, name },
    );
    if (!permission.permitted) {
      const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
      return fail(
        out,
        RouteReason.RefNotPermitted,
        `backendRef ${label(out)}: ${permission.reason}`,
      );
    }
    // Recorded before existence is checked: a grant assumed for a Service that then proves
    // missing still told the route it may look, as a real grant would.
    if (permission.assumed !== undefined)
      grant = { reason: permission.reason, why: permission.assumed };
  }
  const found = lookupObject(index, "Service", namespace, name);
  if (found.state === "missing") {
    const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
    return fail(
      out,
      RouteReason.BackendNotFound,
      `backendRef ${label(out)}: Service ${namespace}/${name} not found${found.why !== undefined ? ` (${found.why})` : ""}`,
    );
  }
  if (port === undefined) {
    const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
    return fail(
      out,
      RouteReason.BackendNotFound,
      `backendRef ${label(out)}: a backendRef to a Service must set port`,
    );
  }
  if (found.state === "assumed") {
    // An assumed Service has the referenced port, speaks what the route kind needs and has a ready
    // endpoint: the world holds no evidence against any of it.
    const assumed = describeAssumption(
      `Service ${namespace}/${name}:${port}`,
      "assumed to exist",
      invalidBackendConsequence(from.kind, options.mirror === true).short,
    );
    const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
    out.target = resourceKey("Service", namespace, name);
    out.assumed = assumed;
    out.assumedWhy = found.why;
    return out;
  }
  const service = found.object;
  const servicePorts = asRecords(service.spec["ports"]);
  const servicePort = findPort(servicePorts, port, from.kind);
  const isExternalName = asString(service.spec["type"]) === "ExternalName";
  if (!servicePort && !isExternalName) {
    const known = servicePorts.map((p) => asNumber(p["port"])).filter((p) => p !== undefined);
    const lacks = `Service ${namespace}/${name} has no port ${port} (ports: ${known.join(", ") || "none"})`;
    const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
    if (readingValue(options.readings, "backendPortNotInService") === "unchecked") {
      // Controllers that do not check the port program the route; the connection fails later.
      const reading = `backendRef ${label(out)}: ${lacks}, but it counts as resolved (${describeReading("backendPortNotInService", "unchecked")}; gwsim's default: ResolvedRefs=False, BackendNotFound)`;
      out.target = service.key;
      out.reading = reading;
      return out;
    }
    return fail(out, RouteReason.BackendNotFound, `backendRef ${label(out)}: ${lacks}`);
  }
  if (servicePort) {
    const problem = checkProtocol(
      from.kind,
      asString(servicePort["protocol"]) ?? "TCP",
      asString(servicePort["appProtocol"]),
    );
    if (problem) {
      const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
      return fail(out, RouteReason.UnsupportedProtocol, `backendRef ${label(out)}: ${problem}`);
    }
  }
  if (grant !== undefined) {
    const out = draftRef(position, group, kind, namespace, name, weight, port, grant);
    out.target = service.key;
    return out;
  }
  // The shared reference spells the Service's own namespace and name. They equal the written ones
  // whenever the lookup found the Service: an object with "/" in its namespace or name is refused
  // at load (object.slash-in-identity), so no two spellings share a key. The literal below is a
  // guard that keeps the written spelling should the lookup ever find a Service by another one.
  if (service.namespace === namespace && service.name === name)
    return sharedValidRef(service, position, port, weight);
  return {
    index: position,
    group,
    kind,
    namespace,
    name,
    weight,
    valid: true,
    filters: emptyList(),
    port,
    target: service.key,
  };
}

/**
 * The common outcome, one frozen object per Service, port, weight and position: every field of a
 * valid reference to a Service that needs no grant follows from those four, and thousands of
 * rules name the same few Services alike. A workspace of 10,000 routes otherwise holds 60,000
 * equal references, each copied by every garbage collection it survives. Keyed by the Service's
 * object, so an edit that replaces the Service gets new references; callers that add to one
 * (filters, a reading) copy it first.
 */
const validRefs = new WeakMap<Manifest, Map<number, Map<number, ResolvedBackendRef[]>>>();

function sharedValidRef(
  service: Manifest,
  position: number,
  port: number,
  weight: number,
): ResolvedBackendRef {
  let byPort = validRefs.get(service);
  if (byPort === undefined) validRefs.set(service, (byPort = new Map()));
  let byWeight = byPort.get(port);
  if (byWeight === undefined) byPort.set(port, (byWeight = new Map()));
  let byPosition = byWeight.get(weight);
  if (byPosition === undefined) byWeight.set(weight, (byPosition = []));
  let ref = byPosition[position];
  if (ref === undefined) {
    // One literal, in the key order the other paths give.
    ref = Object.freeze<ResolvedBackendRef>({
      index: position,
      group: "",
      kind: "Service",
      namespace: service.namespace ?? "",
      name: service.name,
      weight,
      valid: true,
      filters: emptyList(),
      port,
      target: service.key,
    });
    byPosition[position] = ref;
  }
  return ref;
}

/** A node of sharedRefList's trie: the lists that continue with one more shared reference. */
interface RefListNode {
  list?: ResolvedBackendRef[];
  next?: Map<ResolvedBackendRef, RefListNode>;
}

const refLists = new WeakMap<ResolvedBackendRef, RefListNode>();

/**
 * `refs` or an equal list shared with every rule that holds the same shared references in the
 * same order (most rules of a large workspace forward to one or two Services alike). A list with
 * a reference of its own (a failure, filters) stays as it is. Not frozen, unlike its references:
 * the array builtins take slower paths over frozen arrays, which added about 10 MB of allocation
 * to an analysis of 10,000 routes; nothing writes to a rule's list after resolveRoute builds it.
 */
export function sharedRefList(refs: ResolvedBackendRef[]): ResolvedBackendRef[] {
  const first = refs[0];
  if (first === undefined || !Object.isFrozen(first)) return refs;
  let node = refLists.get(first);
  if (node === undefined) refLists.set(first, (node = {}));
  for (let i = 1; i < refs.length; i++) {
    const ref = refs[i] as ResolvedBackendRef;
    if (!Object.isFrozen(ref)) return refs;
    node.next ??= new Map();
    let next: RefListNode | undefined = node.next.get(ref);
    if (next === undefined) node.next.set(ref, (next = {}));
    node = next;
  }
  return (node.list ??= refs);
}

/** `ref` itself when it may be written to, else a copy of it (a shared valid reference). */
export function writableRef(ref: ResolvedBackendRef): ResolvedBackendRef {
  return Object.isFrozen(ref) ? { ...ref } : ref;
}

/** A ReferenceGrant the world assumes for a cross-namespace reference: the sentence and why. */
interface AssumedGrant {
  reason: string;
  why: string;
}

/**
 * The reference before its outcome, for the paths that add to it: the fields in the order every
 * path gives them (port and an assumed grant after the common ones, as they were once added).
 */
function draftRef(
  position: number,
  group: string,
  kind: string,
  namespace: string,
  name: string,
  weight: number,
  port: number | undefined,
  grant: AssumedGrant | undefined,
): ResolvedBackendRef {
  const out: ResolvedBackendRef = {
    index: position,
    group,
    kind,
    namespace,
    name,
    weight,
    valid: true,
    filters: emptyList(),
  };
  if (port !== undefined) out.port = port;
  if (grant !== undefined) {
    out.assumedGrant = grant.reason;
    out.assumedGrantWhy = grant.why;
  }
  return out;
}

// label, fail and findPort are functions of their own rather than closures over the reference:
// two closures and their context per call were a third of what resolving a backendRef allocated.

/** How a message names the reference: spelt out only for a failure or a reading. */
function label(ref: ResolvedBackendRef): string {
  return `${ref.kind} ${ref.namespace}/${ref.name}${ref.port !== undefined ? `:${ref.port}` : ""}`;
}

/**
 * The outcome is written into the reference rather than spread into a copy: a spread that adds
 * keys gives every copy a hidden class of its own (about 250 bytes each, kept as long as the
 * analysis), and every reader of backendRefs then goes megamorphic.
 */
function fail(ref: ResolvedBackendRef, reason: RouteReason, message: string): ResolvedBackendRef {
  ref.valid = false;
  ref.reason = reason;
  ref.message = message;
  return ref;
}

/**
 * The Service port the ref names. One number may be listed twice, once per protocol (a DNS
 * Service: 53/UDP and 53/TCP); the entry the route kind can speak to wins (UDP for a UDPRoute,
 * TCP for the rest), else the first, whose protocol checkProtocol then refuses.
 */
function findPort(
  ports: readonly Record<string, unknown>[],
  port: number,
  routeKind: RouteKind,
): Record<string, unknown> | undefined {
  let first: Record<string, unknown> | undefined;
  for (let i = 0; i < ports.length; i++) {
    const candidate = ports[i] as Record<string, unknown>;
    if (asNumber(candidate["port"]) !== port) continue;
    const udp = (asString(candidate["protocol"]) ?? "TCP") === "UDP";
    if (udp === (routeKind === "UDPRoute")) return candidate;
    first ??= candidate;
  }
  return first;
}

/**
 * GEP-1911: a route that cannot speak the backend's protocol makes the ref invalid.
 * gwsim's rules: UDPRoute needs a UDP port and every other route kind a TCP port; GRPCRoute needs
 * HTTP/2, so WebSocket appProtocols (HTTP/1.1 upgrade) are unusable for it.
 */
function checkProtocol(
  routeKind: RouteKind,
  protocol: string,
  appProtocol: string | undefined,
): string | undefined {
  if (routeKind === "UDPRoute" && protocol !== "UDP")
    return `UDPRoute cannot send to a ${protocol} Service port`;
  if (routeKind !== "UDPRoute" && protocol === "UDP")
    return `${routeKind} cannot send to a UDP Service port`;
  if (
    routeKind === "GRPCRoute" &&
    (appProtocol === "kubernetes.io/ws" || appProtocol === "kubernetes.io/wss")
  ) {
    return `GRPCRoute needs HTTP/2 but the Service port has appProtocol ${appProtocol}`;
  }
  return undefined;
}
