/**
 * The world model: how much of the cluster the input is. Real workspaces are slices of a cluster
 * (one file of a GitOps repo): the GatewayClass was installed by the platform team, cert-manager
 * makes the Secrets, another repo holds the Services. Every reference lookup that may name an
 * object living elsewhere goes through lookupObject(), which answers found, assumed or missing:
 *
 * - `closed`: the input is the whole cluster; whatever it lacks is missing.
 * - `open`: whatever the input lacks is assumed to exist and be valid.
 * - `auto` (default): the input is authoritative for each (kind, namespace) it holds at least one
 *   object of, and open for the rest. Cluster-scoped kinds count as one namespace, so a workspace
 *   with no GatewayClass assumes the classes its Gateways name, one with some classes does not.
 *
 * A cross-namespace reference that no ReferenceGrant of the input permits is assumed permitted
 * when the world would assume the grant: `open`, or `auto` when the input holds nothing at all from
 * the target namespace (no object in it, no Namespace object of that name). A namespace the input
 * holds anything of is authoritative for its grants: a missing one is the forgotten-grant mistake.
 *
 * A cert-manager `Certificate` in the input that names a Secret (spec.secretName) makes that
 * Secret known in `auto` and `open`, whatever else the namespace holds: cert-manager will create it.
 *
 * Callers record what they assumed (status/statusContext recordAssumption), so every assumption
 * becomes one info diagnostic, a graph node and a line in the traces that rely on it.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import type { FieldPath, Manifest } from "../types";
import { asRecords, asString } from "./read";
import type { WorldMode } from "./worldMode";

// The modes' names, default and descriptions are in worldMode.ts: the page's first chunk needs the
// default (engine/present) and none of the lookups below.
export {
  DEFAULT_WORLD_MODE,
  WORLD_MODES,
  WORLD_MODE_DESCRIPTIONS,
  isWorldMode,
  type WorldMode,
} from "./worldMode";
/**
 * What the world says about one reference. `why` explains the verdict in the user's words; a
 * closed world needs no explanation for a missing object, auto says which objects made it
 * authoritative.
 */
export type WorldLookup =
  | { state: "found"; object: Manifest }
  | { state: "assumed"; why: string; issuedBy?: CertificateIssuer }
  | { state: "missing"; why?: string };

/** Where a Secret assumed from cert-manager comes from, and the names its certificate covers. */
export interface CertificateIssuer {
  /** "Certificate ns/name" or "gateway-shim on Gateway ns/name". */
  source: string;
  dnsNames: string[];
}

/** An object the input references, lacks, and that gwsim assumes exists (plain data). */
export interface AssumedObject {
  key: ResourceKey;
  kind: string;
  namespace?: string;
  /** Absent when the name is unknown: an assumed ReferenceGrant is known by what it allows. */
  name?: string;
  /** For an assumed ReferenceGrant: each (from, to) it must allow, in order of first reference. */
  allows?: AssumedGrantEntry[];
  /** Why the world assumes it, e.g. "auto: the input holds no Service in namespace team-b". */
  why: string;
  /** What is taken for granted about it, e.g. ["port 8080", "one ready endpoint"]. */
  facts: string[];
  /** What a closed world would do instead, e.g. "500". */
  closedWorld: string;
  /** The first referencing field; the diagnostic points there. */
  firstReference: { object: ResourceKey; path: FieldPath };
  /** How many references rely on the assumption. */
  references: number;
}

/** One `from` and one `to` entry an assumed ReferenceGrant must hold. */
export interface AssumedGrantEntry {
  from: { group: string; kind: string; namespace: string };
  to: { group: string; kind: string };
}

/** The lookup structures a world needs, built once per index. */
export interface WorldIndex {
  mode: WorldMode;
  /** "Kind|namespace" for every (kind, namespace) the input holds an object of ("Kind|" when cluster-scoped). */
  populated: ReadonlySet<string>;
  /** Every namespace the input holds anything of: a namespaced object in it, or its Namespace. */
  namespacesPresent: ReadonlySet<string>;
  /** Secret key → what cert-manager would issue into it (Certificates of the input, gateway-shim). */
  certManagerSecrets: ReadonlyMap<string, CertificateIssuer>;
}

interface LookupSource {
  byKey: ReadonlyMap<ResourceKey, Manifest>;
  world: WorldIndex;
}

export function buildWorldIndex(manifests: readonly Manifest[], mode: WorldMode): WorldIndex {
  const populated = new Set<string>();
  const namespacesPresent = new Set<string>();
  for (const m of manifests) {
    populated.add(`${m.kind}|${m.namespace ?? ""}`);
    if (m.namespace !== undefined) namespacesPresent.add(m.namespace);
    else if (m.kind === "Namespace") namespacesPresent.add(m.name);
  }
  return {
    mode,
    populated,
    namespacesPresent,
    certManagerSecrets: collectCertManagerSecrets(manifests),
  };
}

/**
 * Whether the world assumes a ReferenceGrant in `namespace` that the input lacks, and why; undefined
 * when it does not (closed, or auto with anything of the namespace in the input).
 */
export function assumeReferenceGrant(world: WorldIndex, namespace: string): string | undefined {
  if (world.mode === "closed") return undefined;
  if (world.mode === "open") return "open world";
  if (world.namespacesPresent.has(namespace)) return undefined;
  return `auto: the input holds no object in namespace ${namespace}`;
}

/**
 * Answers already given per source, by kind, then namespace (undefined kept apart from "": the
 * answer's wording tells them apart), then name. A large workspace asks the same few questions
 * tens of thousands of times (every backendRef names one of a few Services, every route its
 * Gateway); the key string each question built, and the hashing it then needed, cost more than
 * the answer. Answers are plain data nobody changes, and a source never changes once built.
 */
const answered = new WeakMap<
  LookupSource,
  Map<string, Map<string | undefined, Map<string, WorldLookup>>>
>();

export function lookupObject(
  source: LookupSource,
  kind: string,
  namespace: string | undefined,
  name: string,
): WorldLookup {
  let byKind = answered.get(source);
  if (byKind === undefined) answered.set(source, (byKind = new Map()));
  let byNamespace = byKind.get(kind);
  if (byNamespace === undefined) byKind.set(kind, (byNamespace = new Map()));
  let byName = byNamespace.get(namespace);
  if (byName === undefined) byNamespace.set(namespace, (byName = new Map()));
  let answer = byName.get(name);
  if (answer === undefined)
    byName.set(name, (answer = answerLookup(source, kind, namespace, name)));
  return answer;
}

function answerLookup(
  source: LookupSource,
  kind: string,
  namespace: string | undefined,
  name: string,
): WorldLookup {
  const object = source.byKey.get(resourceKey(kind, namespace, name));
  if (object) return { state: "found", object };
  const { mode, populated, certManagerSecrets } = source.world;
  if (mode === "closed") return { state: "missing" };
  if (kind === "Secret") {
    const issued = certManagerSecrets.get(resourceKey("Secret", namespace, name));
    if (issued)
      return {
        state: "assumed",
        why: `cert-manager issues it (${issued.source})`,
        issuedBy: issued,
      };
  }
  if (mode === "open") return { state: "assumed", why: "open world" };
  const where = namespace === undefined ? "the input" : `namespace ${namespace}`;
  if (populated.has(`${kind}|${namespace ?? ""}`)) {
    return {
      state: "missing",
      why: `the workspace declares other ${kind} objects in ${where}, so a missing one is not assumed`,
    };
  }
  return {
    state: "assumed",
    why:
      namespace === undefined
        ? `auto: the input holds no ${kind}`
        : `auto: the input holds no ${kind} in ${where}`,
  };
}

/** "Service team-b/shop-v1:8080 is not in the workspace; assumed to exist (closed world: 500)". */
export function describeAssumption(label: string, assumption: string, closedWorld: string): string {
  return `${label} is not in the workspace; ${assumption} (closed world: ${closedWorld})`;
}

const CERT_MANAGER_GROUP = "cert-manager.io";
const SHIM_ANNOTATIONS = ["cert-manager.io/issuer", "cert-manager.io/cluster-issuer"];

/**
 * Secrets cert-manager creates: one per `Certificate` (spec.secretName, SANs spec.dnsNames), and,
 * for a Gateway annotated for the gateway-shim, one per certificateRef of a listener with a
 * hostname (SANs: the hostnames of every such listener naming that Secret).
 */
function collectCertManagerSecrets(manifests: readonly Manifest[]): Map<string, CertificateIssuer> {
  const out = new Map<string, CertificateIssuer>();
  for (const m of manifests) {
    if (m.kind === "Certificate" && m.group === CERT_MANAGER_GROUP) {
      const secretName = asString(m.spec["secretName"]);
      if (secretName === undefined) continue;
      const dnsNames = (Array.isArray(m.spec["dnsNames"]) ? m.spec["dnsNames"] : []).filter(
        (d): d is string => typeof d === "string",
      );
      out.set(resourceKey("Secret", m.namespace, secretName), {
        source: `Certificate ${m.namespace ?? ""}/${m.name}`,
        dnsNames,
      });
    }
  }
  for (const m of manifests) {
    if (m.kind !== "Gateway" || !SHIM_ANNOTATIONS.some((a) => Object.hasOwn(m.annotations, a)))
      continue;
    for (const listener of asRecords(m.spec["listeners"])) {
      const hostname = asString(listener["hostname"]);
      const tls = listener["tls"] as Record<string, unknown> | undefined;
      if (hostname === undefined || tls === null || typeof tls !== "object") continue;
      for (const ref of asRecords(tls["certificateRefs"])) {
        const name = asString(ref["name"]);
        if (name === undefined || (asString(ref["namespace"]) ?? m.namespace) !== m.namespace)
          continue;
        const key = resourceKey("Secret", m.namespace, name);
        if (out.has(key) && !out.get(key)?.source.startsWith("gateway-shim")) continue;
        const entry = out.get(key) ?? {
          source: `gateway-shim on Gateway ${m.namespace ?? ""}/${m.name}`,
          dnsNames: [],
        };
        if (!entry.dnsNames.includes(hostname)) entry.dnsNames.push(hostname);
        out.set(key, entry);
      }
    }
  }
  return out;
}
