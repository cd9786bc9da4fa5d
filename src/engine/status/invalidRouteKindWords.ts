/**
 * The words of an allowedRoutes.kinds entry a listener's protocol cannot carry (validateListener.ts
 * decides which). An on-demand part of the diagnostic words (diagnostics/diagnosticWordsModule.ts):
 * nearly every listener lists no kinds or valid ones, and only a wrong entry asks.
 */
import { GATEWAY_GROUP } from "../api/kinds";

/** One kinds entry as written: its group (undefined when left out) and kind. */
export interface RouteKindEntry {
  group: string | undefined;
  kind: string;
}

/**
 * Where to put the squiggle and what to say: a kind the protocol carries, named in another group,
 * is a wrong group (the fix is the group); any other is a kind the protocol does not carry.
 */
export function invalidRouteKindWords(
  listener: { name: string; protocol: string },
  entry: RouteKindEntry,
  supported: readonly string[],
): { field: "group" | "kind"; message: string } {
  const carried = `listener ${listener.name} (${listener.protocol}) carries ${supported.join(", ") || "no route kind"}`;
  const consequence = "so it reports ResolvedRefs=False (InvalidRouteKinds)";
  const group = entry.group ?? GATEWAY_GROUP;
  if (group !== GATEWAY_GROUP && supported.includes(entry.kind)) {
    const written = group === "" ? 'the core group (group: "")' : `group ${group}`;
    return {
      field: "group",
      message: `allowedRoutes.kinds names ${entry.kind} of ${written}: ${carried} of group ${GATEWAY_GROUP} only, ${consequence}.`,
    };
  }
  const named =
    group === GATEWAY_GROUP ? entry.kind || "(no kind)" : `${group || '""'}/${entry.kind}`;
  return {
    field: "kind",
    message: `allowedRoutes.kinds names ${named}, which ${listener.protocol} cannot carry: ${carried}, ${consequence}.`,
  };
}
