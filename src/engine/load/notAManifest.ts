/**
 * A mapping with none of apiVersion, kind and metadata is not a Kubernetes object missing a
 * field: it is other YAML that sits next to manifests in a repository (Helm values, CI or tool
 * configuration). Saying "add apiVersion and kind" would be the wrong advice for it.
 */

/** How many top-level keys the message quotes to identify the document. */
const KEYS_QUOTED = 3;
/** Longest key quoted, in characters. */
const KEY_CHARS = 30;

export interface NotAManifest {
  message: string;
  hint: string;
}

export function describeNotAManifest(
  body: Record<string, unknown>,
  file: string,
): NotAManifest | undefined {
  if (Object.hasOwn(body, "apiVersion") || Object.hasOwn(body, "kind")) return undefined;
  if (Object.hasOwn(body, "metadata")) return undefined;
  const keys = Object.keys(body);
  if (keys.length === 0) return undefined;
  const quoted = keys.slice(0, KEYS_QUOTED).map(quoteKey);
  const more = keys.length > KEYS_QUOTED ? ", …" : "";
  const identity = `top-level keys ${quoted.join(", ")}${more}`;
  if (isHelmValuesFileName(file))
    return {
      message: `This document has no apiVersion, kind or metadata (${identity}): it looks like Helm chart values, not a Kubernetes object; it was not loaded.`,
      hint: "Values are an input of `helm template`, not manifests: check the rendered chart (`helm template RELEASE CHART -f values.yaml | gwsim check -`), or leave this file out of the paths you check.",
    };
  return {
    message: `This document has no apiVersion, kind or metadata (${identity}): it is not a Kubernetes object but other YAML (configuration, Helm values?); it was not loaded.`,
    hint: "Check only Kubernetes manifests: leave other YAML out of the paths you check, or render it first (`helm template … | gwsim check -`, `kustomize build … | gwsim check -`).",
  };
}

function quoteKey(key: string): string {
  const chars = Array.from(key);
  return chars.length <= KEY_CHARS
    ? JSON.stringify(key)
    : `${JSON.stringify(chars.slice(0, KEY_CHARS).join(""))}…`;
}

/** values.yaml, values-prod.yml, values.staging.yaml, in any folder. */
function isHelmValuesFileName(file: string | undefined): boolean {
  // A library caller may pass a source without a name: nothing to tell from it then.
  if (typeof file !== "string") return false;
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  return /^values([.-][^/\\]*)?\.ya?ml$/i.test(base);
}
