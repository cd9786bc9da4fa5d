/**
 * Listener × route hostname intersection (spec §2.5). A wildcard `*.example.com` covers one or
 * more labels in front of `example.com`, never `example.com` itself. An absent listener hostname
 * (or an empty route hostname list) behaves as match-all.
 */

/** True when the wildcard `*.suffix` covers `name` (itself a wildcard or not). */
export function isCoveredByWildcard(wildcard: string, name: string): boolean {
  if (!wildcard.startsWith("*.")) return false;
  const suffix = wildcard.slice(1); // ".example.com"
  const head = name.startsWith("*.") ? name.slice(2) : name;
  return head.endsWith(suffix) && head.length > suffix.length;
}

/** The hostname both sides accept, or undefined when they do not intersect. */
export function intersectHostname(listener: string | undefined, route: string): string | undefined {
  if (listener === undefined || listener === "" || listener === route) return route;
  const listenerWild = listener.startsWith("*.");
  const routeWild = route.startsWith("*.");
  if (listenerWild && isCoveredByWildcard(listener, route)) return route;
  if (routeWild && isCoveredByWildcard(route, listener)) return listener;
  return undefined;
}

/**
 * The hostnames a route serves on a listener: the intersections, de-duplicated, in route order;
 * the listener hostname (or '*') when the route lists none. Empty means no intersection.
 */
export function computeEffectiveHostnames(
  listener: string | undefined,
  routeHostnames: readonly string[],
): string[] {
  if (routeHostnames.length === 0) return [listener || "*"];
  // Most routes name one hostname: a literal is sized to its item, where push() leaves room for
  // 17, and the result is kept as long as the analysis.
  if (routeHostnames.length === 1) {
    const hit = intersectHostname(listener, routeHostnames[0] as string);
    return hit === undefined ? [] : [hit];
  }
  const out: string[] = [];
  for (const h of routeHostnames) {
    const hit = intersectHostname(listener, h);
    if (hit !== undefined && !out.includes(hit)) out.push(hit);
  }
  return out;
}

/** True when two effective hostname sets share a host (used for the HTTPRoute/GRPCRoute clash). */
export function hostnameSetsOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) =>
    b.some((y) => x === "*" || y === "*" || intersectHostname(x, y) !== undefined),
  );
}
