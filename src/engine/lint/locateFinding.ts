/**
 * Places a lint diagnostic on the object (and field) it is about, through the loader's locator,
 * so lint findings underline the same spans as validation and status diagnostics.
 */
import { parseResourceKey } from "../api/keys";
import type { DiagnosticCode } from "../diagnostics/catalog";
import { diagnostic, type DiagnosticDetails } from "../diagnostics/diagnostic";
import type { Diagnostic, FieldPath, Manifest, ResourceKey } from "../types";
import type { LintInput } from "./lintTypes";

export type ManifestLookup = (key: ResourceKey) => Manifest | undefined;

/**
 * Built on the first lookup: most rules find nothing in most workspaces, and indexing every
 * manifest up front cost each of the five rules that use it a pass over the whole input.
 */
export function createManifestLookup(manifests: readonly Manifest[]): ManifestLookup {
  let byKey: Map<ResourceKey, Manifest> | undefined;
  return (key) => {
    if (byKey === undefined) {
      byKey = new Map();
      // A later duplicate replaces an earlier one, as it always did.
      for (const m of manifests) byKey.set(m.key, m);
    }
    return byKey.get(key);
  };
}

/** A diagnostic at `path` inside the object `key`; undefined when the object is not in the input. */
export function locateFinding(
  input: Pick<LintInput, "locator">,
  lookup: ManifestLookup,
  code: DiagnosticCode,
  key: ResourceKey,
  path: FieldPath,
  message: string,
  details: Omit<DiagnosticDetails, "object" | "path"> = {},
): Diagnostic | undefined {
  const manifest = lookup(key);
  if (manifest === undefined) return undefined;
  const at = input.locator.locate(manifest, path);
  return diagnostic(code, at, message, {
    ...details,
    object: parseResourceKey(key),
    docIndex: manifest.source.docIndex,
    path,
  });
}

/** "HTTPRoute app/shop": how messages name an object. */
export function nameOf(key: ResourceKey): string {
  const ref = parseResourceKey(key);
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;
}
