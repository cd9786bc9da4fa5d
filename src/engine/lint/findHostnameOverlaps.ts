/**
 * Listeners of different Gateways on the same port that claim intersecting hostnames. Each
 * Gateway gets its own address, and a DNS name points at one address: requests for the shared
 * names reach only one of the two, whatever routes the other attaches.
 *
 * A route attached to both Gateways on purpose (a migration, or an internal and a public address
 * for one app) makes the overlap harmless: when, for every shared name, the same routes answer it
 * on both listeners, either address gives the same answer. That is judged per request name, after
 * the listener hostname intersection (the virtual host each side picks for the name), so a route
 * that lands under a narrower host on one side only still counts as a difference. When neither
 * side has a route for a shared name the warning stays: those listeners are there to be given
 * routes, and the first one will reach one Gateway only.
 */
import type { GatewayModel, ListenerModel, ResourceKey } from "../types";
import type { LintFinding, LintInput } from "./lintTypes";
import type { RouteTableListener } from "../routing/types";
import { createManifestLookup, locateFinding, nameOf } from "./locateFinding";

// TCP and UDP listeners have no hostname: clients reach each Gateway by its address, so two of
// them on one port share nothing a DNS name could confuse.
const NAMED_PROTOCOLS = new Set(["HTTP", "HTTPS", "TLS"]);

export function findHostnameOverlaps(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const claims = listenerClaims(input);
  const answers = new RouteAnswers(input.routeTable.listeners);
  const out: LintFinding[] = [];
  // One warning per listener, naming the first Gateway before it that it overlaps: n Gateways
  // serving one name give n - 1 warnings, not n·(n - 1)/2 (500 copies of a Gateway gave 125,000).
  const reported = new Set<string>();
  const gateways = input.gateways.filter((g) => g.reconciled);
  gateways.forEach((a, i) => {
    for (const b of gateways.slice(i + 1)) {
      for (const la of a.listeners) {
        if (!servesNames(la)) continue;
        for (const lb of b.listeners) {
          if (la.port !== lb.port || !servesNames(lb)) continue;
          const key = listenerId(b.key, lb.owner, lb.name);
          if (reported.has(key)) continue;
          const ca = claimsOf(claims, a, la);
          const cb = claimsOf(claims, b, lb);
          const shared = sharedHostname(ca, cb);
          if (shared === undefined) continue;
          const difference = firstDifference(answers, shared, [a, la, ca], [b, lb, cb]);
          if (difference === undefined) continue;
          reported.add(key);
          const name = difference.name ?? shared;
          const message = `${describe(a, la)} and ${describe(b, lb)} both serve ${name === "*" ? "every hostname" : name} on port ${la.port}; a DNS name resolves to one Gateway's address, so only one of them receives those requests.${difference.detail}`;
          const index = listenerIndex(lookup(b.key)?.spec, lb.name);
          const path =
            lb.owner === b.key && index >= 0
              ? ["spec", "listeners", index, "hostname"]
              : ["metadata", "name"];
          const d = locateFinding(
            input,
            lookup,
            "lint.hostname-overlap-across-gateways",
            b.key,
            path,
            message,
          );
          if (d) out.push({ diagnostic: d });
        }
      }
    }
  });
  return out;
}

/** A listener that is not ready serves nothing, so it takes no request from the other Gateway. */
function servesNames(l: ListenerModel): boolean {
  return l.ready && NAMED_PROTOCOLS.has(l.protocol);
}

/** The names a listener claims: exact ones in a set, wildcards ("*.example.com") in another. */
interface Claims {
  exact: Set<string>;
  wildcards: Set<string>;
}

const NO_CLAIMS: Claims = { exact: new Set(), wildcards: new Set() };

function addClaim(claims: Claims, hostname: string): void {
  (hostname.startsWith("*.") ? claims.wildcards : claims.exact).add(hostname);
}

function listenerId(gateway: string, owner: string, listener: string): string {
  return `${gateway}\u0000${owner}\u0000${listener}`;
}

/**
 * The concrete hostnames each listener's routes serve, from the route table. A listener without a
 * hostname claims no name by itself: its routes do, and a route without hostnames ("*") claims
 * none either, since DNS names are pointed at it one by one.
 */
function listenerClaims(input: LintInput): Map<string, Claims> {
  const out = new Map<string, Claims>();
  for (const t of input.routeTable.listeners) {
    const claims: Claims = { exact: new Set(), wildcards: new Set() };
    for (const v of t.virtualHosts) if (v.hostname !== "*") addClaim(claims, v.hostname);
    out.set(listenerId(t.gateway, t.owner, t.listener), claims);
  }
  return out;
}

function claimsOf(claims: ReadonlyMap<string, Claims>, g: GatewayModel, l: ListenerModel): Claims {
  if (l.hostname !== undefined) {
    const own: Claims = { exact: new Set(), wildcards: new Set() };
    addClaim(own, l.hostname);
    return own;
  }
  return claims.get(listenerId(g.key, l.owner, l.name)) ?? NO_CLAIMS;
}

/**
 * A name both claim, the narrower side of the intersection, or undefined. Each name is looked up
 * by its label suffixes, so two Gateways with thousands of route hostnames cost a linear pass.
 */
function sharedHostname(a: Claims, b: Claims): string | undefined {
  const [few, many] = a.exact.size <= b.exact.size ? [a, b] : [b, a];
  for (const x of few.exact) if (many.exact.has(x)) return x;
  for (const [p, q] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const x of p.exact) if (coveredBy(x, q.wildcards)) return x;
    for (const x of p.wildcards) if (coveredBy(x, q.wildcards)) return x;
  }
  return undefined;
}

/** Whether a wildcard of `wildcards` covers `hostname` ("*.example.com" covers "a.b.example.com"). */
function coveredBy(hostname: string, wildcards: ReadonlySet<string>): boolean {
  if (wildcards.size === 0) return false;
  const base = hostname.startsWith("*.") ? hostname.slice(2) : hostname;
  if (hostname !== base && wildcards.has(hostname)) return true;
  for (let dot = base.indexOf("."); dot >= 0; dot = base.indexOf(".", dot + 1)) {
    if (wildcards.has(`*${base.slice(dot)}`)) return true;
  }
  return false;
}

/** The routes that answer a request name on a listener, from its virtual hosts in lookup order. */
class RouteAnswers {
  private readonly byListener = new Map<string, RouteTableListener>();
  private readonly hosts = new Map<RouteTableListener, Map<string, Set<ResourceKey>>>();

  constructor(listeners: readonly RouteTableListener[]) {
    for (const t of listeners) this.byListener.set(listenerId(t.gateway, t.owner, t.listener), t);
  }

  /** Every virtual host name of the listener except "*" (the names where its answer changes). */
  names(g: GatewayModel, l: ListenerModel): Iterable<string> {
    const hosts = this.hostsOf(g, l);
    return hosts === undefined ? [] : [...hosts.keys()].filter((h) => h !== "*");
  }

  /**
   * The route keys of the virtual host a request for `name` reaches (exact, then the longest
   * wildcard suffix, then "*"), rules the controller drops included: they still answer the name.
   */
  routes(g: GatewayModel, l: ListenerModel, name: string): ReadonlySet<ResourceKey> {
    const hosts = this.hostsOf(g, l);
    if (hosts === undefined) return EMPTY;
    const exact = hosts.get(name);
    if (exact !== undefined) return exact;
    const base = name.startsWith("*.") ? name.slice(2) : name;
    for (let dot = base.indexOf("."); dot >= 0; dot = base.indexOf(".", dot + 1)) {
      const wildcard = hosts.get(`*${base.slice(dot)}`);
      if (wildcard !== undefined) return wildcard;
    }
    return hosts.get("*") ?? EMPTY;
  }

  private hostsOf(g: GatewayModel, l: ListenerModel): Map<string, Set<ResourceKey>> | undefined {
    const table = this.byListener.get(listenerId(g.key, l.owner, l.name));
    if (table === undefined) return undefined;
    let hosts = this.hosts.get(table);
    if (hosts === undefined) {
      hosts = new Map();
      for (const v of table.virtualHosts) {
        const routes = new Set<ResourceKey>();
        for (const e of v.entries) routes.add(e.route);
        for (const d of v.droppedRules ?? []) routes.add(d.route);
        hosts.set(v.hostname, routes);
      }
      this.hosts.set(table, hosts);
    }
    return hosts;
  }
}

const EMPTY: ReadonlySet<ResourceKey> = new Set();

type Side = readonly [GatewayModel, ListenerModel, Claims];

/**
 * The first request name both listeners claim on which they answer with different routes (or
 * with no route at all), with a sentence naming the routes found on one side only; undefined
 * when the same routes answer every shared name. The names tried are `first` (the shared name
 * found first), then the claims and virtual hosts of both sides: between those, neither side's
 * choice of virtual host changes.
 */
function firstDifference(
  answers: RouteAnswers,
  first: string,
  [ga, la, ca]: Side,
  [gb, lb, cb]: Side,
): { name?: string; detail: string } | undefined {
  const candidates = new Set<string>([first]);
  for (const c of [ca, cb]) {
    for (const x of c.exact) candidates.add(x);
    for (const x of c.wildcards) candidates.add(x);
  }
  for (const x of answers.names(ga, la)) candidates.add(x);
  for (const x of answers.names(gb, lb)) candidates.add(x);
  for (const name of candidates) {
    if (!claimed(name, ca) || !claimed(name, cb)) continue;
    const ra = answers.routes(ga, la, name);
    const rb = answers.routes(gb, lb, name);
    if (ra.size === 0 && rb.size === 0) return { name, detail: "" };
    const onlyA = [...ra].filter((r) => !rb.has(r)).sort();
    const onlyB = [...rb].filter((r) => !ra.has(r)).sort();
    if (onlyA.length === 0 && onlyB.length === 0) continue;
    const only = (routes: ResourceKey[], g: GatewayModel) =>
      routes.length === 0
        ? ""
        : ` ${listRoutes(routes)} ${routes.length === 1 ? "answers" : "answer"} it only on ${nameOf(g.key)}.`;
    return { name, detail: only(onlyA, ga) + only(onlyB, gb) };
  }
  return undefined;
}

/** The first few routes by name: a shared wildcard can have thousands on one side. */
function listRoutes(routes: readonly ResourceKey[]): string {
  const shown = routes.slice(0, MAX_ROUTES_NAMED).map(nameOf).join(", ");
  const rest = routes.length - MAX_ROUTES_NAMED;
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

const MAX_ROUTES_NAMED = 3;

/** Whether the claims cover `name` (an exact name, or every name under a wildcard). */
function claimed(name: string, claims: Claims): boolean {
  if (claims.exact.has(name) || claims.wildcards.has(name)) return true;
  return coveredBy(name, claims.wildcards);
}

function describe(g: GatewayModel, l: ListenerModel): string {
  return `${nameOf(g.key)} listener ${l.name} (${l.hostname ?? "any hostname"})`;
}

function listenerIndex(spec: Record<string, unknown> | undefined, name: string): number {
  const listeners = spec?.["listeners"];
  if (!Array.isArray(listeners)) return -1;
  return listeners.findIndex(
    (l: unknown) =>
      typeof l === "object" && l !== null && (l as Record<string, unknown>)["name"] === name,
  );
}
