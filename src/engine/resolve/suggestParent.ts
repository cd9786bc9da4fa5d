/**
 * "Did you mean": a parentRef names a Gateway (or ListenerSet) the namespace it resolves to does
 * not hold. Two slips explain most of these: the namespace (left out, so it defaulted to the
 * route's own, or set to another one) while a parent of that name lives elsewhere in the input;
 * or the name is misspelt and a parent of a close name lives in that namespace. The first is
 * looked up by name, the second by a bounded edit distance over at most MAX_CANDIDATES names of
 * that namespace (validate/suggestValue), so the cost stays linear in the input.
 *
 * A parent found elsewhere only because its file sets no namespace (read as `default`) is the
 * GitOps case: kustomize's `namespace:` or a Flux `targetNamespace` puts it where the parentRef
 * points when applied, so the fix is on the parent (or in checking the rendered output), not on
 * the parentRef.
 */
import { editDistance, suggestValue } from "../validate/suggestValue";
import type { Manifest } from "../types";
import { listKind, type ResourceIndex } from "./indexResources";

/** At most this many names are compared by spelling, and this many namespaces listed. */
const MAX_CANDIDATES = 500;
const MAX_LISTED = 3;

/** The sentence to add to "is not in the input", or undefined when nothing is close. */
export function suggestParent(
  index: ResourceIndex,
  ref: { kind: string; namespace: string; name: string },
): string | undefined {
  const parents = listKind(index, ref.kind);
  const elsewhere: string[] = [];
  const sameNamespace: string[] = [];
  let unwritten: Manifest | undefined;
  for (const p of parents) {
    const ns = p.namespace ?? "";
    if (p.name === ref.name && ns !== ref.namespace && !elsewhere.includes(ns)) {
      elsewhere.push(ns);
      if (unwritten === undefined && !namespaceWritten(p)) unwritten = p;
    } else if (ns === ref.namespace && sameNamespace.length < MAX_CANDIDATES)
      sameNamespace.push(p.name);
  }
  if (unwritten !== undefined) {
    const at = `${ref.kind} ${unwritten.namespace ?? ""}/${ref.name}`;
    return `did you mean ${at}? Its file sets no namespace, so it is read as ${unwritten.namespace ?? ""}; if kustomize (\`namespace:\`) or Flux (\`targetNamespace\`) applies it in ${ref.namespace}, check the rendered output (\`kustomize build DIR | gwsim check -\`) or set \`namespace: ${ref.namespace}\` in its metadata`;
  }
  if (elsewhere.length > 0) {
    const listed = elsewhere.slice(0, MAX_LISTED);
    const more =
      elsewhere.length > listed.length ? ` (and ${elsewhere.length - listed.length} more)` : "";
    const names = listed.map((ns) => `${ref.kind} ${ns}/${ref.name}`).join(", ");
    return `did you mean ${names}${more}? Set \`namespace: ${listed[0] ?? ""}\` on the parentRef`;
  }
  const close = suggestValue(ref.name, sameNamespace);
  // Only a close spelling: suggestValue also offers a name that merely contains this one
  // (`same-namespace` in `same-namespace-with-http-listener`), which is another parent.
  const within = Math.max(1, Math.min(3, Math.floor(ref.name.length / 3)));
  if (
    close !== undefined &&
    close.value !== ref.name &&
    editDistance(ref.name.toLowerCase(), close.value.toLowerCase()) <= within
  )
    return `did you mean ${ref.kind} ${ref.namespace}/${close.value}? Set \`name: ${close.value}\` on the parentRef`;
  return undefined;
}

/** Whether the object's own metadata names its namespace (not defaulted by the loader). */
function namespaceWritten(m: Manifest): boolean {
  const meta = m.body["metadata"];
  return typeof meta === "object" && meta !== null && "namespace" in meta;
}
