/**
 * The status stage: what a conformant controller (gwsim, controller of every GatewayClass in the
 * input) would write to each object, the reasoning behind route attachment, and the resolved
 * model routing reads. Order matters: listeners are settled before routes attach, and routes are
 * counted before listener status is written.
 */
import { resourceKey, type ResourceKey } from "../api/keys";
import type { Readings } from "../readings/readings";
import { GATEWAY_GROUP } from "../api/kinds";
import {
  describeAssumption,
  lookupObject,
  type AssumedObject,
  type WorldLookup,
} from "../resolve/world";
import type { SourceLocator } from "../load/loadManifests";
import { listKind, type ResourceIndex } from "../resolve/indexResources";
import { asRecords, asString } from "../resolve/read";
import { resolvePolicyAttachments } from "../resolve/resolvePolicyAttachments";
import { describeSite, namespaceLabelPlan } from "../resolve/namespaceLabelPlan";
import type { WellKnownGatewayClass } from "../resolve/wellKnownGatewayClasses";
import type {
  Diagnostic,
  GatewayModel,
  Manifest,
  PolicyAttachment,
  ResolvedRoute,
  RouteAttachment,
  RouteParentExplain,
  RouteStatus,
  StatusReport,
} from "../types";
import { assessGateway, type GatewayAssessment } from "./assessGateway";
import { buildGatewayListeners, type GatewayListeners } from "./buildGatewayListeners";
import { computeGatewayClassStatus, type GatewayClassOutcome } from "./computeGatewayClassStatus";
import { computeRouteStatuses } from "./computeRouteStatuses";
import { createAdmissionMemo } from "./checkListenerAdmission";
import type { MeshBinding } from "../mesh/meshTypes";
import {
  assumptionDiagnostics,
  recordAssumption,
  reportDiagnostic,
  type StatusContext,
} from "./statusContext";
import { validateListener } from "./validateListener";
import { writeGatewayStatus } from "./writeGatewayStatus";
import { appendAll } from "../collections/appendAll";
import { needEngineModule } from "../modules/engineModules";
import { assumePolicyTarget } from "./assumePolicyTarget";
import { placeholderAddress, placeholderNumbers } from "./placeholderAddress";

export interface StatusResult {
  status: StatusReport;
  explain: RouteParentExplain[];
  /** Every route × Service parentRef (GAMMA). */
  meshBindings: MeshBinding[];
  /** Routes as their Service parents see them, where that differs from `routes` (rare). */
  meshRoutes: ResolvedRoute[];
  gateways: GatewayModel[];
  routes: ResolvedRoute[];
  attachments: RouteAttachment[];
  policies: PolicyAttachment[];
  diagnostics: Diagnostic[];
  /** Objects the input references and lacks that the world assumed (resolve/world.ts). */
  assumptions: AssumedObject[];
  /**
   * Every modelled Gateway's merged listeners as this stage settled them, in input order: the
   * isolation lens asks its admission questions of these, so it cannot disagree with the status.
   * Working state with Manifest references: it stays in the worker, never in the Analysis.
   */
  listeners: ReadonlyMap<ResourceKey, GatewayListeners>;
  /** Where the route loop's findings sit in `diagnostics` ([from, to): RouteStatusResult). */
  routeDiagnostics: readonly [number, number];
}

export function computeStatus(
  index: ResourceIndex,
  locator: SourceLocator,
  options: { clock: () => string; readings?: Readings },
): StatusResult {
  const ctx: StatusContext = {
    index,
    locator,
    now: options.clock(),
    diagnostics: [],
    assumptions: new Map(),
    admission: createAdmissionMemo(),
  };
  if (options.readings !== undefined) ctx.readings = options.readings;
  const status: StatusReport = {};

  const classes = new Map<string, GatewayClassOutcome>();
  for (const cls of ofGatewayApi(index, "GatewayClass")) {
    const outcome = computeGatewayClassStatus(ctx, cls);
    classes.set(cls.name, outcome);
    status[cls.key] = outcome.status;
  }

  const built = new Map<string, GatewayListeners>();
  const listeners = new Map<ResourceKey, GatewayListeners>();
  const assessments = new Map<string, GatewayAssessment>();
  const unreconciled: GatewayModel[] = [];
  const placeholders = placeholderNumbers(
    ofGatewayApi(index, "Gateway")
      .filter((gw) => {
        const className = asString(gw.spec["gatewayClassName"]) ?? "";
        if (className === "") return false;
        return classes.get(className)?.accepted ?? classAssumption(ctx, className) !== undefined;
      })
      .map((gw) => gw.key),
  );
  for (const gw of ofGatewayApi(index, "Gateway")) {
    const className = asString(gw.spec["gatewayClassName"]) ?? "";
    if (className === "") {
      // No class named (the schema error says the field is required): no controller picks the
      // Gateway up, and there is no class to look up or assume.
      unreconciled.push(unreconciledModel(ctx, gw));
      listeners.set(gw.key, describeUnreconciledListeners(ctx, gw));
      continue;
    }
    const cls = classes.get(className) ?? assumeGatewayClass(ctx, gw, className);
    if (!cls) {
      const declared =
        ctx.index.world.mode === "auto"
          ? ofGatewayApi(index, "GatewayClass").map((c) => ({ name: c.name, file: c.source.file }))
          : undefined;
      reportDiagnostic(
        ctx,
        "ref.not-found",
        gw,
        ["spec", "gatewayClassName"],
        needEngineModule("diagnosticWords").missingClassMessage(
          className,
          gw.source.file,
          declared,
        ),
      );
      unreconciled.push(unreconciledModel(ctx, gw));
      listeners.set(gw.key, describeUnreconciledListeners(ctx, gw));
      continue;
    }
    if (!cls.accepted) {
      reportDiagnostic(
        ctx,
        "status.gateway-not-reconciled",
        gw,
        ["spec", "gatewayClassName"],
        `GatewayClass ${className} is not accepted, so no controller reconciles this Gateway and it has no status.`,
      );
      unreconciled.push(unreconciledModel(ctx, gw));
      listeners.set(gw.key, describeUnreconciledListeners(ctx, gw));
      continue;
    }
    const placeholder = placeholderAddress(placeholders.get(gw.key) ?? 1);
    assessments.set(gw.key, assessGateway(ctx, gw, placeholder));
    const merged = buildGatewayListeners(ctx, gw);
    built.set(gw.key, merged);
    listeners.set(gw.key, merged);
  }
  reportOrphanListenerSets(ctx, built);

  const controllerOf = (gatewayKey: string): string => {
    const gw = index.byKey.get(gatewayKey as Manifest["key"]);
    const className = asString(gw?.spec["gatewayClassName"]) ?? "";
    return (
      classes.get(className)?.controllerName ??
      (ctx.assumptions.has(resourceKey("GatewayClass", undefined, className))
        ? (assumedWellKnownClass(ctx, className)?.controllerName ?? ASSUMED_CONTROLLER)
        : "")
    );
  };
  const routes = computeRouteStatuses(ctx, built, (gw) => controllerOf(gw.key));

  const gateways: GatewayModel[] = [];
  for (const [key, b] of built) {
    const assessment = assessments.get(key);
    if (!assessment) continue;
    const written = writeGatewayStatus(ctx, b, assessment);
    status[key] = written.status;
    for (const ls of written.listenerSets) status[ls.key] = ls.status;
    const model: GatewayModel = { ...written.model };
    if (assessment.backendClientCertificate !== undefined)
      model.backendClientCertificate = assessment.backendClientCertificate;
    const assumedClass = ctx.assumptions.get(
      resourceKey("GatewayClass", undefined, model.className),
    );
    if (assumedClass)
      model.assumed = [
        describeAssumption(
          `GatewayClass ${model.className}`,
          `assumed Accepted (${describeClassController(assumedWellKnownClass(ctx, model.className), false)})`,
          assumedClass.object.closedWorld,
        ),
      ];
    gateways.push(model);
  }
  appendAll(gateways, unreconciled);
  // In input order, as a Map's forEach gave them: a key written twice keeps its first place and
  // its last value, in the report as in a Map.
  const { statusKeys, statuses } = routes;
  for (let i = 0; i < statusKeys.length; i++)
    status[statusKeys[i] as string] = statuses[i] as RouteStatus;
  // BackendTLSPolicy's status is an on-demand engine module (modules/engineModules.ts): asked for
  // only when there is such a policy; without one no route backend is marked.
  let resolvedRoutes: ResolvedRoute[];
  if (listKind(index, "BackendTLSPolicy").some((p) => p.group === GATEWAY_GROUP)) {
    const backendTlsModule = needEngineModule("backendTls");
    const backendTLS = backendTlsModule.computeBackendTLSPolicyStatus(
      ctx,
      routes.routes,
      routes.attachments,
      controllerOf,
    );
    for (const [key, policyStatus] of backendTLS.statuses) status[key] = policyStatus;
    resolvedRoutes = backendTlsModule.withBackendTLS(ctx, routes.routes, backendTLS.sniByTarget);
  } else {
    // The status stage's own list, made for this result and read by nothing else: no copy.
    resolvedRoutes = routes.routes;
  }

  const policies = resolvePolicyAttachments(index);
  for (const p of policies) {
    const m = index.byKey.get(p.policy);
    if (p.namespaceIgnored !== undefined && m) {
      const local = needEngineModule("diagnosticWords").describeNonLocalPolicyTarget(p, m);
      reportDiagnostic(ctx, "ref.policy-target-namespace", m, local.path, local.message);
    }
    if (!p.target && m && m.kind !== "BackendTLSPolicy") {
      if (assumePolicyTarget(ctx, p, m)) continue;
      // The warning at the targetRef's namespace already says where the controller looks.
      if (p.namespaceIgnored !== undefined) continue;
      const unresolved = needEngineModule("diagnosticWords").describeUnresolvedPolicyTarget(
        index,
        p,
        Array.isArray(m.spec["targetRefs"]),
      );
      reportDiagnostic(ctx, unresolved.code, m, unresolved.path, unresolved.message);
    } else if (p.target && p.targetRef.sectionName !== undefined && m) {
      const missing = needEngineModule("diagnosticWords").describeMissingPolicySection(index, p, m);
      if (missing) {
        reportDiagnostic(ctx, "ref.section-not-found", m, missing.path, missing.message);
        p.sectionMissing = true;
      }
    }
  }

  reportNamespaceLabelConflicts(ctx);

  const kept = dedupe(ctx.diagnostics);
  const [loopFrom, loopTo] = routes.loopDiagnostics;
  return {
    status,
    explain: routes.explain,
    meshBindings: routes.meshBindings,
    meshRoutes: routes.meshRoutes,
    gateways,
    routes: resolvedRoutes,
    attachments: routes.attachments,
    policies,
    diagnostics: [...kept, ...assumptionDiagnostics(ctx)],
    assumptions: [...ctx.assumptions.values()].map((a) => a.object),
    listeners,
    routeDiagnostics:
      kept.length === ctx.diagnostics.length
        ? routes.loopDiagnostics
        : [keptBefore(ctx.diagnostics, kept, loopFrom), keptBefore(ctx.diagnostics, kept, loopTo)],
  };
}

/**
 * The listeners an unreconciled Gateway would have, for the isolation lens (which shows what its
 * listeners would admit). Built with a private diagnostics list: the class warning above already
 * says why the Gateway has no status, and its listeners' problems would only repeat it.
 */
function describeUnreconciledListeners(ctx: StatusContext, gw: Manifest): GatewayListeners {
  return buildGatewayListeners({ ...ctx, diagnostics: [], assumptions: new Map() }, gw);
}

/** The controller name written on route status through a Gateway whose class is assumed. */
export const ASSUMED_CONTROLLER = "gwsim.dev/unknown-controller";

/**
 * A class the input lacks but the world assumes: installed and Accepted, its controller unknown.
 * A class an implementation installs itself by that name (GKE's `gke-l7-*`, istiod's `istio*`:
 * resolve/wellKnownGatewayClasses.ts) is assumed with that implementation's controller, also in
 * `auto` when the input holds other classes: no repository holds it. Never in a closed world.
 */
function assumeGatewayClass(
  ctx: StatusContext,
  gw: Manifest,
  className: string,
): GatewayClassOutcome | undefined {
  const assumption = classAssumption(ctx, className);
  if (assumption === undefined) return undefined;
  const { found, known } = assumption;
  recordAssumption(
    ctx,
    {
      code: "assume.gateway-class",
      kind: "GatewayClass",
      name: className,
      why:
        found.state === "assumed"
          ? found.why
          : `${ctx.index.world.mode}: ${known!.installedBy} installs GatewayClass ${className} itself`,
      facts: ["Accepted", describeClassController(known)],
      closedWorld: "no controller reconciles its Gateways, which serve nothing",
    },
    gw,
    ["spec", "gatewayClassName"],
  );
  return {
    accepted: true,
    controllerName: known?.controllerName ?? ASSUMED_CONTROLLER,
    status: { conditions: [] },
  };
}

/**
 * Whether the world assumes a GatewayClass the input lacks, and on what: records nothing (the
 * placeholder addresses ask it of every Gateway before any is reconciled).
 */
function classAssumption(
  ctx: StatusContext,
  className: string,
): { found: WorldLookup; known: WellKnownGatewayClass | undefined } | undefined {
  const found = lookupObject(ctx.index, "GatewayClass", undefined, className);
  // A class in the input is not assumed: asked of every Gateway, this must not load the table.
  if (found.state === "found") return undefined;
  const known = assumedWellKnownClass(ctx, className);
  if (found.state !== "assumed" && (found.state !== "missing" || known === undefined))
    return undefined;
  return { found, known };
}

function assumedWellKnownClass(
  ctx: StatusContext,
  className: string,
): WellKnownGatewayClass | undefined {
  // The table loads on demand with the implementation-support module: only a class the input
  // lacks is looked up in it.
  return ctx.index.world.mode === "closed"
    ? undefined
    : needEngineModule("implementationSupport").wellKnownGatewayClass(className);
}

/**
 * "controller unknown", or "controller networking.gke.io/gateway, installed by GKE (…) under this
 * name", with the documentation pointer for the note (traces stay short).
 */
function describeClassController(known: WellKnownGatewayClass | undefined, withDoc = true): string {
  if (known === undefined) return "controller unknown";
  const doc = withDoc ? ` (${known.doc})` : "";
  return `controller ${known.controllerName}, installed by ${known.installedBy} under this name${doc}`;
}

/** A Gateway no controller reconciles serves nothing; routing still sees its listeners, none ready. */
function unreconciledModel(ctx: StatusContext, gw: Manifest): GatewayModel {
  // Validation here only describes the listeners; its diagnostics would repeat the class warning.
  const quiet: StatusContext = { ...ctx, diagnostics: [], assumptions: new Map() };
  const listeners = asRecords(gw.spec["listeners"]).map((raw, i) =>
    validateListener(quiet, gw, gw, raw, i),
  );
  return {
    key: gw.key,
    namespace: gw.namespace ?? "",
    name: gw.name,
    className: asString(gw.spec["gatewayClassName"]) ?? "",
    reconciled: false,
    listeners: listeners.map((l) => {
      const model: GatewayModel["listeners"][number] = {
        gateway: gw.key,
        owner: gw.key,
        name: l.name,
        port: l.port,
        protocol: l.protocol,
        ready: false,
        supportedKinds: l.supportedKinds,
      };
      if (l.hostname !== undefined) model.hostname = l.hostname;
      if (l.tlsMode !== undefined) model.tlsMode = l.tlsMode;
      return model;
    }),
  };
}

function ofGatewayApi(index: ResourceIndex, kind: string): Manifest[] {
  return listKind(index, kind).filter((m) => m.group === GATEWAY_GROUP && m.modelled);
}

function reportOrphanListenerSets(
  ctx: StatusContext,
  built: ReadonlyMap<string, GatewayListeners>,
): void {
  const claimed = new Set(
    [...built.values()].flatMap((b) => b.listenerSets.map((a) => a.listenerSet)),
  );
  for (const ls of ofGatewayApi(ctx.index, "ListenerSet")) {
    if (claimed.has(ls)) continue;
    const name =
      asString((ls.spec["parentRef"] as Record<string, unknown> | undefined)?.["name"]) ?? "";
    const ns =
      asString((ls.spec["parentRef"] as Record<string, unknown> | undefined)?.["namespace"]) ??
      ls.namespace;
    // An unnamed parentRef (the schema error reports it) names no Gateway to assume or miss.
    if (name === "") continue;
    const parent = lookupObject(ctx.index, "Gateway", ns, name);
    if (parent.state === "assumed") {
      recordAssumption(
        ctx,
        {
          code: "assume.parent",
          kind: "Gateway",
          namespace: ns ?? "",
          name,
          why: parent.why,
          facts: ["its acceptance of this ListenerSet is unknown"],
          closedWorld: "the ListenerSet has no status",
        },
        ls,
        ["spec", "parentRef"],
      );
    } else if (parent.state === "missing") {
      reportDiagnostic(
        ctx,
        "ref.not-found",
        ls,
        ["spec", "parentRef"],
        `parentRef Gateway ${ns}/${name} is not in the input, so this ListenerSet has no status.`,
      );
    }
  }
}

/** A CA bundle shared by listeners on one port is checked once per listener; report it once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How many of `all`'s first `end` diagnostics dedupe kept (`kept` is in `all`'s order). */
function keptBefore(all: readonly Diagnostic[], kept: readonly Diagnostic[], end: number): number {
  let k = 0;
  for (let i = 0; i < end; i++) if (kept[k] === all[i]) k++;
  return k;
}

/** Each selector whose assumed labels would contradict those assumed earlier for its namespace. */
function reportNamespaceLabelConflicts(ctx: StatusContext): void {
  for (const c of namespaceLabelPlan(ctx.index).conflicts) {
    const at = ctx.locator.locate(c.against.holder, c.against.path);
    const asker = `${c.askedBy.kind} ${c.askedBy.namespace ?? ""}/${c.askedBy.name}`;
    const first = `${c.against.askedBy.kind} ${c.against.askedBy.namespace ?? ""}/${c.against.askedBy.name}`;
    reportDiagnostic(
      ctx,
      "assume.namespace-labels-conflict",
      c.site.holder,
      c.site.path,
      `${describeSite(c.site)} needs labels on namespace ${c.namespace} (for ${asker}) that contradict the labels already assumed for it: ${describeSite(c.against)} (at ${at.file}:${at.line}:${at.column}, for ${first}). The input holds no Namespace ${c.namespace}; gwsim assumes one set of labels per namespace, in document order, so this selector does not match it. Add the Namespace ${c.namespace} with its labels to the input to check.`,
    );
  }
}
