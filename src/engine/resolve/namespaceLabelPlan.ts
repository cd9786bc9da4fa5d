/**
 * One set of assumed labels per undeclared namespace. When the world assumes a Namespace the input
 * does not hold, a selector that needs labels on it is assumed to match (matchNamespaceSelector).
 * Assumed one selector at a time, one namespace could be `env=prod` for one listener and `env=dev`
 * for another: two claims about one object that cannot both be true. So the assumptions are made
 * once per input, per namespace, in document order of the objects that ask (each route's
 * parentRefs in order and, for each, the parent's listeners in order; each ListenerSet's parent
 * Gateway's allowedListeners): a selector is assumed when it can hold together with every selector
 * already assumed for that namespace, and otherwise contradicts them (recorded here, so the status
 * stage reports it and the selector does not match). Any other reading of a selector on that
 * namespace (the isolation lens, NetworkPolicy peers) passes on assumption only when it can hold
 * with the labels assumed here. The plan depends on the index only, so every stage and every
 * incremental pass sees the same verdicts whatever order it asks in.
 */
import { GATEWAY_GROUP, isRouteKind } from "../api/kinds";
import type { LabelSelector } from "../api/spec";
import type { FieldPath, Manifest } from "../types";
import { namespaceInfo, listKind, type ResourceIndex } from "./indexResources";
import { matchLabelSelector, printSelector } from "./matchLabelSelector";
import { asRecord, asRecords, asString, asStringMap } from "./read";
import { conjoinSelectors, otherLabelsCouldMatch } from "./selectorSatisfiable";
import { lookupObject } from "./world";

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
}

const EMPTY_PLAN: NamespaceLabelPlan = { assumed: new Map(), conflicts: [] };
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
): AssumedSelector | undefined {
  const held = plan.assumed.get(namespace);
  if (held === undefined || held.length === 0) return undefined;
  const id = selectorIdentity(selector);
  if (held.some((h) => selectorIdentity(h.selector) === id)) return undefined;
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

function buildPlan(index: ResourceIndex): NamespaceLabelPlan {
  const holders = selectorHolders(index);
  if (holders.listeners.size === 0 && holders.allowedListeners.size === 0) return EMPTY_PLAN;
  const assumed = new Map<string, AssumedSelector[]>();
  const conflicts: NamespaceLabelConflict[] = [];
  const seenConflicts = new Set<string>();
  const ask = (site: SelectorSite, namespace: string, askedBy: Manifest) => {
    const info = namespaceInfo(index, namespace);
    if (info.declared || matchLabelSelector(site.selector as LabelSelector, info.labels).matches)
      return;
    if (lookupObject(index, "Namespace", undefined, namespace).state !== "assumed") return;
    if (!otherLabelsCouldMatch(site.selector, info.labels)) return;
    const plan = { assumed, conflicts };
    const against = contradictedBy(plan, namespace, site.selector, info.labels);
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
  return { assumed, conflicts };
}

interface ListenerSelector extends SelectorSite {
  listener: string;
}

/** The selectors of the input: listeners' allowedRoutes, Gateways' allowedListeners. */
function selectorHolders(index: ResourceIndex): {
  listeners: Map<string, ListenerSelector[]>;
  allowedListeners: Map<string, SelectorSite>;
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
  return { listeners, allowedListeners };
}

/** "listener web of Gateway infra/gw (env=prod)". */
export function describeSite(site: SelectorSite): string {
  return `${site.label} (${printSelector(site.selector)})`;
}

/** Why a selector is not assumed on a namespace: the earlier assumption it contradicts. */
export function contradictedLabels(namespace: string, against: AssumedSelector): string {
  const by = `${against.askedBy.kind} ${against.askedBy.namespace ?? ""}/${against.askedBy.name}`;
  return `namespace ${namespace} is already assumed labeled as ${describeSite(against)} selects (for ${by}), and these labels cannot also hold, so it does not match`;
}
