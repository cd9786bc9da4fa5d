/**
 * deriveRuleProbes: for every rule of every route of a revision, a request that reaches it
 * (requestForRule) and one that just misses it (requestMissingRule). Sent to both revisions,
 * they show what a change does at each rule and at each rule's edge, without the user writing
 * a single request.
 */
import { displayName } from "../api/keys";
import type { SimRequest } from "../simulate/types";
import type { RouteAttachment } from "../types";
import { requestForRule, type RuleRequestInput } from "../whatif/requestForRule";
import { requestMissingRule } from "../whatif/requestMissingRule";
import type { DiffProbe } from "./diffTypes";

export function deriveRuleProbes(input: RuleRequestInput): DiffProbe[] {
  const probes: DiffProbe[] = [];
  const attachmentsOf = new Map<string, RouteAttachment[]>();
  for (const a of input.attachments)
    attachmentsOf.set(a.route, [...(attachmentsOf.get(a.route) ?? []), a]);
  for (const route of input.routes) {
    const routeName = `${route.kind} ${displayName(route)}`;
    // requestForRule looks the route up by key: hand it this route alone, so deriving stays linear.
    const one: RuleRequestInput = {
      gateways: input.gateways,
      routes: [route],
      attachments: attachmentsOf.get(route.key) ?? [],
    };
    route.rules.forEach((_, ruleIndex) => {
      const hit = requestForRule(one, route.key, ruleIndex);
      if (hit !== undefined)
        probes.push(derived(`matches ${routeName} rule ${ruleIndex}`, hit.request));
      const miss = requestMissingRule(one, route.key, ruleIndex);
      if (miss !== undefined)
        probes.push(
          derived(`just misses ${routeName} rule ${ruleIndex} (${miss.miss})`, miss.request),
        );
    });
  }
  return probes;
}

function derived(name: string, request: SimRequest): DiffProbe {
  return { name, origin: { source: "derived", from: [name] }, request };
}

/**
 * One probe per distinct request, in first-seen order: a request derived from both revisions (or
 * written in a case file and derived too) is sent once, naming every place it came from.
 */
export function dedupeProbes(probes: readonly DiffProbe[]): DiffProbe[] {
  const byRequest = new Map<string, DiffProbe>();
  for (const p of probes) {
    const key = canonicalRequest(p.request);
    const seen = byRequest.get(key);
    if (seen === undefined) {
      byRequest.set(key, {
        ...p,
        origin:
          p.origin.source === "derived"
            ? { source: "derived", from: [...p.origin.from] }
            : p.origin,
      });
      continue;
    }
    if (seen.origin.source === "derived" && p.origin.source === "derived") {
      for (const from of p.origin.from)
        if (!seen.origin.from.includes(from)) seen.origin.from.push(from);
    }
  }
  return [...byRequest.values()];
}

function canonicalRequest(r: SimRequest): string {
  return JSON.stringify(sortKeys(r));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return entries.map(([k, v]) => [k, sortKeys(v)]);
}
