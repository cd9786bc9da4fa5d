/**
 * BackendTLSPolicy status per ancestor Gateway (spec §5): an ancestor is a Gateway with an
 * accepted route whose resolved backend is a Service the policy targets. When several policies
 * target the same Service (and port name), the oldest wins, then "{namespace}/{name}".
 */
import { compareByAge, describeAgeWin } from "../resolve/compareByAge";
import { ConditionType, PolicyReason } from "../api/conditions";
import { resourceKey } from "../api/keys";
import { GATEWAY_GROUP } from "../api/kinds";
import { lookupObject } from "../resolve/world";
import { listKind } from "../resolve/indexResources";
import { inspectCaBundle } from "../resolve/inspectCertificateData";
import { asNumber, asRecord, asRecords, asString } from "../resolve/read";
import type {
  Manifest,
  PolicyAncestorStatus,
  PolicyStatus,
  ResolvedBackendRef,
  ResolvedRoute,
  RouteAttachment,
} from "../types";
import type { Problem } from "./listenerState";
import { markRouteBackends } from "./markRouteBackends";
import { leadingProblem } from "./leadingProblem";
import { phraseList } from "../print/phraseList";
import {
  conditionsFor,
  recordAssumption,
  reportDiagnostic,
  type StatusContext,
} from "./statusContext";

interface Target {
  service: string;
  sectionName?: string;
}

export interface BackendTLSPolicyOutcome {
  statuses: Map<string, PolicyStatus>;
  /**
   * validation.hostname of the accepted policy per target, keyed by targetKey(): the SNI the
   * Gateway sends when it connects to that Service (port) over TLS.
   */
  sniByTarget: Map<string, string>;
}

function targetKey(service: string, sectionName: string | undefined): string {
  return `${service}#${sectionName ?? ""}`;
}

export function computeBackendTLSPolicyStatus(
  ctx: StatusContext,
  routes: readonly ResolvedRoute[],
  attachments: readonly RouteAttachment[],
  controllerNameOf: (gatewayKey: string) => string,
): BackendTLSPolicyOutcome {
  const policies = listKind(ctx.index, "BackendTLSPolicy").filter((p) => p.group === GATEWAY_GROUP);
  const out = new Map<string, PolicyStatus>();
  const sniByTarget = new Map<string, string>();
  const winners = new Map<string, Manifest>();
  for (const p of [...policies].sort(compareByAge)) {
    for (const t of targetsOf(ctx, p)) {
      const key = targetKey(t.service, t.sectionName);
      if (!winners.has(key)) winners.set(key, p);
    }
  }
  for (const policy of policies) {
    const targets = targetsOf(ctx, policy);
    const condition = conditionsFor(ctx, policy);
    const conflictWith = targets
      .map((t) => winners.get(targetKey(t.service, t.sectionName)))
      .find((w) => w && w !== policy);
    const validation = checkValidation(ctx, policy);
    const hostname = asString(asRecord(policy.spec["validation"])?.["hostname"]);
    if (!conflictWith && !validation.notAccepted && hostname !== undefined) {
      for (const t of targets) sniByTarget.set(targetKey(t.service, t.sectionName), hostname);
    }
    const ancestors: PolicyAncestorStatus[] = [];
    for (const gatewayKey of ancestorGateways(ctx, targets, routes, attachments)) {
      const [, namespace = "", name = ""] = gatewayKey.split("/");
      const accepted = conflictWith
        ? condition(
            ConditionType.Accepted,
            "False",
            PolicyReason.Conflicted,
            `BackendTLSPolicy ${conflictWith.namespace}/${conflictWith.name} ${describeAgeWin(conflictWith, policy)} and targets the same Service`,
          )
        : validation.notAccepted
          ? condition(
              ConditionType.Accepted,
              "False",
              validation.notAccepted.reason,
              validation.notAccepted.message,
            )
          : condition(ConditionType.Accepted, "True", PolicyReason.Accepted, "Policy is accepted");
      const resolved = validation.refProblem
        ? condition(
            ConditionType.ResolvedRefs,
            "False",
            validation.refProblem.reason,
            validation.refProblem.message,
          )
        : condition(
            ConditionType.ResolvedRefs,
            "True",
            PolicyReason.ResolvedRefs,
            "All references resolved",
          );
      ancestors.push({
        ancestorRef: { group: GATEWAY_GROUP, kind: "Gateway", namespace, name },
        controllerName: controllerNameOf(gatewayKey),
        conditions: [accepted, resolved],
      });
    }
    out.set(policy.key, { ancestors });
  }
  return { statuses: out, sniByTarget };
}

/**
 * The routes with every valid backendRef (and mirror backend) whose Service an accepted
 * BackendTLSPolicy targets marked: the Gateway connects to it over TLS with the policy's hostname
 * as SNI. A policy for the port's name (sectionName) is more specific than one for the whole
 * Service. Returns new objects where a mark is added and the originals elsewhere: the routes the
 * route stage built are never written to.
 */
export function withBackendTLS(
  ctx: StatusContext,
  routes: readonly ResolvedRoute[],
  sniByTarget: ReadonlyMap<string, string>,
): ResolvedRoute[] {
  if (sniByTarget.size === 0) return [...routes];
  const marked = (ref: ResolvedBackendRef): ResolvedBackendRef => {
    if (ref.valid !== true || ref.target === undefined) return ref;
    const name = portName(ctx, ref);
    const sni =
      (name !== undefined ? sniByTarget.get(targetKey(ref.target, name)) : undefined) ??
      sniByTarget.get(targetKey(ref.target, undefined));
    return sni === undefined ? ref : { ...ref, backendTLS: { sni } };
  };
  return routes.map((route) => markRouteBackends(route, marked));
}

function targetsOf(ctx: StatusContext, policy: Manifest): Target[] {
  const out: Target[] = [];
  asRecords(policy.spec["targetRefs"]).forEach((ref, i) => {
    if ((asString(ref["group"]) ?? "") !== "" || asString(ref["kind"]) !== "Service") return;
    const name = asString(ref["name"]) ?? "";
    const found = lookupObject(ctx.index, "Service", policy.namespace, name);
    if (found.state === "assumed") {
      recordAssumption(
        ctx,
        {
          code: "assume.service",
          kind: "Service",
          namespace: policy.namespace ?? "",
          name,
          why: found.why,
          facts: ["the ports the policy targets"],
          closedWorld: "the policy targets nothing",
        },
        policy,
        ["spec", "targetRefs", i],
      );
    }
    const service =
      found.state === "found"
        ? found.object
        : found.state === "assumed"
          ? { key: resourceKey("Service", policy.namespace, name) }
          : undefined;
    if (!service) {
      reportDiagnostic(
        ctx,
        "ref.not-found",
        policy,
        ["spec", "targetRefs", i],
        `targetRef Service ${policy.namespace}/${name} is not in the input.`,
      );
      return;
    }
    const target: Target = { service: service.key };
    const sectionName = asString(ref["sectionName"]);
    if (sectionName !== undefined) target.sectionName = sectionName;
    out.push(target);
  });
  return out;
}

function checkValidation(
  ctx: StatusContext,
  policy: Manifest,
): { notAccepted?: Problem; refProblem?: Problem } {
  const validation = asRecord(policy.spec["validation"]) ?? {};
  const wellKnown = asString(validation["wellKnownCACertificates"]);
  if (wellKnown !== undefined && wellKnown !== "System") {
    return {
      notAccepted: {
        reason: PolicyReason.Invalid,
        message: `wellKnownCACertificates "${wellKnown}" is not supported (System)`,
      },
    };
  }
  const refs = asRecords(validation["caCertificateRefs"]);
  // Every ref is checked: one invalid ref among valid ones leaves the policy Accepted (the field:
  // "If ALL CACertificateRefs are invalid" … NoValidCACertificate), with ResolvedRefs=False.
  const problems: Problem[] = [];
  refs.forEach((ref, i) => {
    const problem = checkCaCertificateRef(ctx, policy, ref, i, refs.length);
    if (problem) problems.push(problem);
  });
  const leading = leadingProblem(problems, BACKEND_CA_REF_RANKING);
  if (leading === undefined) return {};
  const refProblem = {
    reason: leading.reason,
    message: phraseList(
      problems.map((p) => p.message),
      "; ",
    ),
  };
  return problems.length < refs.length
    ? { refProblem }
    : {
        refProblem,
        notAccepted: { reason: PolicyReason.NoValidCACertificate, message: refProblem.message },
      };
}

/**
 * The field gives each invalid caCertificateRef its reason and no order between them: the order
 * it lists them in (alphabetical too), never the order the refs are written in.
 */
const BACKEND_CA_REF_RANKING: readonly string[] = [
  PolicyReason.InvalidCACertificateRef,
  PolicyReason.InvalidKind,
];

function checkCaCertificateRef(
  ctx: StatusContext,
  policy: Manifest,
  ref: Record<string, unknown>,
  i: number,
  refCount: number,
): Problem | undefined {
  const kind = asString(ref["kind"]) ?? "";
  const name = asString(ref["name"]) ?? "";
  if ((asString(ref["group"]) ?? "") !== "" || kind !== "ConfigMap") {
    return {
      reason: PolicyReason.InvalidKind,
      message: `caCertificateRef ${kind} ${name}: only core ConfigMap is supported`,
    };
  }
  const found = lookupObject(ctx.index, "ConfigMap", policy.namespace, name);
  if (found.state === "assumed") {
    recordAssumption(
      ctx,
      {
        code: "assume.object",
        kind: "ConfigMap",
        namespace: policy.namespace ?? "",
        name,
        why: found.why,
        facts: ["a valid CA bundle"],
        closedWorld: assumedCaClosedWorld(refCount),
      },
      policy,
      ["spec", "validation", "caCertificateRefs", i],
    );
    return undefined;
  }
  const cm = found.state === "found" ? found.object : undefined;
  if (!cm)
    reportDiagnostic(
      ctx,
      "ref.not-found",
      policy,
      ["spec", "validation", "caCertificateRefs", i],
      `ConfigMap ${policy.namespace}/${name} is not in the input.`,
    );
  const data = cm ? inspectCaBundle(cm) : { ok: false as const, problem: "not found" };
  if (data.ok) return undefined;
  return {
    reason: PolicyReason.InvalidCACertificateRef,
    message: `caCertificateRef ConfigMap ${name}: ${data.problem}`,
  };
}

/**
 * What a closed world would write instead of the status shown, which counts the assumed ConfigMap
 * as a valid CA bundle (Accepted=True, ResolvedRefs=True when nothing else is wrong): the words
 * say both, so they never read as the status gwsim wrote. With other refs the policy stays
 * Accepted if one of them is valid ("If ALL CACertificateRefs are invalid" … NoValidCACertificate).
 */
function assumedCaClosedWorld(refCount: number): string {
  const shown = "the status shown counts it as a valid CA bundle";
  return refCount > 1
    ? `this caCertificateRef is invalid (ResolvedRefs=False, InvalidCACertificateRef), and the policy is not Accepted (NoValidCACertificate) unless another caCertificateRef holds a valid CA bundle; ${shown}`
    : `ResolvedRefs=False (InvalidCACertificateRef) and Accepted=False (NoValidCACertificate); ${shown}`;
}

function ancestorGateways(
  ctx: StatusContext,
  targets: readonly Target[],
  routes: readonly ResolvedRoute[],
  attachments: readonly RouteAttachment[],
): string[] {
  const hits = (ref: ResolvedBackendRef | undefined) =>
    ref?.valid === true &&
    ref.target !== undefined &&
    targets.some(
      (t) =>
        t.service === ref.target &&
        (t.sectionName === undefined || portName(ctx, ref) === t.sectionName),
    );
  const usingRoutes = new Set(
    routes
      .filter((r) =>
        r.rules.some(
          (rule) => rule.backendRefs.some(hits) || rule.filters.some((f) => hits(f.mirrorBackend)),
        ),
      )
      .map((r) => r.key),
  );
  const gateways: string[] = [];
  for (const a of attachments)
    if (usingRoutes.has(a.route) && !gateways.includes(a.gateway)) gateways.push(a.gateway);
  return gateways;
}

/**
 * The name of the Service port the Gateway connects to: the TCP entry with the backendRef's port
 * number. A Service may list one port number once per protocol (53/UDP and 53/TCP, each with its
 * own name); the Gateway's connection, and the TLS a BackendTLSPolicy asks for, is TCP, so the
 * UDP or SCTP entry's name is never the one a sectionName targets.
 */
function portName(ctx: StatusContext, ref: ResolvedBackendRef): string | undefined {
  const service = ref.target ? ctx.index.byKey.get(ref.target) : undefined;
  const entry = asRecords(service?.spec["ports"]).find(
    (p) => asNumber(p["port"]) === ref.port && (asString(p["protocol"]) ?? "TCP") === "TCP",
  );
  return asString(entry?.["name"]);
}
