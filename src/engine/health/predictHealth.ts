/**
 * predictHealth: the health a GitOps tool would show for each Gateway API object once a
 * conformant controller has written the status gwsim computes. Each tool decides differently,
 * and both can mislead: Argo CD waits forever on a route no controller writes status for, and
 * Flux's default check calls every Gateway API object healthy whatever its conditions say.
 *
 * Argo CD: the built-in Lua health checks in argoproj/argo-cd
 * resource_customizations/gateway.networking.k8s.io/<Kind>/health.lua (read at commit 37ee009,
 * 2026-08): GatewayClass, Gateway, HTTPRoute, GRPCRoute and BackendTLSPolicy have one.
 * - GatewayClass: the Accepted condition decides (True Healthy, False Degraded, else
 *   Progressing); no condition means "Waiting for GatewayClass status" (Progressing).
 * - Gateway: ResolvedRefs=False or Accepted=False is Degraded, Programmed not True is
 *   Progressing, on the Gateway and then on each listener ("Listener: …"); with conditions or
 *   listeners and none of that, Healthy; with no status, Progressing.
 * - HTTPRoute and GRPCRoute: per parent, ResolvedRefs=False then Accepted=False is Degraded
 *   ("Parent <name>: <message>"), Programmed not True is Progressing; Healthy once a parent has
 *   conditions; no parent status at all is "Waiting for … status", Progressing, for ever when no
 *   controller will write it (argoproj/argo-cd#28352).
 * - BackendTLSPolicy: per ancestor, Accepted or ResolvedRefs not True is Degraded, Accepted True
 *   is Healthy; no ancestors is Progressing.
 * - Other kinds (TLSRoute, TCPRoute, UDPRoute, ListenerSet, ReferenceGrant…): no built-in check,
 *   so Argo CD shows no health and leaves them out of the application's (controller/health.go
 *   skips a nil health).
 *
 * Flux: kustomize-controller's health checks (`wait`/`healthChecks`) use kstatus
 * (kubernetes-sigs/cli-utils pkg/kstatus/status: status.go Compute, generic.go): a deletion
 * timestamp is Terminating, status.observedGeneration ≠ metadata.generation is InProgress, a
 * Reconciling=True condition InProgress, Stalled=True Failed; a kind without specific rules
 * (every Gateway API kind) is otherwise Current, "Resource is current". Gateway API writes none
 * of those fields (its observedGeneration lives in each condition), so Flux reports Current even
 * for a route every listener refused, unless the Kustomization declares `healthCheckExprs`.
 *
 * gwsim's status is what a controller writes for the current generation, so the tools'
 * stale-generation checks never fire here.
 */
import { parseResourceKey, type ResourceKey } from "../api/keys";
import { GATEWAY_GROUP } from "../api/kinds";
import type { Analysis } from "../analysisTypes";
import type { Condition, ObjectStatus, RouteParentExplain } from "../types";

export type GitOpsTool = "argocd" | "flux";

/** The common vocabulary; `toolStatus` keeps the tool's own word (Flux: Current, InProgress…). */
export type HealthStatus = "Healthy" | "Progressing" | "Degraded" | "None";

export interface HealthPrediction {
  object: ResourceKey;
  tool: GitOpsTool;
  status: HealthStatus;
  toolStatus: string;
  /** The tool's message, and why, in words. */
  reason: string;
}

type AnalysisForHealth = Pick<Analysis, "objects" | "status" | "explain">;

const ARGO_CHECKED = new Set([
  "GatewayClass",
  "Gateway",
  "HTTPRoute",
  "GRPCRoute",
  "BackendTLSPolicy",
]);

/** One prediction per gateway.networking.k8s.io object of the input, in input order. */
export function predictHealth(analysis: AnalysisForHealth, tool: GitOpsTool): HealthPrediction[] {
  const out: HealthPrediction[] = [];
  for (const o of analysis.objects) {
    if (!o.apiVersion.startsWith(`${GATEWAY_GROUP}/`)) continue;
    const status = Object.hasOwn(analysis.status, o.key) ? analysis.status[o.key] : undefined;
    const p =
      tool === "argocd"
        ? predictArgo(
            o.kind,
            status,
            analysis.explain.filter((e) => e.route === o.key),
          )
        : predictFlux(o.kind, status);
    out.push({ object: o.key, tool, ...p });
  }
  return out;
}

type Verdict = Omit<HealthPrediction, "object" | "tool">;

function verdict(status: HealthStatus, toolStatus: string, reason: string): Verdict {
  return { status, toolStatus, reason };
}

function predictArgo(
  kind: string,
  status: ObjectStatus | undefined,
  explain: readonly RouteParentExplain[],
): Verdict {
  if (!ARGO_CHECKED.has(kind))
    return verdict(
      "None",
      "none",
      `Argo CD has no built-in health check for ${kind}: it shows no health and leaves it out of the application's health`,
    );
  if (kind === "GatewayClass") return argoGatewayClass(conditionsOf(status));
  if (kind === "Gateway") return argoGateway(status);
  if (kind === "BackendTLSPolicy") return argoPolicy(status);
  return argoRoute(kind, status, explain);
}

function argoGatewayClass(conditions: readonly Condition[]): Verdict {
  const accepted = conditions.find((c) => c.type === "Accepted");
  if (accepted === undefined)
    return verdict(
      "Progressing",
      "Progressing",
      "Waiting for GatewayClass status: no controller accepts this class",
    );
  if (accepted.status === "True")
    return verdict("Healthy", "Healthy", accepted.message || "GatewayClass is accepted");
  if (accepted.status === "False")
    return verdict("Degraded", "Degraded", accepted.message || "GatewayClass is not accepted");
  return verdict(
    "Progressing",
    "Progressing",
    accepted.message || "Waiting for GatewayClass status",
  );
}

function argoGateway(status: ObjectStatus | undefined): Verdict {
  const conditions = conditionsOf(status);
  const listeners = status !== undefined && "listeners" in status ? status.listeners : [];
  if (conditions.length === 0 && listeners.length === 0) {
    return verdict(
      "Progressing",
      "Progressing",
      "Waiting for Gateway status: no controller reconciles this Gateway (its class is missing or not accepted), so this lasts for ever",
    );
  }
  const own = argoConditionTrio(conditions, "Gateway is still being programmed");
  if (own !== undefined) return own;
  for (const l of listeners) {
    const v = argoConditionTrio(l.conditions, "Listener is still being programmed");
    if (v !== undefined) return { ...v, reason: `Listener ${l.name}: ${v.reason}` };
  }
  return verdict("Healthy", "Healthy", "Gateway is healthy");
}

/** ResolvedRefs=False, then Accepted=False (Degraded), then Programmed not True (Progressing). */
function argoConditionTrio(
  conditions: readonly Condition[],
  programmingMessage: string,
): Verdict | undefined {
  for (const type of ["ResolvedRefs", "Accepted"]) {
    const c = conditions.find((x) => x.type === type && x.status === "False");
    if (c !== undefined)
      return verdict("Degraded", "Degraded", c.message || `Failed condition: ${type}`);
  }
  const programmed = conditions.find((x) => x.type === "Programmed" && x.status !== "True");
  if (programmed !== undefined)
    return verdict("Progressing", "Progressing", programmed.message || programmingMessage);
  return undefined;
}

function argoRoute(
  kind: string,
  status: ObjectStatus | undefined,
  explain: readonly RouteParentExplain[],
): Verdict {
  const parents = status !== undefined && "parents" in status ? status.parents : [];
  for (const p of parents) {
    const v = argoConditionTrio(p.conditions, "Route is still being programmed");
    if (v !== undefined) return { ...v, reason: `Parent ${p.parentRef.name ?? ""}: ${v.reason}` };
  }
  if (parents.some((p) => p.conditions.length > 0))
    return verdict("Healthy", "Healthy", `${kind} is healthy`);
  const silent = explain.find((e) => e.noStatusReason !== undefined);
  const why =
    silent?.noStatusReason !== undefined
      ? `no controller writes status for it (${silent.noStatusReason})`
      : "it names no parent a controller reconciles";
  return verdict(
    "Progressing",
    "Progressing",
    `Waiting for ${kind} status for ever: ${why}; Argo CD keeps the application Progressing (argoproj/argo-cd#28352)`,
  );
}

function argoPolicy(status: ObjectStatus | undefined): Verdict {
  const ancestors = status !== undefined && "ancestors" in status ? status.ancestors : [];
  let healthy = false;
  for (const a of ancestors) {
    for (const c of a.conditions) {
      if ((c.type === "Accepted" || c.type === "ResolvedRefs") && c.status !== "True") {
        return verdict(
          "Degraded",
          "Degraded",
          `Ancestor ${a.ancestorRef.name ?? ""}: ${c.message}`,
        );
      }
      if (c.type === "Accepted") healthy = true;
    }
  }
  if (healthy) return verdict("Healthy", "Healthy", "BackendTLSPolicy is healthy");
  return verdict(
    "Progressing",
    "Progressing",
    "Waiting for BackendTLSPolicy status: no ancestor Gateway reports on it",
  );
}

function predictFlux(kind: string, status: ObjectStatus | undefined): Verdict {
  // ReferenceGrant has no status by design: nothing to miss.
  const problem = kind === "ReferenceGrant" ? undefined : firstProblem(status);
  const why = `kstatus reads only Reconciling/Stalled conditions and status.observedGeneration, which ${kind} does not have`;
  if (problem === undefined) return verdict("Healthy", "Current", `Current: ${why}`);
  return verdict(
    "Healthy",
    "Current",
    `Current even though ${problem}: ${why}; add healthCheckExprs for ${kind} to the Kustomization to make Flux wait for it`,
  );
}

/** The first condition a controller would report as a problem, in words, or undefined. */
function firstProblem(status: ObjectStatus | undefined): string | undefined {
  if (status === undefined) return "no controller writes status for it";
  const groups: { where: string; conditions: readonly Condition[] }[] = [];
  if ("conditions" in status) groups.push({ where: "", conditions: status.conditions });
  if ("listeners" in status)
    for (const l of status.listeners)
      groups.push({ where: `listener ${l.name} `, conditions: l.conditions });
  if ("parents" in status)
    for (const p of status.parents)
      groups.push({ where: `parent ${p.parentRef.name ?? ""} `, conditions: p.conditions });
  if ("ancestors" in status)
    for (const a of status.ancestors)
      groups.push({ where: `ancestor ${a.ancestorRef.name ?? ""} `, conditions: a.conditions });
  if ("parents" in status && status.parents.length === 0)
    return "no controller writes status for it";
  for (const g of groups) {
    const bad = g.conditions.find(
      (c) =>
        (c.type === "Accepted" || c.type === "ResolvedRefs" || c.type === "Programmed") &&
        c.status !== "True",
    );
    if (bad !== undefined) return `${g.where}${bad.type}=${bad.status} (${bad.reason})`;
  }
  return undefined;
}

function conditionsOf(status: ObjectStatus | undefined): readonly Condition[] {
  return status !== undefined && "conditions" in status ? status.conditions : [];
}

/** "HTTPRoute team-b/shop" for messages. */
export function describeHealthObject(p: HealthPrediction): string {
  const ref = parseResourceKey(p.object);
  return `${ref.kind} ${ref.namespace !== undefined ? `${ref.namespace}/` : ""}${ref.name}`;
}
