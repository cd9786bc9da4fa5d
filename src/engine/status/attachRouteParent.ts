/**
 * One route × one parentRef (spec §2.4): resolve the parent, run every listener through the
 * admission checks, and settle Accepted with the reason of the funnel stage where the last
 * candidate dropped out: NoMatchingParent → NotAllowedByListeners → NoMatchingListenerHostname,
 * then rule validity. A parent gwsim cannot resolve gets no status entry at all.
 */
import { phraseList } from "../print/phraseList";
import { RouteReason } from "../api/conditions";
import { GATEWAY_GROUP } from "../api/kinds";
import { resourceKey } from "../api/keys";
import { lookupObject, type WorldLookup } from "../resolve/world";
import { needEngineModule } from "../modules/engineModules";
import { asNumber, asRecords, asString } from "../resolve/read";
import {
  copyParentRefAsWritten,
  describeParentRef,
  resolveParentRef,
  type ResolvedParentRef,
} from "../resolve/resolveParentRef";
import type {
  AttachmentCheck,
  ListenerExplain,
  Manifest,
  ResolvedRoute,
  ResolvedRule,
  ResourceKey,
  RouteAttachment,
  RouteParentExplain,
} from "../types";
import type { GatewayListeners } from "./buildGatewayListeners";
import { checkListenerAdmission, type ListenerAdmission } from "./checkListenerAdmission";
import { describeRule } from "./resolveRoute";
import { emptyList } from "../collections/emptyList";
import { recordAssumption, reportDiagnostic, type StatusContext } from "./statusContext";

export interface ParentOutcome {
  explain: RouteParentExplain;
  /** The listeners the route attaches to through this parentRef (empty unless accepted). */
  admitted: ListenerAdmission[];
  gateway?: Manifest;
  /** Mesh parents: the Service and the ports of it the route binds. */
  mesh?: { service: Pick<Manifest, "key" | "namespace" | "name">; ports: number[] };
}

/** What the status stage records for the route attached to one listener through one parentRef. */
export function routeAttachment(
  route: ResourceKey,
  parentRefIndex: number,
  a: ListenerAdmission,
): RouteAttachment {
  const out: RouteAttachment = {
    route,
    parentRefIndex,
    gateway: a.listener.gateway.key,
    listener: a.listener.name,
    owner: a.listener.owner.key,
    hostnames: a.effectiveHostnames,
  };
  const note = a.namespaceAssumption;
  if (note !== undefined)
    out.assumed = [
      `Namespace ${note.name ?? ""} is not in the workspace; assumed ${note.facts.join("; ")} (closed world: NotAllowedByListeners)`,
    ];
  return out;
}

export function attachRouteParent(
  ctx: StatusContext,
  m: Manifest,
  route: ResolvedRoute,
  parentRefIndex: number,
  gateways: ReadonlyMap<string, GatewayListeners>,
): ParentOutcome {
  const raw = asRecords(m.spec["parentRefs"])[parentRefIndex];
  const ref = resolveParentRef(raw, route.namespace);
  const explain: RouteParentExplain = {
    route: route.key,
    parentRefIndex,
    parentRef: copyParentRefAsWritten(raw),
    accepted: false,
    reason: RouteReason.Pending,
    message: "",
    checks: [],
    listeners: [],
  };
  // Where the parentRef is written, for diagnostics: only the unusual outcomes report one.

  // `name` is required (the schema error says so, located): there is no parent to look up or to
  // assume, and no controller owns an unnamed parent, so it writes no status (spec §1.4).
  if (ref.name === "")
    return noStatus(
      explain,
      "the parentRef has no name (required: the API server refuses the route), so no controller owns this parent and none writes status for it",
      [{ check: "parent-exists", pass: false, detail: "parentRef without a name" }],
    );
  if (ref.group === "" && ref.kind === "Service")
    return attachToService(ctx, m, route, ref, explain, pathOf(parentRefIndex));
  if (ref.group !== GATEWAY_GROUP || (ref.kind !== "Gateway" && ref.kind !== "ListenerSet")) {
    return noStatus(
      explain,
      `parentRef kind ${ref.group ? `${ref.group}/` : ""}${ref.kind} is not a parent gwsim reconciles (Gateway, ListenerSet, or core Service)`,
      [],
    );
  }
  const found = lookupObject(ctx.index, ref.kind, ref.namespace, ref.name);
  if (found.state === "assumed") {
    recordAssumption(
      ctx,
      {
        code: "assume.parent",
        kind: ref.kind,
        namespace: ref.namespace,
        name: ref.name,
        why: found.why,
        facts: ["whether it accepts the route is unknown"],
        closedWorld: "the route has no status for this parent",
      },
      m,
      pathOf(parentRefIndex),
    );
    explain.unknownParent = true;
    const meant = needEngineModule("diagnosticWords").suggestParent(ctx.index, ref);
    const unknown = `unknown: ${ref.kind} ${ref.namespace}/${ref.name} is not in the workspace (${found.why}); its controller decides whether it accepts the route`;
    return noStatus(explain, meant === undefined ? unknown : `${unknown}; ${meant}`, [
      {
        check: "parent-exists",
        pass: true,
        detail: `${ref.kind} ${ref.namespace}/${ref.name} is not in the workspace; assumed to exist (closed world: no status for this parent)${meant === undefined ? "" : `; ${meant}`}`,
      },
    ]);
  }
  const parent = found.state === "found" ? found.object : undefined;
  if (!parent) {
    const words = needEngineModule("diagnosticWords");
    const meant = words.suggestParent(ctx.index, ref);
    const also = meant === undefined ? "" : `; ${meant}`;
    reportDiagnostic(
      ctx,
      "ref.not-found",
      m,
      pathOf(parentRefIndex),
      words.missingParentMessage(
        `${ref.kind} ${ref.namespace}/${ref.name}`,
        whyMissing(found),
        meant,
      ),
    );
    return noStatus(
      explain,
      `${ref.kind} ${ref.namespace}/${ref.name} is not in the input; a controller writes no status for a parent it cannot see${also}`,
      [
        {
          check: "parent-exists",
          pass: false,
          detail: `${ref.kind} ${ref.namespace}/${ref.name} not found${also}`,
        },
      ],
    );
  }
  explain.parent = parent.key;
  const [parentExists, parentReconciled] = parentFoundChecks(ctx, parent, ref);
  const built =
    ref.kind === "Gateway"
      ? gateways.get(parent.key)
      : [...gateways.values()].find((g) => g.listenerSets.some((a) => a.listenerSet === parent));
  if (!built) {
    const checks: AttachmentCheck[] = [parentExists];
    const assumedGateway = ref.kind === "ListenerSet" ? assumedParentGateway(ctx, parent) : "";
    if (assumedGateway) {
      // The ListenerSet's Gateway is outside the workspace and the world assumes it (the
      // ListenerSet records that assumption): its controller decides, as for an assumed Gateway.
      explain.unknownParent = true;
      return noStatus(
        explain,
        `unknown: ListenerSet ${ref.namespace}/${ref.name}'s parent ${assumedGateway}; its controller decides whether it accepts the ListenerSet and the route`,
        [
          ...checks,
          {
            check: "parent-reconciled",
            pass: true,
            detail: `the parent ${assumedGateway} (closed world: no status for this parent)`,
          },
        ],
      );
    }
    const why =
      ref.kind === "Gateway"
        ? `Gateway ${ref.namespace}/${ref.name} is not reconciled: ${needEngineModule("diagnosticWords").describeClassProblem(ctx, asString(parent.spec["gatewayClassName"]))}`
        : `ListenerSet ${ref.namespace}/${ref.name} has no reconciled parent Gateway`;
    checks.push({ check: "parent-reconciled", pass: false, detail: why });
    return noStatus(explain, `${why}; no controller writes status for it`, checks);
  }
  // At its length: a list grown by push keeps room for 17 checks.
  const checks: AttachmentCheck[] = [parentExists, parentReconciled];
  explain.checks = checks;

  const admission =
    ref.kind === "ListenerSet"
      ? built.listenerSets.find((a) => a.listenerSet === parent)
      : undefined;
  if (admission && !admission.allowed) {
    checks[checks.length - 1] = {
      check: "parent-reconciled",
      pass: false,
      detail: `ListenerSet ${ref.namespace}/${ref.name} is not attached: ${admission.detail}`,
    };
    return settle(
      explain,
      RouteReason.NoMatchingParent,
      `ListenerSet ${ref.namespace}/${ref.name} is not accepted by its Gateway: ${admission.detail}`,
      [],
      built.gateway,
    );
  }
  // Sized up front: an empty list grown by push reserves room for 17 admissions.
  let candidates = 0;
  // Indexed loops: this runs once per parentRef of every route (see computeRouteStatuses).
  const listeners = built.listeners;
  for (let i = 0; i < listeners.length; i++)
    if ((listeners[i] as (typeof listeners)[number]).owner === parent) candidates++;
  const admissions = new Array<ListenerAdmission>(candidates);
  // failsAt names the first stage a listener fails, so one count per stage tells how far the
  // candidates got; the per-stage lists are built only to word a rejection.
  let pastParent = 0;
  let pastAllowed = 0;
  let passing = 0;
  let at = 0;
  for (let i = 0; i < listeners.length; i++) {
    const l = listeners[i] as (typeof listeners)[number];
    if (l.owner !== parent) continue;
    const a = checkListenerAdmission(ctx.index, l, ref, route, ctx.admission);
    admissions[at++] = a;
    if (a.failsAt === "parent") continue;
    pastParent++;
    // At the parentRef: the route's author meant to attach there, and reads the result there.
    if (a.namespaceAssumption !== undefined)
      recordAssumption(ctx, a.namespaceAssumption, m, pathOf(parentRefIndex));
    if (a.failsAt === "allowed") continue;
    pastAllowed++;
    if (a.failsAt === undefined) passing++;
  }
  explain.listeners = admissions.map((a): ListenerExplain => ({
    gateway: built.gateway.key,
    owner: a.listener.owner.key,
    listener: a.listener.name,
    attached: !a.failsAt,
    checks: a.checks,
    effectiveHostnames: a.effectiveHostnames,
  }));
  // No closures for the funnel's stages or the parent's name: they would be made for every route
  // and parentRef, and only the rare rejections read them.
  const admitted =
    passing === admissions.length ? admissions : admissions.filter((a) => a.failsAt === undefined);
  if (pastParent === 0) {
    const wanted = [
      ref.sectionName !== undefined ? `sectionName ${ref.sectionName}` : "",
      ref.port !== undefined ? `port ${ref.port}` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    return settle(
      explain,
      RouteReason.NoMatchingParent,
      `no listener of ${ref.kind} ${ref.namespace}/${ref.name} matches ${wanted || "this parentRef"}`,
      [],
      built.gateway,
    );
  }
  if (pastAllowed === 0) {
    const details = pastStage(admissions, "parent").flatMap((a) =>
      a.checks
        .filter((c) => !c.pass && (c.check === "route-kind" || c.check === "namespace"))
        .map((c) => c.detail),
    );
    return settle(
      explain,
      RouteReason.NotAllowedByListeners,
      `no listener of ${describeParentRef(ref)} allows this ${route.kind}: ${phraseList(details, "; ")}`,
      [],
      built.gateway,
    );
  }
  if (passing === 0) {
    const listenerHosts = phraseList(
      pastStage(admissions, "allowed").map(
        (a) => `${a.listener.name}: ${a.listener.hostname ?? "(any)"}`,
      ),
      ", ",
    );
    return settle(
      explain,
      RouteReason.NoMatchingListenerHostname,
      `route hostnames ${route.hostnames.join(", ")} do not intersect the hostname of any allowed listener of ${describeParentRef(ref)} (${listenerHosts})`,
      [],
      built.gateway,
    );
  }
  const invalid = invalidRules(route);
  if (route.rules.length > 0 && invalid.length === route.rules.length) {
    const first = invalid[0];
    const reason = first?.invalidReason ?? RouteReason.UnsupportedValue;
    explain.checks = withCheck(checks, {
      check: "rules-valid",
      pass: false,
      detail: `every rule is invalid: ${invalid.map((r) => `${describeRule(r)}: ${r.invalidMessage ?? ""}`).join("; ")}`,
    });
    return settle(
      explain,
      reason,
      `all rules are invalid: ${invalid.map((r) => `${describeRule(r)}: ${r.invalidMessage ?? ""}`).join("; ")}`,
      [],
      built.gateway,
    );
  }
  explain.checks = withCheck(
    checks,
    invalid.length > 0
      ? {
          check: "rules-valid",
          pass: false,
          detail: `${invalid.length} of ${route.rules.length} rules dropped: ${invalid.map(describeRule).join(", ")}`,
        }
      : rulesValidCheck(ctx, route.rules.length),
  );
  return settle(
    explain,
    RouteReason.Accepted,
    acceptedMessage(ctx, admitted),
    admitted,
    built.gateway,
  );
}

/** Where parentRef `parentRefIndex` is written. */
function pathOf(parentRefIndex: number): (string | number)[] {
  return ["spec", "parentRefs", parentRefIndex];
}

/**
 * The admissions that got past a stage of the funnel ("parent": the sectionName and port checks;
 * "allowed": those and the route kind and namespace checks), in listener order.
 */
function pastStage(
  admissions: readonly ListenerAdmission[],
  stage: "parent" | "allowed",
): ListenerAdmission[] {
  return admissions.filter(
    (a) => a.failsAt !== "parent" && (stage === "parent" || a.failsAt !== "allowed"),
  );
}

/** The route's invalid rules: nearly always none, and then the one shared empty list. */
function invalidRules(route: ResolvedRoute): readonly ResolvedRule[] {
  let count = 0;
  for (let i = 0; i < route.rules.length; i++) if (!(route.rules[i] as ResolvedRule).valid) count++;
  return count === 0 ? emptyList() : route.rules.filter((r) => !r.valid);
}

/** "accepted by listener(s) …"; the one-listener sentence is shared by every route it accepts. */
function acceptedMessage(ctx: StatusContext, admitted: readonly ListenerAdmission[]): string {
  const only = admitted.length === 1 ? admitted[0]?.listener : undefined;
  const known = only === undefined ? undefined : ctx.admission?.acceptedBy.get(only);
  if (known !== undefined) return known;
  const message = `accepted by listener${admitted.length > 1 ? "s" : ""} ${phraseList(
    admitted.map((a) => a.listener.name),
    ", ",
  )}`;
  if (only !== undefined) ctx.admission?.acceptedBy.set(only, message);
  return message;
}

/**
 * The two passing checks of a parent that exists and gwsim reconciles: the same for every route
 * attached to it, so one pair is shared (ctx.admission) rather than a pair of sentences per route.
 */
function parentFoundChecks(
  ctx: StatusContext,
  parent: Manifest,
  ref: ResolvedParentRef,
): readonly [AttachmentCheck, AttachmentCheck] {
  const known = ctx.admission?.parentFound.get(parent);
  if (known !== undefined) return known;
  const pair = [
    {
      check: "parent-exists",
      pass: true,
      detail: `${ref.kind} ${ref.namespace}/${ref.name} found`,
    },
    {
      check: "parent-reconciled",
      pass: true,
      detail: `${ref.kind} ${ref.namespace}/${ref.name} is reconciled by gwsim`,
    },
  ] as const;
  ctx.admission?.parentFound.set(parent, pair);
  return pair;
}

function rulesValidCheck(ctx: StatusContext, ruleCount: number): AttachmentCheck {
  const known = ctx.admission?.rulesValid.get(ruleCount);
  if (known !== undefined) return known;
  const check: AttachmentCheck = {
    check: "rules-valid",
    pass: true,
    detail: `all ${ruleCount} rules are valid`,
  };
  ctx.admission?.rulesValid.set(ruleCount, check);
  return check;
}

/** A mesh parent Service the world assumes has the port (or named port) the parentRef names. */
function bindToAssumedService(
  route: ResolvedRoute,
  ref: ResolvedParentRef,
  explain: RouteParentExplain,
  why: string,
): ParentOutcome {
  explain.checks = [
    {
      check: "parent-exists",
      pass: true,
      detail: `Service ${ref.namespace}/${ref.name} is not in the workspace; assumed to exist with the port this parentRef names (${why})`,
    },
  ];
  const invalid = route.rules.filter((r) => !r.valid);
  if (route.rules.length > 0 && invalid.length === route.rules.length) {
    explain.reason = invalid[0]?.invalidReason ?? RouteReason.UnsupportedValue;
    explain.message = `all rules are invalid: ${invalid.map((r) => `${describeRule(r)}: ${r.invalidMessage ?? ""}`).join("; ")}`;
    return { explain, admitted: [] };
  }
  explain.accepted = true;
  explain.reason = RouteReason.Accepted;
  explain.message = `bound to Service ${ref.namespace}/${ref.name}, assumed (${ref.namespace === route.namespace ? "producer" : "consumer"} route)`;
  // Without the Service's port list, the route binds the port it names; mesh kind clashes are
  // settled per port, so an unnamed port is keyed 0.
  const service = {
    key: resourceKey("Service", ref.namespace, ref.name),
    namespace: ref.namespace,
    name: ref.name,
  };
  return { explain, admitted: [], mesh: { service, ports: [ref.port ?? 0] } };
}

/** No status entry: explain.reason stays Pending, since no condition exists to quote. */
function noStatus(
  explain: RouteParentExplain,
  reason: string,
  checks: AttachmentCheck[],
): ParentOutcome {
  explain.noStatusReason = reason;
  explain.message = reason;
  explain.checks = checks;
  return { explain, admitted: [] };
}

function settle(
  explain: RouteParentExplain,
  reason: RouteReason,
  message: string,
  admitted: ListenerAdmission[],
  gateway: Manifest,
): ParentOutcome {
  explain.accepted = reason === RouteReason.Accepted;
  explain.reason = reason;
  explain.message = message;
  return { explain, admitted, gateway };
}

/** GAMMA (spec §3.9): the route binds a Service; sectionName names a Service port, port its number. */
function attachToService(
  ctx: StatusContext,
  m: Manifest,
  route: ResolvedRoute,
  ref: ResolvedParentRef,
  explain: RouteParentExplain,
  path: (string | number)[],
): ParentOutcome {
  const found = lookupObject(ctx.index, "Service", ref.namespace, ref.name);
  if (found.state === "assumed") {
    recordAssumption(
      ctx,
      {
        code: "assume.service",
        kind: "Service",
        namespace: ref.namespace,
        name: ref.name,
        why: found.why,
        facts: [
          ref.port !== undefined
            ? `port ${ref.port}`
            : ref.sectionName !== undefined
              ? `port ${ref.sectionName}`
              : "the ports the route binds",
        ],
        closedWorld: "the route has no status for this mesh parent",
      },
      m,
      path,
    );
  }
  const service = found.state === "found" ? found.object : undefined;
  if (found.state === "assumed") return bindToAssumedService(route, ref, explain, found.why);
  if (!service) {
    reportDiagnostic(
      ctx,
      "ref.not-found",
      m,
      path,
      needEngineModule("diagnosticWords").missingParentMessage(
        `Service ${ref.namespace}/${ref.name}`,
        whyMissing(found),
        undefined,
      ),
    );
    explain.noStatusReason = `Service ${ref.namespace}/${ref.name} is not in the input; a controller writes no status for a parent it cannot see`;
    explain.message = explain.noStatusReason;
    explain.checks = [
      {
        check: "parent-exists",
        pass: false,
        detail: `Service ${ref.namespace}/${ref.name} not found`,
      },
    ];
    return { explain, admitted: [] };
  }
  explain.parent = service.key;
  const checks: AttachmentCheck[] = [
    {
      check: "parent-exists",
      pass: true,
      detail: `Service ${ref.namespace}/${ref.name} found (mesh parent)`,
    },
  ];
  const noFrontend = serviceWithoutFrontend(service);
  if (noFrontend !== undefined) {
    explain.checks = withCheck(checks, {
      check: "parent-reconciled",
      pass: false,
      detail: noFrontend,
    });
    explain.reason = RouteReason.NoMatchingParent;
    explain.message = `Service ${ref.namespace}/${ref.name} ${noFrontend}`;
    return { explain, admitted: [] };
  }
  const ports = asRecords(service.spec["ports"]).map((p) => ({
    name: asString(p["name"]),
    port: asNumber(p["port"]),
  }));
  const portList =
    ports.map((p) => `${p.name ?? "(unnamed)"}:${p.port ?? "?"}`).join(", ") || "none";
  let matching = ports;
  if (ref.sectionName !== undefined) {
    matching = matching.filter((p) => p.name === ref.sectionName);
    checks.push({
      check: "section-name",
      pass: matching.length > 0,
      detail: `parentRef sectionName ${ref.sectionName}; Service ports ${portList}`,
    });
  }
  if (ref.port !== undefined) {
    matching = matching.filter((p) => p.port === ref.port);
    checks.push({
      check: "port",
      pass: matching.length > 0,
      detail: `parentRef port ${ref.port}; Service ports ${portList}`,
    });
  }
  explain.checks = checks;
  if (matching.length === 0) {
    explain.reason = RouteReason.NoMatchingParent;
    explain.message = `Service ${ref.namespace}/${ref.name} has no port matching this parentRef (ports: ${portList})`;
    return { explain, admitted: [] };
  }
  const invalid = route.rules.filter((r) => !r.valid);
  if (route.rules.length > 0 && invalid.length === route.rules.length) {
    explain.reason = invalid[0]?.invalidReason ?? RouteReason.UnsupportedValue;
    explain.message = `all rules are invalid: ${invalid.map((r) => `${describeRule(r)}: ${r.invalidMessage ?? ""}`).join("; ")}`;
    return { explain, admitted: [] };
  }
  explain.accepted = true;
  explain.reason = RouteReason.Accepted;
  explain.message = `bound to Service ${ref.namespace}/${ref.name} (${ref.namespace === route.namespace ? "producer" : "consumer"} route)`;
  const bound = matching.map((p) => p.port).filter((p): p is number => p !== undefined);
  return { explain, admitted: [], mesh: { service, ports: bound } };
}

/**
 * Why a Service cannot be a mesh parent, or undefined. GEP-1294 ("Allowed service types"): a
 * headless Service has no frontend (virtual IP) to route, and an ExternalName one is a security
 * risk; both SHOULD NOT be parents. Linkerd rejects both with NoMatchingParent. A manifest
 * without `clusterIP` gets one allocated, so only the written `None` marks a headless Service.
 */
function serviceWithoutFrontend(service: Manifest): string | undefined {
  const what =
    asString(service.spec["type"]) === "ExternalName"
      ? "type ExternalName"
      : asString(service.spec["clusterIP"])?.toLowerCase() === "none"
        ? "headless (clusterIP: None)"
        : undefined;
  return what && `is ${what}, which SHOULD NOT be a mesh parent (GEP-1294)`;
}

/**
 * "Gateway ns/name is not in the workspace (why)" when the ListenerSet's parentRef names a
 * Gateway the world assumes; "" when the Gateway is in the input or missing.
 */
function assumedParentGateway(ctx: StatusContext, listenerSet: Manifest): string {
  const parentRef = listenerSet.spec["parentRef"];
  if (typeof parentRef !== "object" || parentRef === null || Array.isArray(parentRef)) return "";
  const fields = parentRef as Record<string, unknown>;
  const name = asString(fields["name"]);
  if (name === undefined) return "";
  if ((asString(fields["kind"]) ?? "Gateway") !== "Gateway") return "";
  if ((asString(fields["group"]) ?? GATEWAY_GROUP) !== GATEWAY_GROUP) return "";
  const namespace = asString(fields["namespace"]) ?? listenerSet.namespace;
  const found = lookupObject(ctx.index, "Gateway", namespace, name);
  return found.state === "assumed"
    ? `Gateway ${namespace ?? ""}/${name} is not in the workspace (${found.why})`
    : "";
}

/**
 * `checks` and one more, in a list sized to them: pushed onto, the parent's two checks would
 * grow a list with room for 17, and every route's explanation kept that room.
 */
function withCheck(checks: readonly AttachmentCheck[], last: AttachmentCheck): AttachmentCheck[] {
  const out = new Array<AttachmentCheck>(checks.length + 1);
  for (let i = 0; i < checks.length; i++) out[i] = checks[i] as AttachmentCheck;
  out[checks.length] = last;
  return out;
}

/** Why the world did not assume a missing object (auto says which objects decided; closed, none). */
function whyMissing(found: WorldLookup): string | undefined {
  return found.state === "missing" ? found.why : undefined;
}
