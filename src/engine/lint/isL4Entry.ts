import type { RouteTableEntry } from "../routing/types";

/** TLS, TCP and UDP routes: their entries have no matches, a whole rule is the unit. */
export function isL4Entry(e: RouteTableEntry): boolean {
  return e.routeKind === "TLSRoute" || e.routeKind === "TCPRoute" || e.routeKind === "UDPRoute";
}
