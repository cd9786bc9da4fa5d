/**
 * The words of unknownKinds.ts's diagnostics, and the spelling search for the kind a typo meant:
 * part of the on-demand diagnostic words (diagnostics/diagnosticWordsModule.ts), since only an
 * input holding an object of a kind gwsim does not model (and not a built-in or a policy) gets
 * one. Which objects get one is decided in unknownKinds.ts.
 */
import { GATEWAY_GROUP, ModelledKind } from "../api/kinds";
import { diagnostic } from "../diagnostics/diagnostic";
import type { Diagnostic, Manifest } from "../types";
import { suggestValue } from "../validate/suggestValue";
import { isImplementationGroup, type KindSeen } from "./implementationKinds";
import type { SourceLocator } from "./sourceLocator";
import { GATEWAY_KINDS_BY_GROUP } from "./unknownKinds";

/** A kind in a Gateway API group that the group does not define: a warning, with the nearest. */
export function gatewayKindTypo(
  m: Manifest,
  kinds: readonly string[],
  locator: SourceLocator,
): Diagnostic {
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

/**
 * The kinds the API server itself serves in the groups a GitOps folder uses (Kubernetes v1.34,
 * `kubectl api-resources`), keyed by group ("" is the core group, apiVersion `v1`). Only these
 * groups are listed: any kind of theirs is compiled into the API server, so one outside the list
 * is refused; other `*.k8s.io` groups may be CRDs (snapshot.storage.k8s.io, …) gwsim does not
 * list. The kinds gwsim models are here too, for the nearest-kind search.
 */
export const BUILT_IN_KINDS_BY_GROUP: Readonly<Record<string, readonly string[]>> = {
  "": [
    "Binding",
    "ComponentStatus",
    "ConfigMap",
    "Endpoints",
    "Event",
    "LimitRange",
    "List",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "Pod",
    "PodTemplate",
    "ReplicationController",
    "ResourceQuota",
    "Secret",
    "Service",
    "ServiceAccount",
  ],
  apps: ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"],
  batch: ["CronJob", "Job"],
  autoscaling: ["HorizontalPodAutoscaler", "Scale"],
  policy: ["Eviction", "PodDisruptionBudget"],
  "discovery.k8s.io": ["EndpointSlice"],
  "networking.k8s.io": [
    "ClusterCIDR",
    "IPAddress",
    "Ingress",
    "IngressClass",
    "NetworkPolicy",
    "ServiceCIDR",
  ],
  "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
};

/** A kind the group serves, or the list kind of one (`PodList`, as the API server returns lists). */
function servesKind(kinds: readonly string[], kind: string): boolean {
  return kinds.includes(kind) || (kind.endsWith("List") && kinds.includes(kind.slice(0, -4)));
}

/**
 * The objects of Kubernetes' groups (unknownKinds.ts isBuiltInGroup) whose kind the group is
 * listed here and does not serve: a warning each (builtInKindTypo). Deployments, Roles, the
 * other served kinds and the kinds of unlisted groups (CRDs of snapshot.storage.k8s.io, …) stay
 * quiet.
 */
export function builtInKindTypos(
  manifests: readonly Manifest[],
  locator: SourceLocator,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of manifests) {
    const kinds = Object.hasOwn(BUILT_IN_KINDS_BY_GROUP, m.group)
      ? BUILT_IN_KINDS_BY_GROUP[m.group]
      : undefined;
    if (kinds !== undefined && !servesKind(kinds, m.kind))
      out.push(builtInKindTypo(m, kinds, locator));
  }
  return out;
}

/**
 * A kind the API server's own group does not serve (`kind: Servxice` with `apiVersion: v1`): a
 * warning, with the group that serves that kind when another one does (`Deployment` under `v1`),
 * else the nearest kind of the group. The object is kept untouched, as every unknown kind is.
 */
function builtInKindTypo(
  m: Manifest,
  kinds: readonly string[],
  locator: SourceLocator,
): Diagnostic {
  const group = m.group === "" ? "the core group (apiVersion v1)" : `the group ${m.group}`;
  const home = groupServing(m.kind, m.group);
  const nearest = home === undefined ? suggestValue(m.kind, kinds)?.value : undefined;
  const why =
    home !== undefined
      ? `${m.kind} is not in ${group} (${home === "" ? "the core group" : home} serves it)`
      : `${group} has no kind ${m.kind}`;
  const meant = nearest !== undefined ? ` Did you mean ${nearest}?` : "";
  return diagnostic(
    "object.unknown-kind",
    locator.locate(m, ["kind"]),
    `${why}: the API server refuses this object (no matches for kind "${m.kind}" in version "${m.apiVersion}"), and gwsim keeps it without interpreting it.${meant}`,
    {
      hint:
        home !== undefined
          ? `Change apiVersion to ${home === "" ? "v1" : `${home}/<version>`} (\`kubectl api-resources\` lists the groups and kinds).`
          : nearest !== undefined
            ? `Change kind to ${nearest}.`
            : `Check the kind's spelling: \`kubectl api-resources --api-group=${m.group === "" ? "''" : m.group}\` lists the kinds of ${m.group === "" ? "the core group" : m.group}.`,
      object: refOf(m),
      docIndex: m.source.docIndex,
      path: ["kind"],
      severity: "warning",
    },
  );
}

/** The built-in or Gateway API group, other than `except`, that serves `kind`, if one does. */
function groupServing(kind: string, except: string): string | undefined {
  for (const table of [BUILT_IN_KINDS_BY_GROUP, GATEWAY_KINDS_BY_GROUP])
    for (const [group, kinds] of Object.entries(table))
      if (group !== except && kinds.includes(kind)) return group;
  return undefined;
}

/**
 * The objects of other projects' kinds that unknownKinds.ts found worth a word (neither Kubernetes'
 * own kinds, nor policies, nor kinds gwsim reads), in input order: the kinds of well-known
 * implementations (implementationKinds.ts) in one summary, first; then one note per other kind,
 * at its first object, in the order the kinds first appear.
 */
export function otherKindDiagnostics(
  manifests: readonly Manifest[],
  locator: SourceLocator,
): Diagnostic[] {
  const firstOfKind = new Map<string, KindSeen>();
  const implementationKinds = new Map<string, KindSeen>();
  for (const m of manifests) {
    const id = `${m.group}/${m.kind}`;
    const kinds = isImplementationGroup(m.group) ? implementationKinds : firstOfKind;
    const seen = kinds.get(id);
    if (seen !== undefined) seen.count += 1;
    else kinds.set(id, { manifest: m, count: 1 });
  }
  const out: Diagnostic[] = [];
  const summary = implementationKindsSummary(implementationKinds, locator);
  if (summary !== undefined) out.push(summary);
  for (const { manifest, count } of firstOfKind.values())
    out.push(unknownKindNote(manifest, count, locator));
  return out;
}

/** Another project's kind: one info at its first object, with the count of its objects. */
function unknownKindNote(m: Manifest, count: number, locator: SourceLocator): Diagnostic {
  const more = count > 1 ? ` (${count} objects of this kind in the input)` : "";
  return diagnostic(
    "object.unknown-kind",
    locator.locate(m, ["kind"]),
    `${m.kind} (${m.apiVersion}) is ${GATEWAY_KINDS_BY_GROUP[GATEWAY_GROUP]?.includes(m.kind) === true ? `not the Gateway API's ${m.kind} (${GATEWAY_GROUP}), and ` : ""}not a kind gwsim models: the object is kept unchanged, and counts only as the target of the references and policies that name it${more}.`,
    { object: refOf(m), docIndex: m.source.docIndex, path: ["kind"] },
  );
}

/**
 * A Flux Kustomization applies the kustomize build of `spec.path` (in its source) and, with
 * `spec.targetNamespace`, puts every namespaced object of that build in that namespace. When the
 * input holds such a Kustomization, the folder it points at is likely in the input too, written
 * without namespaces that gwsim reads as `default`: say where they land and how to check the
 * applied objects. (Without targetNamespace there is nothing to say: the objects keep their
 * namespaces; unknownKinds.ts asks only with one.)
 */
export function fluxTargetNamespace(
  m: Manifest,
  target: string,
  manifests: readonly Manifest[],
  locator: SourceLocator,
): Diagnostic {
  const path = typeof m.spec["path"] === "string" ? m.spec["path"] : "./";
  const folder = `/${path.replace(/^\.?\/+/, "").replace(/\/+$/, "")}/`.replace(/^\/\.?\/$/, "/");
  let defaulted = 0;
  let under = 0;
  for (const o of manifests) {
    const meta = o.body["metadata"];
    const written = typeof meta === "object" && meta !== null && "namespace" in meta;
    if (o.namespace !== "default" || written) continue;
    defaulted += 1;
    if (`/${o.source.file.replace(/\\/g, "/")}`.includes(folder)) under += 1;
  }
  // Counted by file where the input's file names show the folder (a repository checked out);
  // otherwise (one file, stdin, a folder named otherwise) every namespaceless object may be there.
  const one = (n: number) => n === 1;
  const here =
    under > 0
      ? ` ${under} object${one(under) ? "" : "s"} under ${path} ha${one(under) ? "s" : "ve"} no namespace and ${one(under) ? "is" : "are"} read here as default; applied, ${one(under) ? "it lands" : "they land"} in ${target}.`
      : defaulted > 0
        ? ` ${defaulted} object${one(defaulted) ? "" : "s"} of the input ha${one(defaulted) ? "s" : "ve"} no namespace and ${one(defaulted) ? "is" : "are"} read here as default; if ${one(defaulted) ? "it is" : "they are"} under ${path}, ${one(defaulted) ? "it lands" : "they land"} in ${target}.`
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
 * Kinds of well-known implementations (implementationKinds.ts): one info per input naming each kind
 * with its count, at the first such object. Only asked with at least one such kind.
 */
function implementationKindsSummary(
  kinds: ReadonlyMap<string, KindSeen>,
  locator: SourceLocator,
): Diagnostic | undefined {
  const all = [...kinds.values()];
  const first = all[0]?.manifest;
  if (first === undefined) return undefined;
  const byGroup = new Map<string, string[]>();
  let objects = 0;
  // Listed by group, then kind, whatever order the documents are in: the summary reads the same
  // for the same objects (it still sits at the first of them, in document order).
  const listed = all.slice().sort(byGroupThenKind);
  for (const { manifest: m, count } of listed) {
    objects += count;
    const clash =
      GATEWAY_KINDS_BY_GROUP[GATEWAY_GROUP]?.includes(m.kind) === true
        ? `, not the Gateway API's ${m.kind}`
        : "";
    const entry = `${m.kind} (${count}${clash})`;
    const list = byGroup.get(m.group);
    if (list === undefined) byGroup.set(m.group, [entry]);
    else list.push(entry);
  }
  const groups = [...byGroup].map(([group, entries]) => `${group}: ${entries.join(", ")}`);
  const what = `${objects} object${objects === 1 ? "" : "s"} of ${all.length === 1 ? "a kind" : `${all.length} kinds`} that Gateway API implementations define for their own configuration and policies`;
  return diagnostic(
    "object.unknown-kind",
    locator.locate(first, ["kind"]),
    `${what} ${objects === 1 ? "is" : "are"} kept unchanged: gwsim does not model ${all.length === 1 ? "this kind" : "these kinds"}, and ${objects === 1 ? "the object counts" : "they count"} only as the target of the references and policies that name ${objects === 1 ? "it" : "them"}. ${groups.join("; ")}.`,
    {
      hint: `Nothing to fix: gwsim simulates the Gateway API (${GATEWAY_GROUP}) and the objects it references; what these kinds change is up to their controller.`,
      object: refOf(first),
      docIndex: first.source.docIndex,
      path: ["kind"],
    },
  );
}

/** Code-unit order, as the sort of a list of strings: no locale decides it. */
function byGroupThenKind(a: KindSeen, b: KindSeen): number {
  const x = a.manifest;
  const y = b.manifest;
  if (x.group !== y.group) return x.group < y.group ? -1 : 1;
  return x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0;
}

function refOf(m: Manifest): { kind: string; namespace?: string; name: string } {
  return m.namespace === undefined
    ? { kind: m.kind, name: m.name }
    : { kind: m.kind, namespace: m.namespace, name: m.name };
}
