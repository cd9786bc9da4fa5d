/**
 * The engine's data contracts. Everything here is plain data (survives structuredClone):
 * no classes, no functions, no Map. Stages produce new objects and never write into inputs.
 */
import type { WorldMode } from "./resolve/world";
import type { ParseCache } from "./load/parseCache";
import type { ConditionStatus, RouteReason } from "./api/conditions";
import type { ObjectRef, ResourceKey } from "./api/keys";
import type { RouteKind } from "./api/kinds";
import type {
  GRPCRouteMatch,
  HTTPRouteFilter,
  HTTPRouteMatch,
  HTTPRouteRetry,
  HTTPRouteTimeouts,
  ParentReference,
  SessionPersistence,
} from "./api/spec";
import type { DiagnosticCode } from "./diagnostics/catalog";
import type { Readings } from "./readings/readings";

export type { ResourceKey, ObjectRef } from "./api/keys";

// ---------------------------------------------------------------- input

export interface SourceFile {
  /** Path or display name; every diagnostic and object names it. */
  name: string;
  text: string;
}

/** 1-based line/column, as the yaml LineCounter reports them. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A field path inside one object, e.g. ['spec', 'rules', 0, 'matches', 0, 'path', 'type']. */
export type FieldPath = readonly (string | number)[];

export type Severity = "error" | "warning" | "info";

export interface Diagnostic extends SourceLocation {
  /** Stable identifier from diagnostics/catalog.ts, e.g. 'schema.enum'. Never reuse a retired code. */
  code: DiagnosticCode;
  severity: Severity;
  /** What is wrong, in the user's vocabulary. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The object the diagnostic is about, when there is one. */
  object?: ObjectRef;
  /** `object` as a ResourceKey ("HTTPRoute/app/shop"): what the graph, status and fix-its are keyed by. */
  objectKey?: ResourceKey;
  /** 0-based index of the YAML document in `file` the diagnostic is in, when it is in one. */
  docIndex?: number;
  /** Dotted field path inside the object: "spec.rules[0].matches[0].path.type". */
  path?: string;
}

export interface ManifestSource {
  file: string;
  /** 0-based index of the YAML document in the file. */
  docIndex: number;
  /** Index inside a `kind: List` document's items, when the object came from one. */
  listIndex?: number;
  line: number;
  column: number;
  endLine: number;
}

/** One Kubernetes object as parsed from the user's YAML. */
export interface Manifest {
  key: ResourceKey;
  apiVersion: string;
  group: string;
  kind: string;
  name: string;
  /** Defaulted to "default" for namespaced kinds; undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  creationTimestamp: string | undefined;
  /** metadata.generation, 1 when absent. */
  generation: number;
  /** True for the kinds gwsim interprets (api/kinds.ts); false for opaque objects kept verbatim. */
  modelled: boolean;
  /**
   * spec. From load/ as parsed; after validation (validate/loadValidated.ts, the only door later
   * stages use) the typed view: every field of its declared type or absent, with a diagnostic.
   */
  spec: Record<string, unknown>;
  /** The whole object: as parsed from load/, plain JSON data of the typed view after validation. */
  body: Record<string, unknown>;
  source: ManifestSource;
}

export interface ObjectSummary {
  key: ResourceKey;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  modelled: boolean;
  file: string;
  docIndex: number;
  line: number;
  endLine: number;
}

// ---------------------------------------------------------------- status (as a controller writes it)

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  observedGeneration: number;
  lastTransitionTime: string;
}

export interface RouteGroupKindStatus {
  group: string;
  kind: string;
}

export interface ListenerStatus {
  name: string;
  supportedKinds: RouteGroupKindStatus[];
  attachedRoutes: number;
  conditions: Condition[];
}

export interface GatewayStatus {
  addresses?: { type: string; value: string }[];
  conditions: Condition[];
  listeners: ListenerStatus[];
  /** Gateways only: accepted ListenerSets, written when the Gateway uses or is targeted by ListenerSets. */
  attachedListenerSets?: number;
}

export interface RouteParentStatus {
  parentRef: ParentReference;
  /**
   * Index of `parentRef` in the route's spec.parentRefs: ties the entry to its explain, its
   * attachments and its diagnostics. gwsim's own field: printStatus leaves it out, since a
   * controller does not write it.
   */
  parentRefIndex: number;
  controllerName: string;
  conditions: Condition[];
}

export interface RouteStatus {
  parents: RouteParentStatus[];
}

export interface PolicyAncestorStatus {
  ancestorRef: ParentReference;
  controllerName: string;
  conditions: Condition[];
}

export interface PolicyStatus {
  ancestors: PolicyAncestorStatus[];
}

export interface ConditionsStatus {
  conditions: Condition[];
}

export type ObjectStatus = GatewayStatus | RouteStatus | PolicyStatus | ConditionsStatus;

/** `status:` per object, keyed by ResourceKey; only objects a controller would write status for. */
export type StatusReport = Record<string, ObjectStatus>;

// ---------------------------------------------------------------- the reasoning behind route status

export type AttachmentCheckName =
  | "parent-exists"
  | "parent-reconciled"
  | "section-name"
  | "port"
  | "route-kind"
  | "namespace"
  | "hostname"
  | "listener-ready"
  | "rules-valid";

export interface AttachmentCheck {
  check: AttachmentCheckName;
  pass: boolean;
  /** A sentence naming the values compared, e.g. 'listener allows namespaces from Same (infra); route is in app'. */
  detail: string;
}

export interface ListenerExplain {
  gateway: ResourceKey;
  /** The ListenerSet that owns the listener, when it is not the Gateway itself. */
  owner: ResourceKey;
  listener: string;
  attached: boolean;
  checks: AttachmentCheck[];
  /** Route hostnames intersected with the listener hostname (empty when they do not intersect). */
  effectiveHostnames: string[];
}

export interface RouteParentExplain {
  route: ResourceKey;
  parentRefIndex: number;
  parentRef: ParentReference;
  /** The resolved parent, when it exists in the input. */
  parent?: ResourceKey;
  /** Set when a real cluster would write no status entry at all for this parentRef, with why. */
  noStatusReason?: string;
  /**
   * Set when the parent is not in the input and the world assumes it, or is a ListenerSet whose
   * parent Gateway the world assumes: the route's status for it is unknown (never a rejection).
   * noStatusReason says so too.
   */
  unknownParent?: true;
  accepted: boolean;
  reason: RouteReason;
  message: string;
  /** Checks that apply to the whole parentRef before any listener is looked at. */
  checks: AttachmentCheck[];
  listeners: ListenerExplain[];
}

// ---------------------------------------------------------------- resolved model (status → routing)

export type TLSMode = "Terminate" | "Passthrough";

export interface ListenerModel {
  gateway: ResourceKey;
  owner: ResourceKey;
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  tlsMode?: TLSMode;
  /** Accepted and not conflicted: the listener serves traffic (routes may attach either way). */
  ready: boolean;
  /** Why the listener serves no traffic (set only when not ready), as a trace prints it. */
  notReady?: string;
  /** Trace lines for what the listener relies on that the world assumed (its certificate Secrets). */
  assumed?: string[];
  supportedKinds: RouteKind[];
}

export interface GatewayModel {
  key: ResourceKey;
  namespace: string;
  name: string;
  className: string;
  /** The class exists and is accepted, so a controller reconciles this Gateway. */
  reconciled: boolean;
  /** Gateway listeners first, then ListenerSet listeners in precedence order. */
  listeners: ListenerModel[];
  /**
   * The client certificate this Gateway presents to TLS backends (spec.tls.backend
   * clientCertificateRef, "namespace/name"), when the reference resolves.
   */
  backendClientCertificate?: string;
  /** Trace lines for what the Gateway relies on that the world assumed (its GatewayClass). */
  assumed?: string[];
}

export interface RouteAttachment {
  route: ResourceKey;
  parentRefIndex: number;
  gateway: ResourceKey;
  listener: string;
  /**
   * The Gateway or ListenerSet that owns the listener (ListenerModel.owner). Listener names are
   * unique only per owner, so (gateway, owner, listener) identifies the listener.
   */
  owner?: ResourceKey;
  /** Effective hostnames on this listener; ['*'] when neither side restricts. */
  hostnames: string[];
  /** Trace lines for what the attachment relies on that the world assumed (namespace labels). */
  assumed?: string[];
}

export interface ResolvedBackendRef {
  index: number;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  weight: number;
  /** The Service (or other backend) this resolves to, when it exists and is permitted. */
  target?: ResourceKey;
  valid: boolean;
  /** Why the reference is invalid (ResolvedRefs reasons). */
  reason?: RouteReason;
  message?: string;
  /** Filters on the backendRef, run only when this backend is picked. */
  filters: ResolvedFilter[];
  /**
   * Set when the Service is not in the input and the world assumes it (resolve/world.ts): the
   * sentence traces print, e.g. "Service team-b/shop-v1:8080 is not in the workspace; assumed to
   * exist (closed world: 500)", and why the world assumes it.
   */
  assumed?: string;
  assumedWhy?: string;
  /**
   * Set when no ReferenceGrant of the input permits this cross-namespace reference and the world
   * assumes one (resolve/world.ts): the sentence traces print, e.g. "no ReferenceGrant in
   * namespace svc is in the input; assumed to allow HTTPRoute from app (closed world:
   * RefNotPermitted)", and why the world assumes it.
   */
  assumedGrant?: string;
  assumedGrantWhy?: string;
  /**
   * Set when a non-default reading (readings/readings.ts) decided this backendRef's resolution or
   * weight: the engine's sentence naming the reading, which traces print beside the backend.
   */
  reading?: string;
  /**
   * Set when the Gateway connects to this backend over TLS (an accepted BackendTLSPolicy): the SNI
   * it sends and the client certificate it presents (Gateway spec.tls.backend), "namespace/name".
   * The status stage sets only `sni`: the certificate depends on the Gateway the request passes
   * through (GatewayModel.backendClientCertificate), so the simulation adds it.
   */
  backendTLS?: { sni: string; clientCertificate?: string };
  /**
   * Set on a reference to a well-known implementation-specific kind (an InferencePool, a
   * ServiceImport, …; resolve/implementationSupport.ts) that resolved: who supports the kind, and
   * what the world assumed about it (support under an unknown controller, the object's existence).
   */
  implementation?: {
    label: string;
    supporters: string;
    supportAssumed?: string;
    existenceAssumed?: string;
  };
}

export interface ResolvedFilter {
  index: number;
  filter: HTTPRouteFilter;
  /** For RequestMirror: the resolved mirror backend. */
  mirrorBackend?: ResolvedBackendRef;
  /**
   * For ExtensionRef: set when the world says its object is missing (closed, or a namespace the
   * input is authoritative for), so requests reaching it get an error (spec §2.6). Otherwise the
   * object is in the input or assumed, and what the implementation does with it is unknown.
   */
  extensionRefMissing?: true;
  /** For ExtensionRef: set when its object is not in the input and the world assumes it. */
  extensionRefAssumed?: true;
}

export interface ResolvedRule {
  index: number;
  name?: string;
  /** As written; routing/ applies the defaults (no matches = PathPrefix "/"). */
  matches: HTTPRouteMatch[] | GRPCRouteMatch[];
  filters: ResolvedFilter[];
  backendRefs: ResolvedBackendRef[];
  /** False when a controller would drop the rule (e.g. a regex RE2 cannot compile). */
  valid: boolean;
  invalidReason?: RouteReason;
  invalidMessage?: string;
  timeouts?: HTTPRouteTimeouts;
  retry?: HTTPRouteRetry;
  sessionPersistence?: SessionPersistence;
}

export interface ResolvedRoute {
  key: ResourceKey;
  kind: RouteKind;
  namespace: string;
  name: string;
  creationTimestamp?: string;
  hostnames: string[];
  rules: ResolvedRule[];
}

export interface PolicyAttachment {
  policy: ResourceKey;
  policyKind: string;
  targetRefIndex: number;
  targetRef: { group: string; kind: string; name: string; namespace: string; sectionName?: string };
  /** The target, when it exists in the input. */
  target?: ResourceKey;
  /**
   * The target's key when the input lacks it and the world assumes it (status/assumePolicyTarget.ts:
   * a Gateway, route or Service the slice lacks, or an implementation-specific backend such as an
   * InferencePool): the policy applies to the
   * assumed object, whose assumption record (Analysis.assumptions) has the same key.
   */
  assumedTarget?: ResourceKey;
  /**
   * The targetRef's sectionName names no section of the target (status/computeStatus.ts reports
   * ref.section-not-found there): GEP-713 says such a policy fails to attach, so it is effective
   * nowhere, not on the whole target.
   */
  sectionMissing?: true;
  /**
   * The namespace the targetRef writes when it is not the policy's own: a direct policy's
   * targetRef is local (GEP-713), so the target is looked up in the policy's namespace instead.
   */
  namespaceIgnored?: string;
}

export interface AnalyzeOptions {
  /** Source of lastTransitionTime; tests pass a fixed instant. Defaults to the epoch. */
  clock?: () => string;
  /**
   * Reuses the parse of every document whose text did not change since the previous analyze()
   * with the same cache (createParseCache()). The result is the same with or without it.
   */
  parseCache?: ParseCache;
  /**
   * How much of the cluster the input is (resolve/world.ts): `closed` the whole cluster, `open`
   * everything it lacks is assumed, `auto` (default) authoritative per kind and namespace it holds.
   */
  world?: WorldMode;
  /**
   * Where the spec is unsettled, the reading to follow instead of gwsim's default (readings/readings.ts).
   * What a reading changes is reported as a `reading.applied` note where it acts.
   */
  readings?: Readings;
  /**
   * Raises (or lowers) the cap on the whole workspace (load/workspaceLimit.ts); the CLI's
   * --max-workspace-mib and --max-documents. Defaults: DEFAULT_LOAD_LIMITS.
   */
  workspaceLimits?: { maxWorkspaceBytes?: number; maxWorkspaceDocuments?: number };
}
