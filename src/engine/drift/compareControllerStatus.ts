/**
 * A cluster dump (`kubectl get … -o yaml`) carries the controller's own `status:`. This compares
 * it, scope by scope, with the status gwsim computes for the same objects: the GatewayClass, each
 * Gateway and ListenerSet with their listeners (by name), each route parent and each policy
 * ancestor (by the reference's identity and the controllerName that wrote the entry).
 *
 * Entries written by controllers that own no GatewayClass in the input belong to someone else
 * and are left alone, as the spec asks controllers to do (RouteParentStatus: never touch another
 * controller's entries); mesh (Service) parents are matched by reference alone.
 */
import { GATEWAY_GROUP, isRouteKind } from "../api/kinds";
import type { SourceLocator } from "../load/sourceLocator";
import { listKind, type ResourceIndex } from "../resolve/indexResources";
import { asNumber, asRecord, asRecords, asString } from "../resolve/read";
import type { Condition, GatewayStatus, ObjectStatus, StatusReport } from "../types";
import {
  compareConditions,
  conditionsAt,
  locateDrift,
  type DriftScope,
  type LocatedDrift,
} from "./compareConditions";
import { appendAll } from "../collections/appendAll";
import { hasControllerStatus } from "./hasControllerStatus";

export function compareControllerStatus(
  index: ResourceIndex,
  locator: SourceLocator,
  computed: StatusReport,
): LocatedDrift[] {
  const controllers = new Set(
    listKind(index, "GatewayClass").flatMap((c) => asString(c.spec["controllerName"]) ?? []),
  );
  const out: LocatedDrift[] = [];
  for (const m of index.manifests) {
    const status = asRecord(m.body["status"]);
    if (!status || !hasControllerStatus(m)) continue;
    const ours = computed[m.key];
    const base = {
      manifest: m,
      generation: asNumber(asRecord(m.body["metadata"])?.["generation"]),
    };
    if (m.kind === "GatewayClass") {
      appendAll(
        out,
        compareConditions(locator, {
          ...base,
          label: "GatewayClass",
          controllerPath: ["status"],
          fallbackPath: ["status"],
          controller: conditionsAt(status),
          gwsim: conditionsOf(ours),
        }),
      );
    } else if (m.kind === "Gateway" || m.kind === "ListenerSet") {
      appendAll(out, compareGateway(locator, base, status, ours as GatewayStatus | undefined));
    } else if (isRouteKind(m.kind) || m.kind === "BackendTLSPolicy") {
      appendAll(out, compareParents(locator, base, status, ours, controllers));
    }
  }
  return out;
}

type ScopeBase = Pick<DriftScope, "manifest" | "generation">;

function conditionsOf(status: ObjectStatus | undefined): Condition[] | undefined {
  return status && "conditions" in status ? status.conditions : undefined;
}

function compareGateway(
  locator: SourceLocator,
  base: ScopeBase,
  status: Record<string, unknown>,
  ours: GatewayStatus | undefined,
): LocatedDrift[] {
  const out = compareConditions(locator, {
    ...base,
    label: base.manifest.kind,
    controllerPath: ["status"],
    fallbackPath: ["status"],
    controller: conditionsAt(status),
    gwsim: conditionsOf(ours),
  });
  const theirs = asRecords(status["listeners"]);
  const mine = ours?.listeners ?? [];
  const names = [
    ...new Set([...theirs.map((l) => asString(l["name"]) ?? ""), ...mine.map((l) => l.name)]),
  ].filter((n) => n !== "");
  for (const name of names) {
    const i = theirs.findIndex((l) => l["name"] === name);
    const controllerEntry = theirs[i];
    const gwsimEntry = mine.find((l) => l.name === name);
    const scope: DriftScope = {
      ...base,
      label: `listener ${name}`,
      controllerPath: controllerEntry ? ["status", "listeners", i] : undefined,
      fallbackPath: ["status", "listeners"],
      controller: conditionsAt(controllerEntry),
      gwsim: gwsimEntry?.conditions,
    };
    appendAll(out, compareConditions(locator, scope));
    const counted = asNumber(controllerEntry?.["attachedRoutes"]);
    if (gwsimEntry && counted !== undefined && counted !== gwsimEntry.attachedRoutes) {
      const message = `listener ${name}: the controller counts attachedRoutes ${counted}, gwsim counts ${gwsimEntry.attachedRoutes}.`;
      const verdict = (n: number) => ({ status: String(n), reason: "" });
      out.push(
        locateDrift(
          locator,
          scope,
          "attached-routes",
          "attachedRoutes",
          ["status", "listeners", i, "attachedRoutes"],
          message,
          verdict(counted),
          verdict(gwsimEntry.attachedRoutes),
        ),
      );
    }
  }
  return out;
}

interface ParentEntry {
  ref: Record<string, unknown>;
  controllerName: string;
  conditions: readonly Record<string, unknown>[] | readonly Condition[];
}

/** Route `status.parents` and policy `status.ancestors`: entries keyed by reference and controller. */
function compareParents(
  locator: SourceLocator,
  base: ScopeBase,
  status: Record<string, unknown>,
  ours: ObjectStatus | undefined,
  controllers: ReadonlySet<string>,
): LocatedDrift[] {
  const isPolicy = base.manifest.kind === "BackendTLSPolicy";
  const listField = isPolicy ? "ancestors" : "parents";
  const refField = isPolicy ? "ancestorRef" : "parentRef";
  const namespace = base.manifest.namespace ?? "";
  const theirs = asRecords(status[listField]).map((raw) => ({
    ref: asRecord(raw[refField]) ?? {},
    controllerName: asString(raw["controllerName"]) ?? "",
    conditions: conditionsAt(raw),
  }));
  const mine: ParentEntry[] = asRecords(
    (ours as Record<string, unknown> | undefined)?.[listField],
  ).map((raw) => ({
    ref: asRecord(raw[refField]) ?? {},
    controllerName: asString(raw["controllerName"]) ?? "",
    conditions: raw["conditions"] as Condition[],
  }));
  // gwsim writes mesh (Service) parents under a stand-in controllerName: any mesh's entry for the
  // same Service is the one to compare with.
  const identity = (e: ParentEntry): string =>
    `${refIdentity(e.ref, namespace)}|${isMeshParent(e.ref) ? "" : e.controllerName}`;
  const mineById = new Map(mine.map((e) => [identity(e), e]));
  const theirIds = new Set<string>();
  const out: LocatedDrift[] = [];
  theirs.forEach((entry, i) => {
    const id = identity(entry);
    theirIds.add(id);
    const match = mineById.get(id);
    if (!match && !controllers.has(entry.controllerName)) return;
    appendAll(
      out,
      compareConditions(locator, scopeFor(base, entry, listField, i, isPolicy, match)),
    );
  });
  for (const entry of mine) {
    if (theirIds.has(identity(entry))) continue;
    appendAll(
      out,
      compareConditions(locator, scopeFor(base, entry, listField, undefined, isPolicy, entry)),
    );
  }
  return out;
}

function scopeFor(
  base: ScopeBase,
  entry: ParentEntry,
  listField: string,
  controllerIndex: number | undefined,
  isPolicy: boolean,
  match: ParentEntry | undefined,
): DriftScope {
  const hasController = controllerIndex !== undefined;
  return {
    ...base,
    label: `${isPolicy ? "ancestor" : "parent"} ${describeRef(entry.ref, base.manifest.namespace ?? "")}`,
    controllerPath: hasController ? ["status", listField, controllerIndex] : undefined,
    fallbackPath: ["status", listField],
    controller: hasController ? (entry.conditions as Record<string, unknown>[]) : [],
    gwsim: match?.conditions as Condition[] | undefined,
  };
}

function normalizedRef(ref: Record<string, unknown>, namespace: string) {
  const port = asNumber(ref["port"]);
  return {
    group: asString(ref["group"]) ?? GATEWAY_GROUP,
    kind: asString(ref["kind"]) ?? "Gateway",
    namespace: asString(ref["namespace"]) ?? namespace,
    name: asString(ref["name"]) ?? "",
    sectionName: asString(ref["sectionName"]) ?? "",
    port: port === undefined ? "" : String(port),
  };
}

function isMeshParent(ref: Record<string, unknown>): boolean {
  return normalizedRef(ref, "").kind === "Service";
}

function refIdentity(ref: Record<string, unknown>, namespace: string): string {
  const r = normalizedRef(ref, namespace);
  return [r.group, r.kind, r.namespace, r.name, r.sectionName, r.port].join("/");
}

/** "infra/shared (section https)", "Service store/cart (port 8080)". */
function describeRef(ref: Record<string, unknown>, namespace: string): string {
  const r = normalizedRef(ref, namespace);
  let text = `${r.kind === "Gateway" ? "" : `${r.kind} `}${r.namespace}/${r.name}`;
  if (r.sectionName) text += ` (section ${r.sectionName})`;
  if (r.port) text += ` (port ${r.port})`;
  return text;
}
