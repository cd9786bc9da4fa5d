/**
 * The words of a parentRef whose parent, or a Gateway whose GatewayClass, is not in the input and
 * not assumed (attachRouteParent.ts, computeStatus.ts decide): what follows, and what the world
 * made of it, so the one located warning says both what a slice would assume and why this input
 * does not. An on-demand part of the diagnostic words (diagnostics/diagnosticWordsModule.ts):
 * only a missing parent or class asks.
 */

/**
 * `why` is the world's reason for not assuming the parent (auto: other objects of its kind in its
 * namespace); none in the closed world, where the input is the whole cluster by the user's choice.
 */
export function missingParentMessage(
  parent: string,
  why: string | undefined,
  meant: string | undefined,
): string {
  const world =
    why === undefined
      ? "closed world: the input is the whole cluster, so no controller attaches the route to it"
      : `auto world: ${why}; the open world, for a slice of the cluster, assumes it exists and leaves whether it accepts the route to its controller`;
  return `parentRef ${parent} is not in the input, so the route has no status for it (${world})${meant === undefined ? "" : `: ${meant}`}.`;
}

/** A GatewayClass the input declares, and the file it is written in. */
export interface DeclaredClass {
  name: string;
  file: string;
}

/**
 * In auto the classes the input declares are taken as the cluster's whole set (a class is cluster
 * scoped). When none of them is in the Gateway's own file, the input is likely two sources (the
 * designer's example and a file of the user's, or two clusters' folders): name the classes and
 * their files, so the verdict's cause is visible, and say how to check the file as a slice.
 */
export function missingClassMessage(
  className: string,
  gatewayFile: string,
  declared: readonly DeclaredClass[] | undefined,
): string {
  const consequence = `GatewayClass ${className} is not in the input, so no controller reconciles this Gateway and it has no status`;
  if (declared === undefined) return `${consequence}.`;
  const shown = declared.slice(0, 3).map((c) => `${c.name} (${c.file})`);
  const more = declared.length > shown.length ? ` and ${declared.length - shown.length} more` : "";
  const named = `${declared.length === 1 ? "GatewayClass" : "GatewayClasses"} ${shown.join(", ")}${more}`;
  const elsewhere = declared.every((c) => c.file !== gatewayFile)
    ? `; if ${gatewayFile} is a slice of another cluster, check it alone or in the open world, which assumes a class it does not see`
    : "";
  return `${consequence} (auto world: the input declares ${named}, taken as the cluster's whole set of classes${elsewhere}).`;
}

/**
 * A GatewayClass parametersRef to a namespaced core kind without namespace (computeGatewayClassStatus
 * decides): it names no object; `namesakes` are the namespaces of the input's objects of that kind
 * and name, the likely meant ones.
 */
export function unscopedParametersMessage(
  kind: string,
  name: string,
  namesakes: readonly string[],
): string {
  const meant =
    namesakes.length === 0
      ? ""
      : `; the input holds ${namesakes.map((ns) => `${kind} ${ns}/${name}`).join(", ")}: set \`namespace: ${namesakes[0] ?? ""}\` on the parametersRef`;
  return `parametersRef ${kind} ${name} has no namespace, and a ${kind} is namespaced (the field requires namespace for a namespaced kind), so it names no object and the GatewayClass is not Accepted (InvalidParameters)${meant}.`;
}
