/**
 * diffRevisions: what replacing revision `base` of the manifests by `head` does: objects added,
 * removed and changed; every status change a controller would write, with its reason in words;
 * and every request whose outcome changes. The requests are the caller's (case files) plus, for
 * each rule of each route in either revision, one that reaches it and one that just misses it.
 * The comparison is the what-if's (compareStatus, compareRequest): exact shares, no sampling.
 */
import { analyze } from "../analyze";
import type { Analysis } from "../analysisTypes";
import { parseResourceKey, type ResourceKey } from "../api/keys";
import { loadManifests, type SourceLocator } from "../load/loadManifests";
import { createParseCache } from "../load/parseCache";
import { printTrace } from "../print/printTrace";
import { compileRouter } from "../routing/compileRouter";
import type { Router } from "../routing/router";
import { routeRequest, type RouteResult } from "../simulate/routeRequest";
import { traceRequest } from "../simulate/traceRequest";
import type { AnalyzeOptions, Manifest, ResolvedRoute, SourceFile, SourceLocation } from "../types";
import { compareStatus } from "../whatif/compareStatus";
import { compareRequest } from "../whatif/compareWhatIf";
import { summarizeOutcome } from "../whatif/summarizeOutcome";
import type { OutcomeSummary } from "../whatif/types";
import { dedupeProbes, deriveRuleProbes } from "./deriveRuleProbes";
import { diffObjects } from "./diffObjects";
import type {
  ChangedObject,
  DiffCategory,
  DiffProbe,
  RequestDiff,
  RevisionDiff,
  StatusDiff,
} from "./diffTypes";

export interface DiffOptions {
  /** Passed to analyze() for both revisions. */
  analyze?: AnalyzeOptions;
  /** Requests to send to both revisions besides the derived ones (from the user's case files). */
  requests?: readonly DiffProbe[];
}

interface Revision {
  /** A rule's resolved form as JSON, by "routeKey#rule", filled as requests land on rules. */
  ruleJson: Map<string, string>;
  routeByKey: Map<string, ResolvedRoute>;
  manifests: Manifest[];
  byKey: Map<string, Manifest>;
  locator: SourceLocator;
  analysis: Analysis;
  router: Router;
}

export function diffRevisions(
  base: readonly SourceFile[],
  head: readonly SourceFile[],
  options: DiffOptions = {},
): RevisionDiff {
  const before = loadRevision(base, options.analyze);
  const after = loadRevision(head, options.analyze);
  const objects = diffObjects(before.manifests, after.manifests, after.locator);
  const changedByKey = new Map(objects.changed.map((c) => [resourceKeyOf(c), c]));
  const status = compareStatus(before.analysis.status, after.analysis.status).map(
    (c): StatusDiff => {
      const ref = parseResourceKey(c.object);
      const entry: StatusDiff = {
        kind: ref.kind,
        namespace: ref.namespace ?? null,
        name: ref.name,
        scope: c.field,
        before: c.before,
        after: c.after,
      };
      if (c.beforeMessage !== undefined) entry.beforeMessage = c.beforeMessage;
      if (c.afterMessage !== undefined) entry.afterMessage = c.afterMessage;
      const at = objectLocation(after, c.object, changedByKey.get(c.object));
      if (at !== undefined) entry.at = at;
      return entry;
    },
  );
  const userProbes = options.requests ?? [];
  const derived = dedupeProbes([
    ...deriveRuleProbes(before.analysis),
    ...deriveRuleProbes(after.analysis),
  ]);
  const probes = dedupeProbes([...userProbes, ...derived]);
  const requests: RequestDiff[] = [];
  const sameGateways =
    JSON.stringify(before.analysis.gateways) === JSON.stringify(after.analysis.gateways);
  for (const probe of probes) {
    if (sameGateways && sameFastOutcome(before, after, probe)) continue;
    const traceBefore = traceRequest(before.router, probe.request);
    const traceAfter = traceRequest(after.router, probe.request);
    const change = compareRequest(
      { id: "", name: probe.name, request: probe.request },
      summarizeOutcome(traceBefore),
      summarizeOutcome(traceAfter),
    );
    if (!change.changed) continue;
    if (onlyTheRuleRenamed(probe, before, after, change.before, change.after)) continue;
    const entry: RequestDiff = {
      probe,
      label: change.label,
      before: change.before,
      after: change.after,
      why: withoutLabel(change.sentence, change.label),
      beforeTrace: printTrace(traceBefore),
      afterTrace: printTrace(traceAfter),
    };
    const at = decidingRule(after, change.after) ?? decidingRule(after, change.before);
    if (at !== undefined) entry.at = at;
    requests.push(entry);
  }
  return {
    objects,
    status,
    requests,
    compared: { caseFile: userProbes.length, derived: derived.length },
  };
}

/**
 * The fast path (routeRequest, no explanation) answers "same outcome" without tracing: the request
 * lands on the same rule with the same status, and that rule resolved identically (backends with
 * weights and validity, filters, timeouts), while no Gateway changed. Then shares, redirect and
 * what the backend receives are equal too. Anything else is traced and compared in full.
 */
function sameFastOutcome(before: Revision, after: Revision, probe: DiffProbe): boolean {
  const a = routeRequest(before.router, probe.request);
  const b = routeRequest(after.router, probe.request);
  if (
    a.kind !== b.kind ||
    a.status !== b.status ||
    a.grpcCode !== b.grpcCode ||
    a.route !== b.route ||
    a.ruleIndex !== b.ruleIndex
  )
    return false;
  if (a.route === undefined) return true;
  return ruleJson(before, a) === ruleJson(after, b);
}

/**
 * Traffic is what requests get, not which object says so: when the request ends the same way
 * (status, redirect, what the backend receives, exact shares) at a rule whose content is the same
 * (matches, filters, backends, timeouts; its position and name aside) in a route of another name,
 * the route was renamed or moved, which the object diff reports, and no request changed.
 */
function onlyTheRuleRenamed(
  probe: DiffProbe,
  before: Revision,
  after: Revision,
  a: OutcomeSummary,
  b: OutcomeSummary,
): boolean {
  if (a.route === undefined || b.route === undefined) return false;
  // b as if it had ended at a's rule: compareRequest then compares everything else.
  const atTheSameRule: OutcomeSummary = { ...b, route: a.route };
  if (a.ruleIndex === undefined) delete atTheSameRule.ruleIndex;
  else atTheSameRule.ruleIndex = a.ruleIndex;
  if (compareRequest({ id: "", name: "", request: probe.request }, a, atTheSameRule).changed)
    return false;
  const content = (rev: Revision, o: OutcomeSummary): string | undefined => {
    const route = rev.routeByKey.get(o.route ?? "");
    const rule = route?.rules[o.ruleIndex ?? 0];
    if (route === undefined || rule === undefined) return undefined;
    const { index: _index, name: _name, ...rest } = rule;
    return `${route.kind} ${JSON.stringify(rest)}`;
  };
  const ruleBefore = content(before, a);
  return ruleBefore !== undefined && ruleBefore === content(after, b);
}

function ruleJson(rev: Revision, r: RouteResult): string | undefined {
  const key = `${r.route ?? ""}#${r.ruleIndex ?? 0}`;
  const cached = rev.ruleJson.get(key);
  if (cached !== undefined) return cached;
  const route = rev.routeByKey.get(r.route ?? "");
  const rule = route?.rules[r.ruleIndex ?? 0];
  if (route === undefined || rule === undefined) return undefined;
  const json = `${route.kind} ${JSON.stringify(rule)}`;
  rev.ruleJson.set(key, json);
  return json;
}

/** Which of the categories `--fail-on` names changed. */
export function changedCategories(diff: RevisionDiff): DiffCategory[] {
  const out: DiffCategory[] = [];
  const o = diff.objects;
  if (o.added.length + o.removed.length + o.changed.length > 0) out.push("objects");
  if (diff.status.length > 0) out.push("status");
  if (diff.requests.length > 0) out.push("traffic");
  return out;
}

function loadRevision(
  sources: readonly SourceFile[],
  options: AnalyzeOptions | undefined,
): Revision {
  // One cache per revision: the load for the locator and analyze() then parse every document once.
  const parseCache = createParseCache();
  const loaded = loadManifests(sources, {}, parseCache);
  const analysis = analyze(sources, { ...options, parseCache });
  return {
    ruleJson: new Map(),
    routeByKey: new Map(analysis.routes.map((r) => [r.key, r])),
    manifests: loaded.manifests,
    byKey: new Map(loaded.manifests.map((m) => [m.key, m])),
    locator: loaded.locator,
    analysis,
    router: compileRouter(analysis),
  };
}

function resourceKeyOf(o: { kind: string; namespace: string | null; name: string }): string {
  return `${o.kind}/${o.namespace ?? ""}/${o.name}`;
}

/** The object's first changed line in head, or where it starts; undefined when head lacks it. */
function objectLocation(
  rev: Revision,
  key: ResourceKey,
  changed: ChangedObject | undefined,
): SourceLocation | undefined {
  const first = changed?.fields[0];
  if (first !== undefined) return first.at;
  const manifest = rev.byKey.get(key);
  return manifest === undefined ? undefined : rev.locator.locate(manifest, []);
}

function decidingRule(rev: Revision, outcome: OutcomeSummary): SourceLocation | undefined {
  if (outcome.route === undefined) return undefined;
  const manifest = rev.byKey.get(outcome.route);
  return manifest === undefined
    ? undefined
    : rev.locator.locate(manifest, ["spec", "rules", outcome.ruleIndex ?? 0]);
}

/** The what-if sentence repeats the request ("GET a/b moves from …"); the diff shows the request beside it. */
function withoutLabel(sentence: string, label: string): string {
  if (!sentence.startsWith(label)) return sentence;
  return sentence.slice(label.length).replace(/^[:,]?\s+/, "");
}
