/**
 * A route's structure, edited from the inspector: add or remove a rule, a match or a backendRef.
 * Each change becomes the smallest set of EditOps (an item appended or cut out), so the rest of
 * the document stays byte-identical and the change is one undo step.
 *
 * Defaults never invent an object: a new rule sends to the route's own backend (the nearest rule
 * above that has one), or to none, which the plan says. Removing the last item of a list removes
 * the field (an empty `backendRefs: []` or `rules: []` reads like a mistake), and the plan says
 * what that means for traffic (the spec's defaults: no backendRefs → 500, no rules → one rule
 * matching everything with no backends, no matches → PathPrefix "/"). CRD limits (16 rules, 64
 * matches, 16 backendRefs, 128 matches per route) are left to validation (checkEdit), which reports
 * them in the CRD's own words.
 */
import type { FieldPath } from "../types";
import type { EditOp, ObjectSelector } from "./editOps";
import { readField } from "./readField";

export type StructureEdit =
  | { action: "addRule" }
  | { action: "removeRule"; ruleIndex: number }
  | { action: "addMatch"; ruleIndex: number }
  | { action: "removeMatch"; ruleIndex: number; matchIndex: number }
  | { action: "addBackend"; ruleIndex: number; backend: NewBackend }
  | { action: "removeBackend"; ruleIndex: number; backendIndex: number };

/** A backendRef as a form holds it: port and weight may still be text ("8080" is written as 8080). */
export interface NewBackend {
  name: string;
  namespace?: string;
  group?: string;
  kind?: string;
  port?: number | string;
  weight?: number | string;
}

export interface StructurePlan {
  ops: EditOp[];
  /** What the change does to traffic when that may surprise (last rule, backend or match removed); undefined otherwise. */
  consequence?: string;
  /** Why nothing can be done (the rule or item is not there); ops is then empty. */
  problem?: string;
}

/** Route kinds whose rules have `matches` the inspector edits. */
const MATCH_KINDS: ReadonlySet<string> = new Set(["HTTPRoute"]);
/** What a request gets from a rule without backends, by route kind (GATEWAY-API-SEMANTICS: 500 / UNAVAILABLE). */
function noBackendOutcome(kind: string): string {
  if (kind === "HTTPRoute") return "get HTTP 500";
  if (kind === "GRPCRoute") return "get gRPC status UNAVAILABLE";
  return "are refused";
}

export function routeStructureEdits(
  text: string,
  route: ObjectSelector,
  edit: StructureEdit,
): StructurePlan {
  const rulesValue = readField(text, route, ["spec", "rules"]);
  const rules = Array.isArray(rulesValue) ? rulesValue : [];
  if (edit.action === "addRule") return addRule(route, rules, rulesValue === undefined);
  const rule = rules[edit.ruleIndex];
  if (!isRecord(rule)) return nothing(`rule ${edit.ruleIndex} does not exist`);
  const rulePath: FieldPath = ["spec", "rules", edit.ruleIndex];
  switch (edit.action) {
    case "removeRule":
      if (rules.length > 1) return { ops: [{ op: "removeField", target: route, path: rulePath }] };
      return {
        ops: [{ op: "removeField", target: route, path: ["spec", "rules"] }],
        consequence:
          route.kind === "HTTPRoute"
            ? "The route is left without rules: it then has one default rule matching every path with no backends, so every request it receives gets HTTP 500."
            : `The route is left without rules; a ${route.kind} needs at least one.`,
      };
    case "addMatch":
      return addMatch(route, rules, edit.ruleIndex);
    case "removeMatch": {
      const matches = Array.isArray(rule["matches"]) ? rule["matches"] : [];
      if (edit.matchIndex < 0 || edit.matchIndex >= matches.length)
        return nothing(`rule ${edit.ruleIndex} has no match ${edit.matchIndex}`);
      if (matches.length > 1)
        return {
          ops: [
            { op: "removeField", target: route, path: [...rulePath, "matches", edit.matchIndex] },
          ],
        };
      return {
        ops: [{ op: "removeField", target: route, path: [...rulePath, "matches"] }],
        consequence: `Rule ${edit.ruleIndex} is left without matches: it then matches every request (PathPrefix "/").`,
      };
    }
    case "addBackend": {
      const refs = Array.isArray(rule["backendRefs"]) ? rule["backendRefs"] : undefined;
      const backend = compactBackend(edit.backend);
      return {
        ops: [
          refs
            ? {
                op: "setField",
                target: route,
                path: [...rulePath, "backendRefs", refs.length],
                value: backend,
              }
            : {
                op: "setField",
                target: route,
                path: [...rulePath, "backendRefs"],
                value: [backend],
              },
        ],
      };
    }
    case "removeBackend": {
      const refs = Array.isArray(rule["backendRefs"]) ? rule["backendRefs"] : [];
      if (edit.backendIndex < 0 || edit.backendIndex >= refs.length)
        return nothing(`rule ${edit.ruleIndex} has no backendRef ${edit.backendIndex}`);
      if (refs.length > 1)
        return {
          ops: [
            {
              op: "removeBackendRef",
              target: route,
              ruleIndex: edit.ruleIndex,
              backendIndex: edit.backendIndex,
            },
          ],
        };
      return {
        ops: [{ op: "removeField", target: route, path: [...rulePath, "backendRefs"] }],
        consequence: `Rule ${edit.ruleIndex} is left without backendRefs: requests it matches ${noBackendOutcome(route.kind)}.`,
      };
    }
  }
}

/** `absent`: the route has no `rules` field (not even `rules: []`), so the list is written whole. */
function addRule(route: ObjectSelector, rules: readonly unknown[], absent: boolean): StructurePlan {
  const rule: Record<string, unknown> = {};
  if (MATCH_KINDS.has(route.kind))
    rule["matches"] = [{ path: { type: "PathPrefix", value: unusedPath(rules) } }];
  const backend = nearestBackend(rules);
  if (backend) rule["backendRefs"] = [backend];
  const path: FieldPath = absent ? ["spec", "rules"] : ["spec", "rules", rules.length];
  const value = path.length === 2 ? [rule] : rule;
  const index = rules.length;
  return {
    ops: [{ op: "setField", target: route, path, value }],
    ...(backend
      ? {}
      : {
          consequence: `The new rule ${index} has no backendRefs (the route has none to copy): requests it matches ${noBackendOutcome(route.kind)} until you add one.`,
        }),
  };
}

/**
 * A new match is an alternative (matches are ORed). A rule without explicit matches matches every
 * path, so its implicit PathPrefix "/" is written out first: adding an alternative must not narrow it.
 */
function addMatch(
  route: ObjectSelector,
  rules: readonly unknown[],
  ruleIndex: number,
): StructurePlan {
  if (!MATCH_KINDS.has(route.kind)) return nothing(`a ${route.kind} rule has no path matches`);
  const rule = rules[ruleIndex] as Record<string, unknown>;
  const matches = Array.isArray(rule["matches"]) ? rule["matches"] : [];
  const base: FieldPath = ["spec", "rules", ruleIndex, "matches"];
  const added = { path: { type: "PathPrefix", value: unusedPath(rules) } };
  if (matches.length > 0)
    return {
      ops: [{ op: "setField", target: route, path: [...base, matches.length], value: added }],
    };
  return {
    ops: [
      {
        op: "setField",
        target: route,
        path: base,
        value: [{ path: { type: "PathPrefix", value: "/" } }, added],
      },
    ],
  };
}

/** The backend of the nearest rule above the end that has one, without its weight or filters. */
function nearestBackend(rules: readonly unknown[]): Record<string, unknown> | undefined {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    const refs = isRecord(rule) && Array.isArray(rule["backendRefs"]) ? rule["backendRefs"] : [];
    const ref = refs.find(isRecord);
    if (ref && typeof ref["name"] === "string") {
      const out: Record<string, unknown> = {};
      for (const key of ["name", "namespace", "group", "kind", "port"])
        if (Object.hasOwn(ref, key) && ref[key] !== undefined && ref[key] !== null)
          out[key] = ref[key];
      return out;
    }
  }
  return undefined;
}

/** "/new-rule", or "/new-rule-2", … : a path no match of the route uses yet, so the new match shadows nothing. */
function unusedPath(rules: readonly unknown[]): string {
  const used = new Set<string>();
  for (const rule of rules) {
    const matches = isRecord(rule) && Array.isArray(rule["matches"]) ? rule["matches"] : [];
    for (const m of matches) {
      const path = isRecord(m) && isRecord(m["path"]) ? m["path"]["value"] : undefined;
      if (typeof path === "string") used.add(path);
    }
  }
  let candidate = "/new-rule";
  for (let n = 2; used.has(candidate); n++) candidate = `/new-rule-${n}`;
  return candidate;
}

function compactBackend(input: NewBackend): Record<string, unknown> {
  const out: Record<string, unknown> = { name: input.name.trim() };
  if (input.namespace) out["namespace"] = input.namespace;
  if (input.group !== undefined) out["group"] = input.group;
  if (input.kind !== undefined) out["kind"] = input.kind;
  if (input.port !== undefined && input.port !== "") out["port"] = asNumber(input.port);
  if (input.weight !== undefined && input.weight !== "") out["weight"] = asNumber(input.weight);
  return out;
}

/** A number typed as text is written as a number; anything else reaches validation as typed. */
function asNumber(value: number | string): number | string {
  if (typeof value === "string" && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return value;
}

function nothing(problem: string): StructurePlan {
  return { ops: [], problem };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
