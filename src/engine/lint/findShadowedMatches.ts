/**
 * Rules that can never win, and rules whose winner depends on creation order.
 *
 * The route table already lists each virtual host's candidates in precedence order (routing/),
 * so an entry is shadowed when an entry ranked above it on the same listener and hostname
 * matches every request it matches (matchCovers). Each shadow is confirmed by routing a concrete
 * request for the shadowed match through the compiled Router and seeing it land on the winner;
 * unconfirmed cases are not reported.
 *
 * Identical matches in two routes that both lack a creationTimestamp are a different problem: a
 * cluster orders them by creation time, which the manifests do not say, so either could win.
 */
import { needEngineModule } from "../modules/engineModules";
import type { RouteTableEntry, RouteTableListener } from "../routing/types";
import type { SimRequest } from "../simulate/types";
import type { FieldPath } from "../types";
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding, nameOf } from "./locateFinding";
import { createCoverIndex } from "./coverCandidates";
import { isL4Entry } from "./isL4Entry";
import { isSameMatch, matchCovers } from "./matchCovers";
import type * as ShadowProofs from "./shadowProofModule";

type ShadowProofs = typeof ShadowProofs;

interface Occurrence {
  listener: RouteTableListener;
  hostname: string;
  winner: RouteTableEntry;
  loser: RouteTableEntry;
  request?: SimRequest;
}

export function findShadowedMatches(input: LintInput): LintFinding[] {
  // The proofs are an on-demand module: a workspace without a shadow candidate never needs it.
  let prove: ReturnType<ShadowProofs["createShadowProver"]> | undefined;
  const shadows = new Map<string, Occurrence[]>();
  const ties = new Map<string, Occurrence[]>();
  // The cover candidates of one loser at a time: tens of thousands of entries ask in turn.
  const scratch: number[] = [];
  // One index, emptied per virtual host: it holds the entries ranked above the one asked about.
  const above = createCoverIndex();
  for (const listener of input.routeTable.listeners) {
    if (!listener.ready) continue;
    for (const vhost of listener.virtualHosts) {
      const entries = vhost.entries;
      above.clear();
      for (let j = 0; j < entries.length; j++) {
        const loser = entries[j] as RouteTableEntry;
        // Read before the next question, which reuses the list; the entry joins the index after
        // its own question (an entry never covers itself).
        const ids = above.candidates(loser, scratch);
        above.add(loser, j);
        if (ids.length === 0) continue;
        const found = findWinner(entries, ids, loser);
        if (found === undefined) continue;
        const o: Occurrence = { listener, hostname: vhost.hostname, winner: found.winner, loser };
        if (found.tie) {
          // One finding per pair of routes: a copied route ties on every match it copied.
          push(ties, [found.winner.route, loser.route].sort().join("\u0000"), o);
          continue;
        }
        prove ??= needEngineModule("shadowProof").createShadowProver(input);
        const request = prove(o);
        if (request === undefined) continue;
        o.request = request;
        push(shadows, pairKey(found.winner, loser), o);
      }
    }
  }
  const lookup = createManifestLookup(input.manifests);
  const out: LintFinding[] = [];
  for (const group of shadows.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const { winner, loser } = first;
    const where = describeWhere(group);
    const proof = first.request
      ? ` For example, ${needEngineModule("shadowProof").describeRequest(first.request)} goes to ${describeEntry(winner)}.`
      : "";
    const message = `${describeEntry(loser)} never receives traffic ${where}: ${describeEntry(winner)} ranks above it and matches every request it matches.${proof}`;
    const d = locateFinding(
      input,
      lookup,
      "lint.shadowed-match",
      loser.route,
      entryPath(loser),
      message,
    );
    if (d) out.push(first.request ? { diagnostic: d, request: first.request } : { diagnostic: d });
  }
  for (const group of ties.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const message = `${describeTie(group)} ${describeWhere(group)}, and neither route has a creationTimestamp: in a cluster the older route wins, so which one serves these requests depends on creation order.`;
    const d = locateFinding(
      input,
      lookup,
      "lint.creation-order-tie",
      first.loser.route,
      entryPath(first.loser),
      message,
    );
    if (d) out.push({ diagnostic: d });
  }
  return out;
}

/** The first of the entries at `above` (ascending indexes into `entries`) that covers the loser. */
function findWinner(
  entries: readonly RouteTableEntry[],
  above: readonly number[],
  loser: RouteTableEntry,
): { winner: RouteTableEntry; tie: boolean } | undefined {
  if (loser.shadowedBy !== undefined) {
    for (const i of above) {
      const winner = entries[i];
      if (winner?.route === loser.shadowedBy) return { winner, tie: false };
    }
    return undefined;
  }
  if (isL4Entry(loser)) return undefined;
  for (const i of above) {
    const winner = entries[i];
    if (winner === undefined) continue;
    if (winner.routeKind !== loser.routeKind || !matchCovers(winner.match, loser.match)) continue;
    const tie =
      winner.route !== loser.route &&
      winner.creationTimestamp === undefined &&
      loser.creationTimestamp === undefined &&
      isSameMatch(winner.match, loser.match);
    return { winner, tie };
  }
  return undefined;
}

function pairKey(winner: RouteTableEntry, loser: RouteTableEntry): string {
  return [
    loser.route,
    loser.ruleIndex,
    loser.matchIndex,
    winner.route,
    winner.ruleIndex,
    winner.matchIndex,
  ].join("\u0000");
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function entryPath(e: RouteTableEntry): FieldPath {
  if (isL4Entry(e) || e.match.defaulted) return ["spec", "rules", e.ruleIndex];
  return ["spec", "rules", e.ruleIndex, "matches", e.matchIndex];
}

export function describeEntry(e: RouteTableEntry): string {
  if (isL4Entry(e)) return nameOf(e.route);
  const match = e.match.defaulted ? " (no matches: every request)" : ` match ${e.matchIndex}`;
  return `${nameOf(e.route)} rule ${e.ruleIndex}${match}`;
}

/** The tied matches of one pair of routes: "A rule 0 match 0 and B rule 0 match 0 have identical matches", or a list. */
function describeTie(group: readonly Occurrence[]): string {
  const first = group[0];
  if (first === undefined) return "";
  const pairs = [
    ...new Set(group.map((o) => `${describeMatch(o.loser)} = ${describeMatch(o.winner)}`)),
  ];
  if (pairs.length === 1)
    return `${describeEntry(first.loser)} and ${describeEntry(first.winner)} have identical matches`;
  const shown = pairs.slice(0, MAX_LISTED_TIES).join(", ");
  const more = pairs.length > MAX_LISTED_TIES ? ` and ${pairs.length - MAX_LISTED_TIES} more` : "";
  return `${nameOf(first.loser.route)} and ${nameOf(first.winner.route)} have ${pairs.length} identical matches (${shown}${more})`;
}

const MAX_LISTED_TIES = 5;

function describeMatch(e: RouteTableEntry): string {
  return e.match.defaulted ? `rule ${e.ruleIndex}` : `rule ${e.ruleIndex} match ${e.matchIndex}`;
}

function describeWhere(group: readonly Occurrence[]): string {
  const places = [
    ...new Set(
      group.map(
        (o) => `${o.hostname} on ${o.listener.gatewayName} listener ${o.listener.listener}`,
      ),
    ),
  ];
  return `for ${places.join("; ")}`;
}
