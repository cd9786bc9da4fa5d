/**
 * What gwsim says about objects of kinds it does not model. Such objects are kept and round-trip
 * untouched; the question is only how loud to be about them:
 * - a kind in the Gateway API's own groups that the API does not define is almost surely a typo
 *   (`HTTPRoutes`, `Gatway`), and the API server would refuse it: a warning on each, with the
 *   nearest kind;
 * - a kind that the API server's own groups (`v1`, `apps/v1`, …: unknownKindWords.ts
 *   BUILT_IN_KINDS_BY_GROUP, loaded with the words when the input has such an object) do not
 *   serve is a typo too (`Servxice`, `Deploymnt`): the API server refuses it (no matches for
 *   kind), so a warning on each, with the nearest kind, or the group that serves it;
 * - the other objects of Kubernetes' built-in groups (a group without a dot, or one ending in
 *   `.k8s.io`: the Deployments and ConfigMaps every GitOps folder is full of, and the CRDs of the
 *   SIGs' `*.k8s.io` groups, whose kinds gwsim does not list) and objects that carry
 *   `targetRef(s)`, policies gwsim attaches, stay quiet;
 * - the kinds of well-known Gateway API implementations (implementationKinds.ts: Envoy Gateway's
 *   EnvoyProxy, Istio's VirtualService, …) get one info per input naming each kind with its count;
 * - any other kind (a CRD gwsim does not know) gets one info per kind, at its first object, saying
 *   it is kept but not interpreted (only its existence counts, for a reference or policy naming
 *   it), so a folder of fifty such objects gives one line, not fifty.
 * This module decides which objects get a diagnostic; the words, the spelling search for the
 * nearest kind and the choice between the implementations' summary and a note per kind are in
 * unknownKindWords.ts, an on-demand part of the diagnostic words
 * (diagnostics/diagnosticWordsModule.ts): only an input with such an object loads them.
 */
import { GATEWAY_GROUP, ModelledKind, SERVED_VERSIONS } from "../api/kinds";
import { needEngineModule } from "../modules/engineModules";
import type { Diagnostic, Manifest } from "../types";
import type { SourceLocator } from "./sourceLocator";
import { appendAll } from "../collections/appendAll";

/** The experimental channel's group (XListenerSet, XBackend, XBackendTrafficPolicy, XMesh). */
const GATEWAY_EXPERIMENTAL_GROUP = "gateway.networking.x-k8s.io";

/**
 * Kinds the Gateway API groups define (v1.6) beyond those gwsim models. The v1.6.1 experimental
 * channel installs XBackend, XBackendTrafficPolicy and XMesh (config/crd/experimental); XListenerSet
 * is the pre-v1.5 name of ListenerSet.
 */
const OTHER_GATEWAY_KINDS: Readonly<Record<string, readonly string[]>> = {
  [GATEWAY_GROUP]: ["BackendLBPolicy"],
  [GATEWAY_EXPERIMENTAL_GROUP]: ["XListenerSet", "XBackend", "XBackendTrafficPolicy", "XMesh"],
};

/**
 * The kinds gwsim models in the Gateway API's group (the kind table's kinds served under it, in
 * the table's order), then the ones it does not model.
 */
const MODELLED_GATEWAY_KINDS = Object.values(ModelledKind).filter((kind) =>
  SERVED_VERSIONS[kind].every((version) => version.startsWith(`${GATEWAY_GROUP}/`)),
);

export const GATEWAY_KINDS_BY_GROUP: Readonly<Record<string, readonly string[]>> = {
  [GATEWAY_GROUP]: [...MODELLED_GATEWAY_KINDS, ...(OTHER_GATEWAY_KINDS[GATEWAY_GROUP] ?? [])],
  [GATEWAY_EXPERIMENTAL_GROUP]: OTHER_GATEWAY_KINDS[GATEWAY_EXPERIMENTAL_GROUP] ?? [],
};

export function unknownKindDiagnostics(
  manifests: readonly Manifest[],
  locator: SourceLocator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const otherKinds: Manifest[] = [];
  const builtIns: Manifest[] = [];
  for (const m of manifests) {
    if (m.modelled) continue;
    const gatewayKinds = Object.hasOwn(GATEWAY_KINDS_BY_GROUP, m.group)
      ? GATEWAY_KINDS_BY_GROUP[m.group]
      : undefined;
    if (gatewayKinds !== undefined) {
      if (!gatewayKinds.includes(m.kind))
        out.push(needEngineModule("diagnosticWords").gatewayKindTypo(m, gatewayKinds, locator));
      continue;
    }
    // Kubernetes' own groups: the words know which kinds the API server serves in them (the
    // worker's first chunk does not carry the lists) and stay quiet for the rest.
    if (isBuiltInGroup(m.group)) {
      builtIns.push(m);
      continue;
    }
    const id = `${m.group}/${m.kind}`;
    if (id === FLUX_KUSTOMIZATION) {
      const target = m.spec["targetNamespace"];
      if (typeof target === "string" && target !== "")
        out.push(
          needEngineModule("diagnosticWords").fluxTargetNamespace(m, target, manifests, locator),
        );
      continue;
    }
    if (!isQuiet(m, id)) otherKinds.push(m);
  }
  // Deployments, Jobs, Roles…: the words know which kinds their groups serve.
  if (builtIns.length > 0)
    appendAll(out, needEngineModule("diagnosticWords").builtInKindTypos(builtIns, locator));
  // Each of these gets a diagnostic (the implementations' summary or a note per kind): which one
  // is decided with the words, so the implementations' domains load only when there is one.
  if (otherKinds.length > 0)
    appendAll(out, needEngineModule("diagnosticWords").otherKindDiagnostics(otherKinds, locator));
  return out;
}

const FLUX_KUSTOMIZATION = "kustomize.toolkit.fluxcd.io/Kustomization";

/**
 * Objects of another project's kind (not a Gateway API group's) that need no word: Kubernetes'
 * built-in kinds, policies and the kinds gwsim reads. Every other one gets a diagnostic, in one
 * info per input for the kinds of well-known implementations (implementationKinds.ts) or one per
 * kind for any other CRD (unknownKindWords.ts otherKindDiagnostics).
 */
function isQuiet(m: Manifest, id: string): boolean {
  return isPolicy(m) || READ_KINDS.has(id);
}

/** Kinds of other projects that gwsim reads: cert-manager's Certificate (world.ts). */
const READ_KINDS: ReadonlySet<string> = new Set(["cert-manager.io/Certificate"]);

/**
 * Kubernetes' own API groups: the core group, `apps`, `batch`, every `*.k8s.io`, and the SIGs'
 * `*.x-k8s.io` (multicluster ServiceImport; the pre-v0.4 Gateway API group has its own warning).
 */
function isBuiltInGroup(group: string): boolean {
  return !group.includes(".") || group.endsWith(".k8s.io") || group.endsWith(".x-k8s.io");
}

/** A policy (GEP-713): gwsim attaches it by its targetRefs, so it is not opaque. */
function isPolicy(m: Manifest): boolean {
  return m.spec["targetRefs"] !== undefined || m.spec["targetRef"] !== undefined;
}
