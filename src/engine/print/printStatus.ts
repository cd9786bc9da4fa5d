/**
 * Renders computed status as YAML a Gateway API user can review: one document per object that
 * has status, like `kubectl get -o yaml` trimmed to apiVersion, kind, metadata.name/namespace and
 * status. Order is stable: by kind (classes, Gateways, ListenerSets, routes, policies), then
 * namespace, then name. Fields keep the order a controller writes them (condition type first,
 * rather than kubectl's alphabetical order) because that is what reviewers scan for.
 */
import { stringify } from "yaml";
import { kindDisplayRank } from "../api/kinds";
import type { ObjectStatus, ResourceKey, StatusReport } from "../types";

export interface PrintableObject {
  key: ResourceKey;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export function printStatus(status: StatusReport, objects: readonly PrintableObject[]): string {
  const byKey = new Map(objects.map((o) => [o.key as string, o]));
  const entries = Object.keys(status)
    .map((key) => ({ key, object: byKey.get(key) }))
    .filter((e): e is { key: string; object: PrintableObject } => e.object !== undefined)
    .sort((a, b) => compare(a.object, b.object));
  return entries
    .map(({ key, object }) => {
      const metadata: Record<string, string> = { name: object.name };
      if (object.namespace !== undefined) metadata["namespace"] = object.namespace;
      const doc = {
        apiVersion: object.apiVersion,
        kind: object.kind,
        metadata,
        status: asWritten(status[key]),
      };
      // Equal conditions may be one shared object (computeRouteStatuses' passing conditions):
      // each is written out in full, never as a YAML anchor and alias.
      return stringify(doc, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
    })
    .join("---\n");
}

/** The status as a controller writes it: without gwsim's own bookkeeping (parentRefIndex). */
function asWritten(status: ObjectStatus | undefined): unknown {
  if (status === undefined || !("parents" in status)) return status;
  return {
    ...status,
    parents: status.parents.map(({ parentRefIndex: _index, ...written }) => written),
  };
}

function compare(a: PrintableObject, b: PrintableObject): number {
  const ka = kindDisplayRank(a.kind);
  const kb = kindDisplayRank(b.kind);
  if (ka !== kb) return ka - kb;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const na = a.namespace ?? "";
  const nb = b.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
