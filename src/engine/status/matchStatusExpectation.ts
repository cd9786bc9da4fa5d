/**
 * Checks one conformance status expectation (fixtures/conformance/README.md, "Status entries")
 * against a StatusReport. Pure: the caller supplies the object's metadata.generation (and the one
 * before the step, for `generationChanged`). Every field of the expectation is checked; a field
 * this matcher does not know fails, so no expectation passes unread.
 */
import { GATEWAY_GROUP, isRouteKind } from "../api/kinds";
import { resourceKey } from "../api/keys";
import type {
  Condition,
  GatewayStatus,
  ObjectStatus,
  PolicyStatus,
  RouteParentStatus,
  RouteStatus,
  StatusReport,
} from "../types";
import { appendAll } from "../collections/appendAll";

export interface StatusExpectationEntry {
  kind: string;
  namespace?: string;
  name: string;
  [field: string]: unknown;
}

export interface StatusMatchContext {
  /** metadata.generation of the object now. */
  generation?: number;
  /** metadata.generation before the step that replaced it. */
  previousGeneration?: number;
}

export interface StatusMatchResult {
  pass: boolean;
  message: string;
  got?: unknown;
}

const KNOWN_FIELDS = new Set([
  "kind",
  "namespace",
  "name",
  "parentRef",
  "controllerName",
  "conditions",
  "noAcceptedParents",
  "observedGenerationLatest",
  "generationChanged",
  "listeners",
  "listenerCount",
  "zeroAttachedRoutes",
  "hasAddress",
  "addresses",
  "ancestorRef",
]);

interface ExpectedCondition {
  type: string;
  status?: string;
  reason?: string;
}

export function matchStatusExpectation(
  expectation: StatusExpectationEntry,
  report: StatusReport,
  context: StatusMatchContext = {},
): StatusMatchResult {
  const failures: string[] = [];
  for (const field of Object.keys(expectation))
    if (!KNOWN_FIELDS.has(field)) failures.push(`unknown expectation field "${field}"`);
  const key = resourceKey(expectation.kind, expectation.namespace, expectation.name);
  // A route no controller wrote to has no status; upstream reads that as an empty parents list.
  const status: ObjectStatus | undefined =
    report[key] ?? (isRouteKind(expectation.kind) ? { parents: [] } : undefined);
  const id = `${expectation.kind} ${expectation.namespace ? `${expectation.namespace}/` : ""}${expectation.name}`;
  if (!status) return { pass: false, message: [...failures, `${id} has no status`].join("\n") };
  const gen = context.generation;

  if (expectation["generationChanged"] === true) {
    if (
      gen === undefined ||
      context.previousGeneration === undefined ||
      gen <= context.previousGeneration
    ) {
      failures.push(
        `metadata.generation did not increase (before ${context.previousGeneration ?? "?"}, now ${gen ?? "?"})`,
      );
    }
  }
  if ("parents" in status) checkRoute(expectation, status, gen, failures);
  else if ("ancestors" in status) checkPolicy(expectation, status, gen, failures);
  // Only GatewayStatus (and a ListenerSet's, same shape) carries listeners.
  else if ("listeners" in status) checkGateway(expectation, status as GatewayStatus, gen, failures);
  else {
    if (expectation["conditions"] !== undefined)
      checkConditions("", status.conditions, expectation["conditions"], gen, failures);
    if (expectation["observedGenerationLatest"] === true)
      checkLatest("", status.conditions, gen, failures);
  }
  return { pass: failures.length === 0, message: failures.join("\n"), got: status };
}

function checkConditions(
  where: string,
  actual: readonly Condition[],
  expected: unknown,
  gen: number | undefined,
  failures: string[],
): void {
  for (const e of (Array.isArray(expected) ? expected : []) as ExpectedCondition[]) {
    const c = actual.find((a) => a.type === e.type);
    const want = `${e.type}${e.status ? `=${e.status}` : ""}${e.reason ? `/${e.reason}` : ""}`;
    if (!c) {
      failures.push(
        `${where}condition ${e.type} missing (have ${actual.map(printCondition).join(", ") || "none"})`,
      );
    } else if ((e.status && c.status !== e.status) || (e.reason && c.reason !== e.reason)) {
      failures.push(`${where}expected ${want}, got ${printCondition(c)}: ${c.message}`);
    } else if (gen !== undefined && c.observedGeneration !== gen) {
      failures.push(
        `${where}condition ${e.type} has observedGeneration ${c.observedGeneration}, metadata.generation is ${gen}`,
      );
    }
  }
}

function checkLatest(
  where: string,
  conditions: readonly Condition[],
  gen: number | undefined,
  failures: string[],
): void {
  if (gen === undefined)
    return void failures.push(
      `${where}metadata.generation unknown; cannot check observedGeneration`,
    );
  for (const c of conditions) {
    if (c.observedGeneration !== gen)
      failures.push(
        `${where}condition ${c.type} has observedGeneration ${c.observedGeneration}, metadata.generation is ${gen}`,
      );
  }
}

function printCondition(c: Condition): string {
  return `${c.type}=${c.status}/${c.reason}`;
}

function checkRoute(
  e: StatusExpectationEntry,
  status: RouteStatus,
  gen: number | undefined,
  failures: string[],
): void {
  if (e["noAcceptedParents"] === true) {
    const ok =
      status.parents.length === 0 ||
      (status.parents.length === 1 &&
        status.parents[0]?.conditions.some((c) => c.type === "Accepted" && c.status === "False"));
    if (!ok)
      failures.push(
        `expected no accepted parents, got ${status.parents.map(printParent).join("; ")}`,
      );
  }
  if (e["observedGenerationLatest"] === true) {
    for (const p of status.parents)
      checkLatest(`parent ${printParent(p)}: `, p.conditions, gen, failures);
  }
  const ref = e["parentRef"] as
    { namespace?: string; name?: string; sectionName?: string } | undefined;
  if (!ref) {
    if (e["conditions"] !== undefined || e["controllerName"] !== undefined)
      failures.push("conditions on a route need a parentRef to pick the parent entry");
    return;
  }
  const routeNs = e.namespace ?? "";
  const candidates = status.parents.filter((p) => {
    const pr = p.parentRef;
    return (
      (pr.group ?? GATEWAY_GROUP) === GATEWAY_GROUP &&
      (pr.kind ?? "Gateway") === "Gateway" &&
      pr.name === ref.name &&
      (pr.namespace ?? routeNs) === (ref.namespace ?? routeNs) &&
      (ref.sectionName === undefined || pr.sectionName === ref.sectionName)
    );
  });
  const parentId = `Gateway ${ref.namespace ?? routeNs}/${ref.name ?? ""}${ref.sectionName ? ` sectionName ${ref.sectionName}` : ""}`;
  if (candidates.length === 0) {
    failures.push(
      `no status.parents entry for ${parentId} (have ${status.parents.map(printParent).join("; ") || "none"})`,
    );
    return;
  }
  // Any one entry for that parent must satisfy every expectation (README: "any parent entry will do").
  let best: string[] | undefined;
  for (const p of candidates) {
    const local: string[] = [];
    if (e["controllerName"] !== undefined && p.controllerName !== e["controllerName"])
      local.push(`controllerName is ${p.controllerName}, expected ${String(e["controllerName"])}`);
    if (e["conditions"] !== undefined)
      checkConditions(`parent ${parentId}: `, p.conditions, e["conditions"], gen, local);
    if (local.length === 0) return;
    if (!best || local.length < best.length) best = local;
  }
  appendAll(failures, best ?? []);
}

function printParent(p: RouteParentStatus): string {
  const r = p.parentRef;
  return `${r.kind ?? "Gateway"} ${r.namespace ? `${r.namespace}/` : ""}${r.name ?? ""}${r.sectionName ? `#${r.sectionName}` : ""} [${p.conditions.map(printCondition).join(", ")}]`;
}

interface ExpectedListener {
  name: string;
  attachedRoutes?: number;
  supportedKinds?: { group?: string; kind: string }[];
  conditions?: ExpectedCondition[];
}

function checkGateway(
  e: StatusExpectationEntry,
  status: GatewayStatus,
  gen: number | undefined,
  failures: string[],
): void {
  if (e["conditions"] !== undefined)
    checkConditions("", status.conditions, e["conditions"], gen, failures);
  if (e["observedGenerationLatest"] === true) checkLatest("", status.conditions, gen, failures);
  if (e["listenerCount"] !== undefined && status.listeners.length !== e["listenerCount"]) {
    failures.push(
      `expected ${String(e["listenerCount"])} listeners, got ${status.listeners.length} (${status.listeners.map((l) => l.name).join(", ")})`,
    );
  }
  if (e["zeroAttachedRoutes"] === true) {
    const ok =
      status.listeners.length === 0 ||
      (status.listeners.length === 1 && status.listeners[0]?.attachedRoutes === 0);
    if (!ok)
      failures.push(
        `expected zero attached routes, got ${status.listeners.map((l) => `${l.name}=${l.attachedRoutes}`).join(", ")}`,
      );
  }
  for (const want of (Array.isArray(e["listeners"]) ? e["listeners"] : []) as ExpectedListener[]) {
    const l = status.listeners.find((x) => x.name === want.name);
    if (!l) {
      failures.push(
        `listener ${want.name} missing (have ${status.listeners.map((x) => x.name).join(", ") || "none"})`,
      );
      continue;
    }
    if (want.attachedRoutes !== undefined && l.attachedRoutes !== want.attachedRoutes) {
      failures.push(
        `listener ${want.name}: attachedRoutes ${l.attachedRoutes}, expected ${want.attachedRoutes}`,
      );
    }
    if (want.supportedKinds !== undefined) {
      const have = l.supportedKinds.map((k) => `${k.group}/${k.kind}`);
      if (want.supportedKinds.length === 0 && have.length > 0)
        failures.push(
          `listener ${want.name}: supportedKinds must be empty, got ${have.join(", ")}`,
        );
      for (const k of want.supportedKinds) {
        if (!have.includes(`${k.group ?? GATEWAY_GROUP}/${k.kind}`))
          failures.push(
            `listener ${want.name}: supportedKinds lacks ${k.kind} (have ${have.join(", ") || "none"})`,
          );
      }
    }
    if (want.conditions !== undefined)
      checkConditions(`listener ${want.name}: `, l.conditions, want.conditions, gen, failures);
  }
  if (e["hasAddress"] === true && !(status.addresses ?? []).some((a) => a.type))
    failures.push("expected at least one status.addresses entry with a type");
  if (e["addresses"] !== undefined) {
    const want = (e["addresses"] as { type: string; value: string }[])
      .map((a) => `${a.type}=${a.value}`)
      .sort();
    const have = (status.addresses ?? []).map((a) => `${a.type}=${a.value}`).sort();
    if (want.join(",") !== have.join(","))
      failures.push(`expected addresses ${want.join(", ")}, got ${have.join(", ") || "none"}`);
  }
}

function checkPolicy(
  e: StatusExpectationEntry,
  status: PolicyStatus,
  gen: number | undefined,
  failures: string[],
): void {
  const ref = e["ancestorRef"] as { namespace?: string; name?: string } | undefined;
  if (!ref) {
    if (e["conditions"] !== undefined)
      failures.push("conditions on a policy need an ancestorRef to pick the ancestor entry");
    return;
  }
  const entry = status.ancestors.find(
    (a) =>
      a.ancestorRef.name === ref.name &&
      (a.ancestorRef.namespace ?? e.namespace) === (ref.namespace ?? e.namespace),
  );
  if (!entry) {
    failures.push(
      `no status.ancestors entry for ${ref.namespace ?? ""}/${ref.name ?? ""} (have ${status.ancestors.map((a) => `${a.ancestorRef.namespace ?? ""}/${a.ancestorRef.name ?? ""}`).join(", ") || "none"})`,
    );
    return;
  }
  if (e["conditions"] !== undefined)
    checkConditions(
      `ancestor ${ref.name ?? ""}: `,
      entry.conditions,
      e["conditions"],
      gen,
      failures,
    );
}
