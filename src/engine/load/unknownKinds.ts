/**
 * What gwsim says about objects of kinds it does not model. Such objects are kept and round-trip
 * untouched; the question is only how loud to be about them:
 * - a kind in the Gateway API's own groups that the API does not define is almost surely a typo
 *   (`HTTPRoutes`, `Gatway`), and the API server would refuse it: a warning on each, with the
 *   nearest kind;
 * - Kubernetes' built-in groups (`v1`, `apps/v1`, `networking.k8s.io/v1`, …: a group without a
 *   dot, or one ending in `.k8s.io`) hold the Deployments and ConfigMaps every GitOps folder is
 *   full of, and objects that carry `targetRef(s)` are policies gwsim attaches: both stay quiet;
 * - any other kind (a CRD gwsim does not know) gets one info per kind, at its first object, saying
 *   it is kept but not interpreted (only its existence counts, for a reference or policy naming
 *   it), so a folder of fifty such objects gives one line, not fifty.
 */
import { GATEWAY_GROUP, ModelledKind } from "../api/kinds";
import { diagnostic } from "../diagnostics/diagnostic";
import type { Diagnostic, Manifest } from "../types";
import { suggestValue } from "../validate/suggestValue";
import type { SourceLocator } from "./sourceLocator";
import {
  implementationKindsSummary,
  isImplementationGroup,
  type KindSeen,
} from "./implementationKinds";

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

const GATEWAY_KINDS_BY_GROUP: Readonly<Record<string, readonly string[]>> = {
  [GATEWAY_GROUP]: [
    "GatewayClass",
    "Gateway",
    "ListenerSet",
    "HTTPRoute",
    "GRPCRoute",
    "TLSRoute",
    "TCPRoute",
    "UDPRoute",
    "ReferenceGrant",
    "BackendTLSPolicy",
    ...(OTHER_GATEWAY_KINDS[GATEWAY_GROUP] ?? []),
  ],
  [GATEWAY_EXPERIMENTAL_GROUP]: OTHER_GATEWAY_KINDS[GATEWAY_EXPERIMENTAL_GROUP] ?? [],
};

export function unknownKindDiagnostics(
  manifests: readonly Manifest[],
  locator: SourceLocator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const firstOfKind = new Map<string, KindSeen>();
  const implementationKinds = new Map<string, KindSeen>();
  for (const m of manifests) {
    if (m.modelled) continue;
    const gatewayKinds = Object.hasOwn(GATEWAY_KINDS_BY_GROUP, m.group)
      ? GATEWAY_KINDS_BY_GROUP[m.group]
      : undefined;
    if (gatewayKinds !== undefined) {
      if (!gatewayKinds.includes(m.kind)) out.push(gatewayTypo(m, gatewayKinds, locator));
      continue;
    }
    const id = `${m.group}/${m.kind}`;
    if (id === FLUX_KUSTOMIZATION) {
      const d = fluxTargetNamespace(m, manifests, locator);
      if (d !== undefined) out.push(d);
      continue;
    }
    const loudness = unknownKindLoudness(m, id);
    if (loudness === "quiet") continue;
    const kinds = loudness === "summarised" ? implementationKinds : firstOfKind;
    const seen = kinds.get(id);
    if (seen !== undefined) seen.count += 1;
    else kinds.set(id, { manifest: m, count: 1 });
  }
  const summary = implementationKindsSummary(implementationKinds, locator);
  if (summary !== undefined) out.push(summary);
  for (const { manifest: m, count } of firstOfKind.values()) {
    const more = count > 1 ? ` (${count} objects of this kind in the input)` : "";
    out.push(
      diagnostic(
        "object.unknown-kind",
        locator.locate(m, ["kind"]),
        `${m.kind} (${m.apiVersion}) is ${GATEWAY_KINDS_BY_GROUP[GATEWAY_GROUP]?.includes(m.kind) === true ? `not the Gateway API's ${m.kind} (${GATEWAY_GROUP}), and ` : ""}not a kind gwsim models: the object is kept unchanged, and counts only as the target of the references and policies that name it${more}.`,
        { object: refOf(m), docIndex: m.source.docIndex, path: ["kind"] },
      ),
    );
  }
  return out;
}

function gatewayTypo(m: Manifest, kinds: readonly string[], locator: SourceLocator): Diagnostic {
  const nearest = suggestValue(m.kind, kinds)?.value;
  const modelled = Object.hasOwn(ModelledKind, m.kind);
  const why = modelled ? `${m.kind} is not in ${m.group}` : `${m.group} defines no kind ${m.kind}`;
  const meant = nearest !== undefined ? ` Did you mean ${nearest}?` : "";
  return diagnostic(
    "object.unknown-kind",
    locator.locate(m, ["kind"]),
    `${why}: the API server refuses this object (no matches for kind "${m.kind}"), and gwsim keeps it without interpreting it.${meant}`,
    {
      hint:
        nearest !== undefined
          ? `Change kind to ${nearest}.`
          : `Use a kind the Gateway API defines: ${kinds.join(", ")}.`,
      object: refOf(m),
      docIndex: m.source.docIndex,
      path: ["kind"],
      severity: "warning",
    },
  );
}

const FLUX_KUSTOMIZATION = "kustomize.toolkit.fluxcd.io/Kustomization";

/**
 * A Flux Kustomization applies the kustomize build of `spec.path` (in its source) and, with
 * `spec.targetNamespace`, puts every namespaced object of that build in that namespace. When the
 * input holds such a Kustomization, the folder it points at is likely in the input too, written
 * without namespaces that gwsim reads as `default`: say where they land and how to check the
 * applied objects. Without targetNamespace it says nothing (the objects keep their namespaces).
 */
function fluxTargetNamespace(
  m: Manifest,
  manifests: readonly Manifest[],
  locator: SourceLocator,
): Diagnostic | undefined {
  const target = m.spec["targetNamespace"];
  if (typeof target !== "string" || target === "") return undefined;
  const path = typeof m.spec["path"] === "string" ? m.spec["path"] : "./";
  let defaulted = 0;
  for (const o of manifests) {
    const meta = o.body["metadata"];
    const written = typeof meta === "object" && meta !== null && "namespace" in meta;
    if (o.namespace === "default" && !written) defaulted += 1;
  }
  const here =
    defaulted > 0
      ? ` ${defaulted} object${defaulted === 1 ? "" : "s"} of the input ha${defaulted === 1 ? "s" : "ve"} no namespace and ${defaulted === 1 ? "is" : "are"} read here as default; if ${defaulted === 1 ? "it is" : "they are"} under ${path}, ${defaulted === 1 ? "it lands" : "they land"} in ${target}.`
      : "";
  return diagnostic(
    "object.kustomize-config",
    locator.locate(m, ["spec", "targetNamespace"]),
    `Flux Kustomization ${m.namespace ?? ""}/${m.name} applies the objects under ${path} with targetNamespace ${target}: each namespaced object there gets namespace ${target} when applied, whatever its file says.${here}`,
    {
      hint: `Check the objects as Flux applies them: \`kustomize build ${path} | gwsim check -\` after setting \`namespace: ${target}\` in its kustomization.yaml (or \`flux build kustomization ${m.name} --path ${path} | gwsim check -\`).`,
      object: refOf(m),
      docIndex: m.source.docIndex,
      path: ["spec", "targetNamespace"],
      severity: "warning",
    },
  );
}

/**
 * How loud to be about an object of another project's kind (not a Gateway API group's): quiet for
 * Kubernetes' built-in kinds, policies and the kinds gwsim reads; summarised, in one info per
 * input, for the kinds of well-known implementations (implementationKinds.ts); one info per kind
 * for any other CRD.
 */
function unknownKindLoudness(m: Manifest, id: string): "quiet" | "summarised" | "per-kind" {
  if (isBuiltInGroup(m.group) || isPolicy(m) || READ_KINDS.has(id)) return "quiet";
  return isImplementationGroup(m.group) ? "summarised" : "per-kind";
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

function refOf(m: Manifest): { kind: string; namespace?: string; name: string } {
  return m.namespace === undefined
    ? { kind: m.kind, name: m.name }
    : { kind: m.kind, namespace: m.namespace, name: m.name };
}
