/**
 * Edges read from the analysis: which listener each route attached to (attachments) or why it did
 * not (explain), where each backendRef goes (resolved routes), what each policy targets, and what
 * each ReferenceGrant opens. Targets missing from the input are returned so ghost nodes can be made.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import { namespaceForKind } from "../api/kinds";
import type { ReferenceGrantSpec } from "../api/spec";
import type { ResolvedFilter, RouteAttachment, RouteParentExplain } from "../types";
import type { SemanticGraphInput } from "./semanticGraphInput";
import type { GraphEdge } from "./types";
import { assumedPolicyTarget } from "./assumedPolicyTarget";
import { modelledIngresses } from "../ingress/modelledIngresses";
import { emptyList } from "../collections/emptyList";

export interface MissingTarget {
  key: ResourceKey;
  kind: string;
  namespace?: string;
  name: string;
}

export interface EdgeBuild {
  edges: GraphEdge[];
  missing: MissingTarget[];
}

export function buildGraphEdges(input: SemanticGraphInput): EdgeBuild {
  const present = new Set<string>();
  for (let i = 0; i < input.objects.length; i++)
    present.add((input.objects[i] as SemanticGraphInput["objects"][number]).key);
  const missing = new Map<string, MissingTarget>();
  const need = (kind: string, namespace: string | undefined, name: string): ResourceKey => {
    const key = resourceKey(kind, namespace, name);
    if (!present.has(key) && !missing.has(key)) {
      missing.set(key, { key, kind, name, ...(namespace === undefined ? {} : { namespace }) });
    }
    return key;
  };
  // One list every edge kind appends to: spreading each kind's own list into a new array copied
  // every edge (60,000 backend edges at 10,000 routes) once more.
  const edges: GraphEdge[] = [];
  classEdges(input, need, edges);
  listenerSetEdges(input, edges);
  parentEdges(input, need, edges);
  backendEdges(input, need, edges);
  mirrorEdges(input, need, edges);
  policyEdges(input, need, edges);
  grantEdges(input, edges);
  ingressEdges(input, need, edges);
  return { edges, missing: [...missing.values()] };
}

type Need = (kind: string, namespace: string | undefined, name: string) => ResourceKey;

/** IngressClass → Ingress (only when the class object exists or is named), Ingress → each Service it routes to. */
function ingressEdges(input: SemanticGraphInput, need: Need, out: GraphEdge[]): void {
  for (const ing of modelledIngresses(input.manifests)) {
    if (ing.classSource !== "none") {
      out.push({
        id: `class:${ing.key}`,
        kind: "class",
        source: need("IngressClass", undefined, ing.className),
        target: ing.key,
        status: "ok",
      });
    }
    const seen = new Set<string>();
    const paths = ing.rules.flatMap((r) =>
      r.paths.map((p) => ({ service: p.service, label: `${r.host || "*"}${p.path || "/"}` })),
    );
    if (ing.defaultBackend) paths.push({ service: ing.defaultBackend, label: "default backend" });
    for (const { service, label } of paths) {
      if (!service) continue;
      const target = need("Service", ing.namespace, service.name);
      const id = `ingress-backend:${ing.key}:${target}:${service.port}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ id, kind: "backend", source: ing.key, target, status: "ok", label });
    }
  }
}

function classEdges(input: SemanticGraphInput, need: Need, out: GraphEdge[]): void {
  for (const g of input.gateways) {
    if (g.className === "") continue;
    out.push({
      id: `class:${g.key}`,
      kind: "class",
      source: need("GatewayClass", undefined, g.className),
      target: g.key,
      status: g.reconciled ? "ok" : "error",
    });
  }
}

function listenerSetEdges(input: SemanticGraphInput, out: GraphEdge[]): void {
  for (const g of input.gateways) {
    const owners = new Set(g.listeners.map((l) => l.owner).filter((o) => o !== g.key));
    for (const owner of owners) {
      out.push({
        id: `listenerset:${owner}`,
        kind: "listenerSet",
        source: owner,
        target: g.key,
        status: "ok",
      });
    }
  }
}

function parentEdges(input: SemanticGraphInput, need: Need, out: GraphEdge[]): void {
  // Rejected and Service parents are few: the namespace of every object is only indexed for them.
  let namespaces: Map<string, string | undefined> | undefined;
  const routeNamespace = (route: ResourceKey): string | undefined =>
    (namespaces ??= new Map(input.objects.map((o) => [o.key as string, o.namespace]))).get(route);
  // Keyed by object, then name: no "gateway|listener" string per attachment to look one up.
  const ownerOf = new Map<ResourceKey, Map<string, ResourceKey>>();
  const listenersByOwner = new Map<ResourceKey, Set<string>>();
  for (const g of input.gateways) {
    for (const l of g.listeners) {
      let owners = ownerOf.get(g.key);
      if (owners === undefined) ownerOf.set(g.key, (owners = new Map()));
      owners.set(l.name, l.owner);
      let names = listenersByOwner.get(l.owner);
      if (names === undefined) listenersByOwner.set(l.owner, (names = new Set()));
      names.add(l.name);
    }
  }
  // Grouped once per route, in input order: filtering every attachment per explain entry is
  // quadratic. Nearly every route has one parentRef, so its list is used as it is.
  const attachmentsOf = new Map<ResourceKey, RouteAttachment[]>();
  for (let i = 0; i < input.attachments.length; i++) {
    const a = input.attachments[i];
    if (a === undefined) continue;
    const list = attachmentsOf.get(a.route);
    if (list) list.push(a);
    else attachmentsOf.set(a.route, [a]);
  }
  const attachedThrough = (e: RouteParentExplain): readonly RouteAttachment[] => {
    const all = attachmentsOf.get(e.route);
    if (all === undefined) return emptyList();
    for (const a of all) {
      if (a.parentRefIndex !== e.parentRefIndex)
        return all.filter((b) => b.parentRefIndex === e.parentRefIndex);
    }
    return all;
  };
  const hasListener = (owner: ResourceKey, section: string): boolean =>
    listenersByOwner.get(owner)?.has(section) === true;
  for (let i = 0; i < input.explain.length; i++) {
    const e = input.explain[i];
    if (e === undefined) continue;
    if (e.accepted) {
      const attached = attachedThrough(e);
      for (const a of attached) {
        out.push({
          // Joined, not concatenated: one flat string per edge (see backendEdges).
          id: ["parent:", e.route, ":", e.parentRefIndex, ":", a.listener].join(""),
          kind: "parent",
          source: e.route,
          target: ownerOf.get(a.gateway)?.get(a.listener) ?? a.gateway,
          targetListener: a.listener,
          status: "ok",
          parentRefIndex: e.parentRefIndex,
        });
      }
      // An accepted Service parent (GAMMA) has no listener: the edge goes to the Service.
      if (attached.length === 0)
        out.push(rejectedOrPlainParentEdge(e, need, routeNamespace(e.route), hasListener));
    } else if ((e.parentRef.name ?? "") !== "") {
      // An unnamed parentRef (a schema error) points at no object: no edge, no made-up node.
      out.push(rejectedOrPlainParentEdge(e, need, routeNamespace(e.route), hasListener));
    }
  }
}

function rejectedOrPlainParentEdge(
  e: RouteParentExplain,
  need: Need,
  routeNamespace: string | undefined,
  hasListener: (owner: ResourceKey, section: string) => boolean,
): GraphEdge {
  const kind = e.parentRef.kind ?? "Gateway";
  const target =
    e.parent ?? need(kind, e.parentRef.namespace ?? routeNamespace, e.parentRef.name ?? "");
  const edge: GraphEdge = {
    id: `parent:${e.route}:${e.parentRefIndex}`,
    kind: "parent",
    source: e.route,
    target,
    status: e.accepted ? "ok" : "error",
    parentRefIndex: e.parentRefIndex,
  };
  if (e.unknownParent === true) {
    // The parent is assumed: its controller, outside the workspace, decides. Not a rejection.
    edge.status = "unknown";
    edge.reason = "Unknown";
    edge.message = e.message;
    edge.label = "status unknown";
  } else if (!e.accepted) {
    edge.reason = e.reason;
    edge.message = e.message;
    edge.label = e.reason;
  }
  const section = e.parentRef.sectionName;
  if (section !== undefined && hasListener(target, section)) edge.targetListener = section;
  return edge;
}

function backendEdges(input: SemanticGraphInput, need: Need, out: GraphEdge[]): void {
  const weightLabel = createWeightLabels();
  // Each id is joined from its pieces rather than concatenated: `${a}${b}` of 13 characters or
  // more is a rope (one 32-byte node per concatenation, pointing at the pieces), and the graph
  // keeps tens of thousands of ids, each rope copied by every garbage collection it survives;
  // join() writes one flat string of the same text.
  const id = ["backend:", "", ":", 0, ":", 0];
  for (let r = 0; r < input.routes.length; r++) {
    const route = input.routes[r];
    if (route === undefined) continue;
    id[1] = route.key;
    for (let k = 0; k < route.rules.length; k++) {
      const rule = route.rules[k];
      if (rule === undefined) continue;
      const refs = rule.backendRefs;
      let total = 0;
      for (let i = 0; i < refs.length; i++) total += Math.max(0, refs[i]?.weight ?? 0);
      id[3] = rule.index;
      for (let i = 0; i < refs.length; i++) {
        const b = refs[i];
        if (b === undefined) continue;
        const percent = total === 0 ? 0 : Math.round((Math.max(0, b.weight) / total) * 1000) / 10;
        id[5] = b.index;
        const edge: GraphEdge = {
          id: id.join(""),
          kind: "backend",
          source: route.key,
          // An assumed Service has a target key but no object: it is drawn as an assumed ghost.
          target:
            b.target !== undefined && b.assumed === undefined
              ? b.target
              : need(b.kind, b.namespace, b.name),
          status: b.valid ? (rule.valid ? "ok" : "warning") : "error",
          ruleIndex: rule.index,
          backendRefIndex: b.index,
          weight: b.weight,
          weightPercent: percent,
          label: weightLabel(rule.index, percent),
        };
        if (!b.valid) {
          edge.reason = b.reason ?? "ResolvedRefs";
          if (b.message) edge.message = b.message;
          edge.label = edge.reason;
        } else if (!rule.valid && rule.invalidReason) {
          edge.reason = rule.invalidReason;
          if (rule.invalidMessage) edge.message = rule.invalidMessage;
        } else if (b.implementation?.supportAssumed !== undefined) {
          markAssumedSupport(edge, b.assumed ?? "");
        } else if (b.assumedGrant !== undefined) {
          markAssumedGrant(edge, b.assumedGrant);
        }
        out.push(edge);
      }
    }
  }
}

/** A backend kind only an assumed controller supports: said on the edge, the sentence as its title. */
function markAssumedSupport(edge: GraphEdge, sentence: string): void {
  edge.label = `${edge.label ?? ""} · kind assumed`;
  edge.message = sentence;
}

/** A reference only an assumed ReferenceGrant permits: said on the edge, the sentence as its title. */
function markAssumedGrant(edge: GraphEdge, sentence: string): void {
  edge.label = `${edge.label ?? ""} · grant assumed`;
  edge.message = sentence;
}

/**
 * "rule 0 · 50%": one string per rule index and percentage, shared by every edge that shows it.
 * Thousands of routes split their rules the same few ways, and each label is kept as long as the
 * graph is.
 */
export function createWeightLabels(): (ruleIndex: number, percent: number) => string {
  const byRule: Map<number, string>[] = [];
  return (ruleIndex, percent) => {
    // Rule indexes are small non-negative integers (positions in spec.rules).
    let byPercent = byRule[ruleIndex];
    if (byPercent === undefined) byRule[ruleIndex] = byPercent = new Map();
    let label = byPercent.get(percent);
    if (label === undefined) byPercent.set(percent, (label = `rule ${ruleIndex} · ${percent}%`));
    return label;
  };
}

/**
 * Route → the backend each RequestMirror filter copies requests to: from the rule's filters and
 * from each backendRef's own filters (that mirror only the requests sent to that backend).
 */
function mirrorEdges(input: SemanticGraphInput, need: Need, out: GraphEdge[]): void {
  for (const route of input.routes) {
    for (const rule of route.rules) {
      // The rule's own filters, then each backendRef's (index -1 stands for the rule): no list of
      // filter lists per rule, since nearly every rule mirrors nothing.
      for (let list = -1; list < rule.backendRefs.length; list++) {
        const backendRef = list < 0 ? undefined : rule.backendRefs[list];
        const filters = list < 0 ? rule.filters : (backendRef?.filters ?? emptyList());
        const backendRefIndex = backendRef?.index;
        // Indexed: an iterator per filter list (several per rule) showed in allocation profiles.
        for (let k = 0; k < filters.length; k++) {
          const f = filters[k];
          const m = f?.mirrorBackend;
          if (f === undefined || m === undefined) continue;
          const share = mirrorShare(f.filter);
          const edge: GraphEdge = {
            id: `mirror:${route.key}:${rule.index}:${backendRefIndex === undefined ? "" : `${backendRefIndex}:`}${f.index}`,
            kind: "mirror",
            source: route.key,
            target:
              m.target !== undefined && m.assumed === undefined
                ? m.target
                : need(m.kind, m.namespace, m.name),
            status: m.valid ? (rule.valid ? "ok" : "warning") : "error",
            ruleIndex: rule.index,
            filterIndex: f.index,
            label:
              share === undefined
                ? `mirror · rule ${rule.index}`
                : `mirror · rule ${rule.index} · ${share}`,
          };
          if (backendRefIndex !== undefined) edge.backendRefIndex = backendRefIndex;
          if (!m.valid) {
            edge.reason = m.reason ?? "ResolvedRefs";
            if (m.message) edge.message = m.message;
            edge.label = `mirror · ${edge.reason}`;
          } else if (m.assumedGrant !== undefined) {
            markAssumedGrant(edge, m.assumedGrant);
          }
          out.push(edge);
        }
      }
    }
  }
}

/** "10%" for `percent: 10` or `fraction: {numerator: 1, denominator: 10}`; undefined when every request is mirrored. */
function mirrorShare(filter: ResolvedFilter["filter"]): string | undefined {
  const mirror = (
    filter as {
      requestMirror?: {
        percent?: unknown;
        fraction?: { numerator?: unknown; denominator?: unknown };
      };
    }
  ).requestMirror;
  if (typeof mirror?.percent === "number" && mirror.percent !== 100) return `${mirror.percent}%`;
  const n = mirror?.fraction?.numerator;
  const d = mirror?.fraction?.denominator ?? 100;
  if (typeof n === "number" && typeof d === "number" && d > 0 && n !== d)
    return `${Math.round((n / d) * 1000) / 10}%`;
  return undefined;
}

function policyEdges(input: SemanticGraphInput, need: Need, out: GraphEdge[]): void {
  for (const p of input.policies) {
    const t = p.targetRef;
    const edge: GraphEdge = {
      id: `policy:${p.policy}:${p.targetRefIndex}`,
      kind: "policy",
      source: p.policy,
      target: p.target ?? need(t.kind, namespaceForKind(t.kind, t.namespace), t.name),
      status: p.target ? "ok" : "missing",
      label: t.sectionName ? `targets ${t.sectionName}` : "targets",
    };
    const assumed = assumedPolicyTarget(input, p);
    if (assumed !== undefined) {
      edge.status = "ok";
      edge.reason = "Assumed";
      edge.message = `${t.kind} ${t.namespace}/${t.name} is not in the workspace; assumed to exist because ${assumed.why}`;
    } else if (!p.target) {
      edge.reason = "TargetNotFound";
      edge.message = `${t.kind} ${t.namespace}/${t.name} is not in the input`;
    } else if (p.sectionMissing === true) {
      // The target is there, its section is not: the policy does not attach (GEP-713).
      edge.status = "missing";
      edge.reason = "SectionNotFound";
      edge.message = `${t.kind} ${t.namespace}/${t.name} has no section "${t.sectionName ?? ""}"`;
    }
    out.push(edge);
  }
}

/** A ReferenceGrant lives in the namespace it opens up; its edges point at the namespaces it admits. */
function grantEdges(input: SemanticGraphInput, out: GraphEdge[]): void {
  for (const m of input.manifests) {
    if (m.kind !== "ReferenceGrant") continue;
    const spec = m.spec as ReferenceGrantSpec;
    const to = (Array.isArray(spec.to) ? spec.to : []).map((t) => t?.kind ?? "?");
    const from = Array.isArray(spec.from) ? spec.from : [];
    from.forEach((f, i) => {
      if (!f?.namespace) return;
      out.push({
        id: `grant:${m.key}:${i}`,
        kind: "grant",
        source: m.key,
        target: resourceKey("Namespace", undefined, f.namespace),
        status: "ok",
        label: `lets ${f.kind ?? "?"} use ${to.join(", ") || "nothing"}`,
      });
    });
  }
}
