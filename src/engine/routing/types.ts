// Owned by the routing work: a plain, printable description of the compiled routes per listener.
export interface RouteTable {
  listeners: unknown[];
}
