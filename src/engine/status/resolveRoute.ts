/**
 * A route's rules with every reference resolved: backendRefs (weight default 1), backendRef
 * filters, RequestMirror backends and ExtensionRef filters. Parent-independent, so it runs once
 * per route; rule validity (spec §2.6) and ResolvedRefs problems (§2.7) come out of it.
 */
import { RouteReason } from "../api/conditions";
import type { RouteKind } from "../api/kinds";
import type {
  GRPCRouteMatch,
  HTTPRouteFilter,
  HTTPRouteMatch,
  HTTPRouteRetry,
  HTTPRouteTimeouts,
  SessionPersistence,
} from "../api/spec";
import { getObject, type ResourceIndex } from "../resolve/indexResources";
import { asArray, asRecord, asRecords, asString } from "../resolve/read";
import { resolveBackendRef, sharedRefList, writableRef } from "../resolve/resolveBackendRef";
import { invalidBackendConsequence } from "../resolve/invalidBackendConsequence";
import { lookupObject } from "../resolve/world";
import type { AssumptionNote } from "./statusContext";
import { assumedGrantNote } from "./assumedGrant";
import { GATEWAY_GROUP } from "../api/kinds";
import type {
  Manifest,
  ResolvedBackendRef,
  ResolvedFilter,
  ResolvedRoute,
  ResolvedRule,
} from "../types";
import { checkRuleValidity } from "./checkRuleValidity";
import { emptyList } from "../collections/emptyList";
import { describeReading, readingValue, type Readings } from "../readings/readings";
import { implementationNotes } from "./implementationNotes";
import { parentScope } from "../resolve/meshOnlyRoute";

export interface RefProblem {
  reason: RouteReason;
  message: string;
  /** Where the failing reference is written, for diagnostics. */
  path: (string | number)[];
  /** Set when the referenced object is not in the input (it may exist in the cluster). */
  missing?: string;
}

/** Where a non-default reading changed the outcome, and how. */
export interface ReadingNote {
  path: (string | number)[];
  message: string;
}

export interface RouteResolution {
  route: ResolvedRoute;
  readingNotes: ReadingNote[];
  /** Failing references in spec order; the first one names the ResolvedRefs reason. */
  refProblems: RefProblem[];
  /** References that resolved to objects the world assumes, with where they are written. */
  assumptions: { note: AssumptionNote; path: (string | number)[] }[];
  /**
   * What the route's Service parents (mesh traffic) see, set only for a route with Gateway and
   * Service parents whose backendRefs a missing ReferenceGrant refused: mesh parents need none
   * (GEP-1294, meshOnlyRoute.ts), so for them the same rules resolve without the grant check.
   */
  meshView?: Omit<RouteResolution, "meshView">;
}

type FieldPathList = (string | number)[];

/** The API server defaults an HTTPRoute without rules to one rule matching PathPrefix "/". */
const DEFAULT_HTTP_RULES: Record<string, unknown>[] = [
  { matches: [{ path: { type: "PathPrefix", value: "/" } }] },
];

/**
 * What resolving one route's references reads and reports into. One object per route, handed to
 * the module's functions below: closures over these (four per route, with their context) were
 * allocated for every route of every analysis, and the three report lists now start only at
 * their first entry (nearly every route reports nothing and shares the frozen empty list).
 */
interface RouteRefs {
  index: ResourceIndex;
  kind: RouteKind;
  namespace: string;
  from: { kind: RouteKind; namespace: string; meshOnly: boolean };
  // The route itself goes along for the rare backendRef of an implementation-specific kind, whose
  // support depends on the route's controllers (read only then).
  refReadings: { readings: Readings | undefined; route: Manifest };
  refProblems: RefProblem[] | undefined;
  assumptions: RouteResolution["assumptions"] | undefined;
  readingNotes: ReadingNote[] | undefined;
}

export function resolveRoute(
  index: ResourceIndex,
  m: Manifest,
  kind: RouteKind,
  readings?: Readings,
): RouteResolution {
  const scope = parentScope(m.spec);
  const resolution = resolveRouteAs(index, m, kind, readings, scope === "mesh");
  // A second pass only for the rare mixed route that a grant refused: every other route is seen
  // alike by all its parents.
  if (scope === "mixed" && refusedByGrant(resolution.refProblems))
    resolution.meshView = resolveRouteAs(index, m, kind, readings, true);
  return resolution;
}

function refusedByGrant(problems: readonly RefProblem[]): boolean {
  for (let i = 0; i < problems.length; i++)
    if ((problems[i] as RefProblem).reason === RouteReason.RefNotPermitted) return true;
  return false;
}

function resolveRouteAs(
  index: ResourceIndex,
  m: Manifest,
  kind: RouteKind,
  readings: Readings | undefined,
  meshOnly: boolean,
): RouteResolution {
  const namespace = m.namespace ?? "default";
  const hasRules = Array.isArray(m.spec["rules"]);
  const rawRules = hasRules
    ? asRecords(m.spec["rules"])
    : kind === "HTTPRoute"
      ? DEFAULT_HTTP_RULES
      : [];
  const refs: RouteRefs = {
    index,
    kind,
    namespace,
    from: { kind, namespace, meshOnly },
    refReadings: { readings, route: m },
    refProblems: undefined,
    assumptions: undefined,
    readingNotes: undefined,
  };

  // Sized up front, as map would: an empty list grown by push reserves room for 17 items, and
  // a route holds one list of rules and one list of backendRefs per rule.
  const rules = new Array<ResolvedRule>(rawRules.length);
  for (let r = 0; r < rawRules.length; r++) {
    const rule = rawRules[r] ?? {};
    const writtenRefs = asRecords(rule["backendRefs"]);
    const backendRefs = new Array<ResolvedBackendRef>(writtenRefs.length);
    for (let i = 0; i < writtenRefs.length; i++) {
      const b = writtenRefs[i] ?? {};
      const ref = resolveRef(refs, b, i, r, i, undefined);
      const filters = resolveFilters(refs, b["filters"], r, i);
      // A reference without filters may be one shared by every rule that names it alike.
      if (filters.length === 0) backendRefs[i] = ref;
      else {
        const own = writableRef(ref);
        own.filters = filters;
        backendRefs[i] = own;
      }
    }
    const shared = backendRefs.length === 1 ? backendRefs[0] : undefined;
    if (
      shared !== undefined &&
      shared.weight === 0 &&
      readingValue(readings, "loneBackendZeroWeight") === "all-traffic"
    ) {
      const lone = writableRef(shared);
      backendRefs[0] = lone;
      // The traffic-splitting guide's reading: a single backend takes everything whatever its weight.
      lone.weight = 1;
      const message = `the only backendRef of rule ${r} has weight 0 and gets all the rule's traffic (${describeReading("loneBackendZeroWeight", "all-traffic")}; gwsim's default gives it none: 500)`;
      // Traces name the reading beside the backend it decided, not only the route's diagnostics.
      lone.reading = message;
      (refs.readingNotes ??= []).push({
        path: ["spec", "rules", r, "backendRefs", 0, "weight"],
        message,
      });
    }
    const resolved: ResolvedRule = {
      index: r,
      matches: asArray(rule["matches"]) as HTTPRouteMatch[] | GRPCRouteMatch[],
      filters: resolveFilters(refs, rule["filters"], r, undefined),
      backendRefs: sharedRefList(backendRefs),
      valid: true,
    };
    const name = asString(rule["name"]);
    if (name !== undefined) resolved.name = name;
    const problem = checkRuleValidity(kind, rule);
    if (problem) {
      resolved.valid = false;
      resolved.invalidReason = problem.reason;
      resolved.invalidMessage = problem.message;
    }
    const timeouts = asRecord(rule["timeouts"]);
    if (timeouts) resolved.timeouts = timeouts as HTTPRouteTimeouts;
    const retry = asRecord(rule["retry"]);
    if (retry) resolved.retry = retry as HTTPRouteRetry;
    const session = asRecord(rule["sessionPersistence"]);
    if (session) resolved.sessionPersistence = session as SessionPersistence;
    rules[r] = resolved;
  }

  const route: ResolvedRoute = {
    key: m.key,
    kind,
    namespace,
    name: m.name,
    hostnames:
      kind === "TCPRoute" || kind === "UDPRoute" ? [] : stringItems(asArray(m.spec["hostnames"])),
    rules,
  };
  if (m.creationTimestamp !== undefined) route.creationTimestamp = m.creationTimestamp;
  return {
    route,
    refProblems: refs.refProblems ?? emptyList(),
    readingNotes: refs.readingNotes ?? emptyList(),
    assumptions: refs.assumptions ?? emptyList(),
  };
}

// Where a reference is written, spelt out only for one that has something to report (most
// resolve silently): the places travel as numbers, not as a path per reference. `r` is the rule,
// `b` the backendRef index (undefined for the rule's own filters), `f` a mirror's filter.
function filtersPath(r: number, b: number | undefined): FieldPathList {
  return b === undefined
    ? ["spec", "rules", r, "filters"]
    : ["spec", "rules", r, "backendRefs", b, "filters"];
}

function refPath(r: number, b: number | undefined, f: number | undefined): FieldPathList {
  return f === undefined
    ? ["spec", "rules", r, "backendRefs", b ?? 0]
    : [...filtersPath(r, b), f, "requestMirror", "backendRef"];
}

function resolveRef(
  refs: RouteRefs,
  raw: unknown,
  i: number,
  r: number,
  b: number | undefined,
  f: number | undefined,
): ResolvedBackendRef {
  const { index, kind, namespace } = refs;
  // A mirror's backendRef (rare) carries the flag: a closed world only stops the copy.
  const ref = resolveBackendRef(
    index,
    refs.from,
    raw,
    i,
    f === undefined ? refs.refReadings : { ...refs.refReadings, mirror: true },
  );
  // Set here only when a reading decided the reference (the lone-backend reading comes later).
  if (ref.reading !== undefined)
    (refs.readingNotes ??= []).push({ path: [...refPath(r, b, f), "port"], message: ref.reading });
  if (!ref.valid && ref.reason && ref.message) {
    const problem: RefProblem = {
      reason: ref.reason,
      message: ref.message,
      path: refPath(r, b, f),
    };
    if (
      ref.reason === RouteReason.BackendNotFound &&
      !getObject(index, ref.kind, ref.namespace, ref.name)
    )
      problem.missing = `${ref.kind} ${ref.namespace}/${ref.name}`;
    (refs.refProblems ??= []).push(problem);
  }
  if (ref.assumedGrantWhy !== undefined) {
    (refs.assumptions ??= []).push({
      note: assumedGrantNote(
        { group: GATEWAY_GROUP, kind, namespace },
        { group: ref.group, kind: ref.kind, namespace: ref.namespace },
        ref.assumedGrantWhy,
      ),
      path: refPath(r, b, f),
    });
  }
  if (ref.implementation !== undefined) {
    for (const note of implementationNotes(ref))
      (refs.assumptions ??= []).push({ note, path: refPath(r, b, f) });
  } else if (ref.assumed !== undefined) {
    const facts = [...(ref.port !== undefined ? [`port ${ref.port}`] : []), "one ready endpoint"];
    (refs.assumptions ??= []).push({
      note: {
        code: "assume.service",
        kind: "Service",
        namespace: ref.namespace,
        name: ref.name,
        why: ref.assumedWhy ?? "",
        facts,
        closedWorld: `${invalidBackendConsequence(kind, f !== undefined).sentence} (BackendNotFound)`,
      },
      path: refPath(r, b, f),
    });
  }
  return ref;
}

/** A rule's or a backendRef's filters; most have none and share one frozen empty list. */
function resolveFilters(
  refs: RouteRefs,
  raw: unknown,
  r: number,
  b: number | undefined,
): ResolvedFilter[] {
  const written = asRecords(raw);
  if (written.length === 0) return emptyList();
  const { index, namespace } = refs;
  return written.map((f, i) => {
    const filter = f as HTTPRouteFilter;
    const out: ResolvedFilter = { index: i, filter };
    const mirror = asRecord(asRecord(f["requestMirror"])?.["backendRef"]);
    if (asString(f["type"]) === "RequestMirror" && mirror) {
      out.mirrorBackend = resolveRef(refs, mirror, 0, r, b, i);
    }
    const ext = asRecord(f["extensionRef"]);
    if (asString(f["type"]) === "ExtensionRef" && ext) {
      const extKind = asString(ext["kind"]) ?? "";
      const extName = asString(ext["name"]) ?? "";
      const target = lookupObject(index, extKind, namespace, extName);
      if (target.state === "assumed") {
        out.extensionRefAssumed = true;
        (refs.assumptions ??= []).push({
          note: {
            code: "assume.object",
            kind: extKind,
            namespace,
            name: extName,
            why: target.why,
            facts: [],
            closedWorld: "the route reports ResolvedRefs=False (InvalidKind) for it",
          },
          path: [...filtersPath(r, b), i, "extensionRef"],
        });
      } else if (target.state === "missing") {
        out.extensionRefMissing = true;
        (refs.refProblems ??= []).push({
          reason: RouteReason.InvalidKind,
          message: `extensionRef ${asString(ext["group"]) ?? ""}/${extKind} ${namespace}/${extName} is not in the input; requests reaching this filter get an error`,
          path: [...filtersPath(r, b), i, "extensionRef"],
          missing: `${extKind} ${namespace}/${extName}`,
        });
      }
    }
    return out;
  });
}

export function describeRule(rule: ResolvedRule): string {
  return rule.name ? `rule ${rule.index} (${rule.name})` : `rule ${rule.index}`;
}

/**
 * The strings of a list, in order. A copy of a list of strings (nearly every hostnames list) is
 * sized to its items, where filter() grows its result like push() does (room for 17 items after
 * the first) and every route kept that room as long as the analysis.
 */
function stringItems(list: readonly unknown[]): string[] {
  for (const item of list)
    if (typeof item !== "string") return list.filter((h): h is string => typeof h === "string");
  return list.slice() as string[];
}
