/**
 * One set of assumed labels per undeclared namespace. When the world assumes a Namespace the input
 * does not hold, a selector that needs labels on it is assumed to match (matchNamespaceSelector).
 * Assumed one selector at a time, one namespace could be `env=prod` for one listener and `env=dev`
 * for another: two claims about one object that cannot both be true. So the assumptions are made
 * once per input, per namespace, in document order of the objects that ask (each route's
 * parentRefs in order and, for each, the parent's listeners in order; each ListenerSet's parent
 * Gateway's allowedListeners): a selector is assumed when it can hold together with every selector
 * already assumed for that namespace, and otherwise contradicts them (recorded here, so the status
 * stage reports it and the selector does not match). Readings that no route makes (the isolation
 * lens asking whether a route from any namespace could attach, NetworkPolicy peers) continue the
 * same plan: per namespace, after what the routes assumed, every selector of the input in a fixed
 * order (listeners' allowedRoutes, Gateways' allowedListeners, NetworkPolicy ingress peers, each
 * in document order) is assumed when it can hold with those before it, and otherwise contradicts
 * the earlier one. So one namespace is never shown under two selectors that cannot both hold; the
 * routes' own verdicts (and the conflicts the status stage reports) are those of the first part
 * alone. The plan depends on the index only, so every stage and every incremental pass sees the
 * same verdicts whatever order it asks in.
 */
import { GATEWAY_GROUP, isRouteKind } from "../api/kinds";
import type { LabelSelector } from "../api/spec";
import type { FieldPath, Manifest } from "../types";
import { namespaceInfo, listKind, type ResourceIndex } from "./indexResources";
import { matchLabelSelector, printSelector } from "./matchLabelSelector";
import { asRecord, asRecords, asString, asStringMap } from "./read";
import { conjoinSelectors, otherLabelsCouldMatch } from "./selectorSatisfiable";
import { lookupObject } from "./world";
import { appendAll } from "../collections/appendAll";

/** Where a selector sits and who it speaks for, to name it in a message. */
export interface SelectorSite {
  /** The Gateway or ListenerSet holding the selector, and the path to it. */
  holder: Manifest;
  path: FieldPath;
  /** "listener web of Gateway infra/gw", "the allowedListeners of Gateway infra/gw". */
  label: string;
  selector: Record<string, unknown>;
}

export interface AssumedSelector extends SelectorSite {
  /** The route or ListenerSet whose attachment first needed it. */
  askedBy: Manifest;
}

/** A selector assumed for a namespace: by a route's need (askedBy), or in the plan's continuation. */
export type HeldSelector = SelectorSite & { askedBy?: Manifest };

/** A selector whose assumption would contradict the labels already assumed for its namespace. */
export interface NamespaceLabelConflict {
  namespace: string;
  site: SelectorSite;
  askedBy: Manifest;
  /** The earlier assumption it contradicts (the first one it cannot hold with, else the first). */
  against: AssumedSelector;
}

export interface NamespaceLabelPlan {
  /** Per undeclared namespace, the selectors assumed to hold on it, in the order they were made. */
  assumed: ReadonlyMap<string, readonly AssumedSelector[]>;
  conflicts: readonly NamespaceLabelConflict[];
  /** Every selector of the input, in the order the plan's continuation assumes them. */
  sites: readonly SelectorSite[];
  /** The continuation per namespace, made when first asked (it depends on the index only). */
  continued: Map<string, ContinuedLabels>;
}

/** What one namespace is assumed to carry once every selector of the input has been read. */
interface ContinuedLabels {
  held: HeldSelector[];
  /** Per selector identity, the earlier assumption it contradicts. */
  rejected: Map<string, HeldSelector>;
}

const EMPTY_PLAN: NamespaceLabelPlan = {
  assumed: new Map(),
  conflicts: [],
  sites: [],
  continued: new Map(),
};
const plans = new WeakMap<ResourceIndex, NamespaceLabelPlan>();

export function namespaceLabelPlan(index: ResourceIndex): NamespaceLabelPlan {
  let plan = plans.get(index);
  if (plan === undefined) {
    plan = buildPlan(index);
    plans.set(index, plan);
  }
  return plan;
}

/** The same selector written twice (two listeners with one selector) is one assumption. */
export function selectorIdentity(selector: Record<string, unknown>): string {
  const labels = Object.entries(asStringMap(selector["matchLabels"])).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const expressions = asRecords(selector["matchExpressions"]).map((r) => [
    r["key"],
    r["operator"],
    r["values"],
  ]);
  return JSON.stringify([labels, expressions]);
}

/**
 * Whether the selector, assumed alone, can hold together with what the plan assumed for the
 * namespace; when not, the earlier assumption it contradicts.
 */
export function contradictedBy(
  plan: NamespaceLabelPlan,
  namespace: string,
  selector: Record<string, unknown>,
  known: Record<string, string>,
): HeldSelector | undefined {
  const id = selectorIdentity(selector);
  // What the routes assumed decides first: the status stage's verdicts rest on it alone.
  const byRoutes = plan.assumed.get(namespace) ?? [];
  if (byRoutes.some((h) => selectorIdentity(h.selector) === id)) return undefined;
  const against = conflictWith(byRoutes, selector, known);
  if (against !== undefined || plan.sites.length === 0) return against;
  const continued = continueFor(plan, namespace, known);
  if (continued.held.some((h) => selectorIdentity(h.selector) === id)) return undefined;
  return continued.rejected.get(id) ?? conflictWith(continued.held, selector, known);
}

/** The first assumption the selector cannot hold with (else the first), when all cannot hold. */
function conflictWith<T extends SelectorSite>(
  held: readonly T[],
  selector: Record<string, unknown>,
  known: Record<string, string>,
): T | undefined {
  if (held.length === 0) return undefined;
  const all = [...held.map((h) => h.selector), selector];
  if (otherLabelsCouldMatch(conjoinSelectors(all) as Record<string, unknown>, known))
    return undefined;
  return (
    held.find(
      (h) =>
        !otherLabelsCouldMatch(
          conjoinSelectors([h.selector, selector]) as Record<string, unknown>,
          known,
        ),
    ) ?? held[0]
  );
}

/**
 * The plan continued for one namespace: after the routes' assumptions, each selector of the input
 * that needs labels the namespace may carry, in the plan's order, assumed or rejected.
 */
function continueFor(
  plan: NamespaceLabelPlan,
  namespace: string,
  known: Record<string, string>,
): ContinuedLabels {
  const cached = plan.continued.get(namespace);
  if (cached !== undefined) return cached;
  const held: HeldSelector[] = [...(plan.assumed.get(namespace) ?? [])];
  const seen = new Set(held.map((h) => selectorIdentity(h.selector)));
  const rejected = new Map<string, HeldSelector>();
  for (const site of plan.sites) {
    const id = selectorIdentity(site.selector);
    if (seen.has(id)) continue;
    seen.add(id);
    if (matchLabelSelector(site.selector as LabelSelector, known).matches) continue;
    if (!otherLabelsCouldMatch(site.selector, known)) continue;
    const against = conflictWith(held, site.selector, known);
    if (against !== undefined) rejected.set(id, against);
    else held.push(site);
  }
  const continued = { held, rejected };
  plan.continued.set(namespace, continued);
  return continued;
}

function buildPlan(index: ResourceIndex): NamespaceLabelPlan {
  const holders = selectorHolders(index);
  if (holders.sites.length === 0) return EMPTY_PLAN;
  const assumed = new Map<string, AssumedSelector[]>();
  const conflicts: NamespaceLabelConflict[] = [];
  const seenConflicts = new Set<string>();
  const ask = (site: SelectorSite, namespace: string, askedBy: Manifest) => {
    const info = namespaceInfo(index, namespace);
    if (info.declared || matchLabelSelector(site.selector as LabelSelector, info.labels).matches)
      return;
    if (lookupObject(index, "Namespace", undefined, namespace).state !== "assumed") return;
    if (!otherLabelsCouldMatch(site.selector, info.labels)) return;
    const against = conflictWith(assumed.get(namespace) ?? [], site.selector, info.labels);
    if (against !== undefined) {
      const id = `${namespace}\u0000${site.holder.key}\u0000${site.path.join(".")}`;
      if (!seenConflicts.has(id)) {
        seenConflicts.add(id);
        conflicts.push({ namespace, site, askedBy, against });
      }
      return;
    }
    const held = assumed.get(namespace) ?? [];
    const id = selectorIdentity(site.selector);
    if (!held.some((h) => selectorIdentity(h.selector) === id)) held.push({ ...site, askedBy });
    assumed.set(namespace, held);
  };
  for (const m of index.manifests) {
    const ns = m.namespace ?? "";
    if (isRouteKind(m.kind)) {
      for (const ref of asRecords(m.spec["parentRefs"])) {
        if ((asString(ref["group"]) ?? GATEWAY_GROUP) !== GATEWAY_GROUP) continue;
        const kind = asString(ref["kind"]) ?? "Gateway";
        const key = `${kind}\u0000${asString(ref["namespace"]) ?? ns}\u0000${asString(ref["name"]) ?? ""}`;
        const section = asString(ref["sectionName"]);
        for (const l of holders.listeners.get(key) ?? [])
          if (section === undefined || section === l.listener) ask(l, ns, m);
      }
    } else if (m.kind === "ListenerSet") {
      const ref = asRecord(m.spec["parentRef"]) ?? {};
      const key = `${asString(ref["namespace"]) ?? ns}\u0000${asString(ref["name"]) ?? ""}`;
      const site = holders.allowedListeners.get(key);
      if (site !== undefined) ask(site, ns, m);
    }
  }
  return { assumed, conflicts, sites: holders.sites, continued: new Map() };
}

interface ListenerSelector extends SelectorSite {
  listener: string;
}

/**
 * The selectors of the input: listeners' allowedRoutes, Gateways' allowedListeners, by holder;
 * and all of them, NetworkPolicy ingress peers' namespaceSelectors last, in the continuation's
 * order.
 */
function selectorHolders(index: ResourceIndex): {
  listeners: Map<string, ListenerSelector[]>;
  allowedListeners: Map<string, SelectorSite>;
  sites: SelectorSite[];
} {
  const listeners = new Map<string, ListenerSelector[]>();
  const allowedListeners = new Map<string, SelectorSite>();
  for (const kind of ["Gateway", "ListenerSet"]) {
    for (const holder of listKind(index, kind)) {
      const owner = `${kind} ${holder.namespace ?? ""}/${holder.name}`;
      const found: ListenerSelector[] = [];
      asRecords(holder.spec["listeners"]).forEach((l, i) => {
        const namespaces = asRecord(asRecord(l["allowedRoutes"])?.["namespaces"]);
        const selector = asRecord(namespaces?.["selector"]);
        if (asString(namespaces?.["from"]) !== "Selector" || selector === undefined) return;
        const name = asString(l["name"]) ?? "";
        found.push({
          holder,
          path: ["spec", "listeners", i, "allowedRoutes", "namespaces", "selector"],
          label: `listener ${name} of ${owner}`,
          selector,
          listener: name,
        });
      });
      if (found.length > 0)
        listeners.set(`${kind}\u0000${holder.namespace ?? ""}\u0000${holder.name}`, found);
      if (kind !== "Gateway") continue;
      const namespaces = asRecord(asRecord(holder.spec["allowedListeners"])?.["namespaces"]);
      const selector = asRecord(namespaces?.["selector"]);
      if (asString(namespaces?.["from"]) === "Selector" && selector !== undefined)
        allowedListeners.set(`${holder.namespace ?? ""}\u0000${holder.name}`, {
          holder,
          path: ["spec", "allowedListeners", "namespaces", "selector"],
          label: `the allowedListeners of ${owner}`,
          selector,
        });
    }
  }
  const sites: SelectorSite[] = [];
  for (const found of listeners.values()) appendAll(sites, found);
  appendAll(sites, [...allowedListeners.values()]);
  for (const policy of listKind(index, "NetworkPolicy")) {
    const owner = `NetworkPolicy ${policy.namespace ?? ""}/${policy.name}`;
    asRecords(policy.spec["ingress"]).forEach((rule, i) =>
      asRecords(rule["from"]).forEach((peer, j) => {
        const selector = asRecord(peer["namespaceSelector"]);
        if (selector === undefined) return;
        sites.push({
          holder: policy,
          path: ["spec", "ingress", i, "from", j, "namespaceSelector"],
          label: `ingress rule ${i + 1} of ${owner}`,
          selector,
        });
      }),
    );
  }
  return { listeners, allowedListeners, sites };
}

/** "listener web of Gateway infra/gw (env=prod)". */
export function describeSite(site: SelectorSite): string {
  return `${site.label} (${printSelector(site.selector)})`;
}

/** Why a selector is not assumed on a namespace: the earlier assumption it contradicts. */
export function contradictedLabels(namespace: string, against: HeldSelector): string {
  const asker = against.askedBy;
  const by =
    asker === undefined
      ? "read earlier in the input"
      : `for ${asker.kind} ${asker.namespace ?? ""}/${asker.name}`;
  return `namespace ${namespace} is already assumed labeled as ${describeSite(against)} selects (${by}), and these labels cannot also hold, so it does not match`;
}
