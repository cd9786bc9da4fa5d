/**
 * Listeners of different Gateways on the same port that claim intersecting hostnames. Each
 * Gateway gets its own address, and a DNS name points at one address: requests for the shared
 * names reach only one of the two, whatever routes the other attaches.
 */
import type { GatewayModel, ListenerModel } from "../types";
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding, nameOf } from "./locateFinding";

// TCP and UDP listeners have no hostname: clients reach each Gateway by its address, so two of
// them on one port share nothing a DNS name could confuse.
const NAMED_PROTOCOLS = new Set(["HTTP", "HTTPS", "TLS"]);

export function findHostnameOverlaps(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const claims = listenerClaims(input);
  const out: LintFinding[] = [];
  const reported = new Set<string>();
  const gateways = input.gateways.filter((g) => g.reconciled);
  gateways.forEach((a, i) => {
    for (const b of gateways.slice(i + 1)) {
      for (const la of a.listeners) {
        if (!servesNames(la)) continue;
        for (const lb of b.listeners) {
          if (la.port !== lb.port || !servesNames(lb)) continue;
          const shared = sharedHostname(claimsOf(claims, a, la), claimsOf(claims, b, lb));
          if (shared === undefined) continue;
          const key = `${a.key}\u0000${la.name}\u0000${b.key}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const message = `${describe(a, la)} and ${describe(b, lb)} both serve ${shared === "*" ? "every hostname" : shared} on port ${la.port}; a DNS name resolves to one Gateway's address, so only one of them receives those requests.`;
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
