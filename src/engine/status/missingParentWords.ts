/**
 * The words of a parentRef whose parent is not in the input and not assumed (attachRouteParent.ts
 * decides): what follows for the route, and what the world made of it, so the one located
 * warning says both what a slice would assume and why this input does not. An on-demand part of
 * the diagnostic words (diagnostics/diagnosticWordsModule.ts): only a missing parent asks.
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
