/**
 * A kustomization.yaml (kustomize.config.k8s.io Kustomization or Component) sits in nearly every
 * folder of a GitOps repository. It is build configuration for `kustomize build`, not an object
 * any API server serves: checking the folder as it is reads its objects without what the
 * kustomization would do to them (a namespace, name prefixes, patches, generated ConfigMaps).
 */

/**
 * Fields with which kustomize changes, adds or removes objects: when a kustomization has one, the
 * objects checked as they are in the folder are not the objects that get applied.
 */
const TRANSFORMING_FIELDS: readonly string[] = [
  "namespace",
  "namePrefix",
  "nameSuffix",
  "patches",
  "patchesStrategicMerge",
  "patchesJson6902",
  "replacements",
  "vars",
  "components",
  "helmCharts",
  "configMapGenerator",
  "secretGenerator",
  "generators",
  "transformers",
  "labels",
  "commonLabels",
  "commonAnnotations",
  "replicas",
  "images",
];

/** How many transforming fields the message names. */
const FIELDS_NAMED = 4;

export interface KustomizeFileWords {
  message: string;
  hint: string;
  /** The kustomization rewrites objects: the slice's verdicts may not be the applied ones. */
  transforms: boolean;
}

export function describeKustomizeFile(
  kind: string,
  body: Record<string, unknown>,
): KustomizeFileWords {
  const used = TRANSFORMING_FIELDS.filter((field) => Object.hasOwn(body, field));
  const hint =
    "Check what kustomize builds instead: `kubectl kustomize DIR | gwsim check -` (or `kustomize build DIR | gwsim check -`); Flux and Argo CD apply that output, not the folder's files one by one.";
  if (used.length === 0)
    return {
      message: `This ${kind} is kustomize build configuration, not a cluster object; it was not loaded (the objects of the folder were checked as they are).`,
      hint,
      transforms: false,
    };
  const named = used.slice(0, FIELDS_NAMED).join(", ") + (used.length > FIELDS_NAMED ? ", …" : "");
  const namespace = typeof body["namespace"] === "string" ? body["namespace"] : undefined;
  // The commonest of these: every namespaced object built lands in that namespace, so a route,
  // Gateway or Service written without one is not in `default`, as gwsim reads it here.
  const lands =
    namespace === undefined
      ? ""
      : ` Its \`namespace: ${namespace}\` puts every namespaced object it builds in ${namespace}: those written without a namespace are read here as default.`;
  return {
    message: `This ${kind} is kustomize build configuration, not a cluster object; it was not loaded. It changes the objects it builds (${named}), which gwsim did not apply: the objects of the folder were checked as they are, not as kustomize renders them.${lands}`,
    hint,
    transforms: true,
  };
}
