/**
 * A Service backendRef without `port` (the CRD requires one) → set it to the Service's port when
 * the Service in the input has exactly one: the only choice that can be right. With several ports
 * the user has to pick, so no fix-it is offered.
 */
import { parseResourceKey } from "../api/keys";
import type { ResourceIndex } from "../resolve/indexResources";
import { asArray, asNumber, asRecord } from "../resolve/read";
import type { Manifest, ResolvedRoute } from "../types";
import type { FixIt } from "./fixItTypes";

export function buildBackendPortFixes(
  routes: readonly ResolvedRoute[],
  index: ResourceIndex,
): FixIt[] {
  const out: FixIt[] = [];
  for (const route of routes) {
    const manifest = index.byKey.get(route.key);
    if (manifest === undefined) continue;
    for (const rule of route.rules) {
      for (const ref of rule.backendRefs) {
        if (ref.port !== undefined || ref.group !== "" || ref.kind !== "Service") continue;
        const service = index.byKey.get(`Service/${ref.namespace}/${ref.name}` as Manifest["key"]);
        const ports = asArray(service?.spec["ports"]);
        const port = ports.length === 1 ? asNumber(asRecord(ports[0])?.["port"]) : undefined;
        if (port === undefined) continue;
        out.push({
          id: `backend-port:${route.key}:${rule.index}:${ref.index}`,
          kind: "backend-port",
          title: `Set port ${port} on backendRef ${ref.name} (rule ${rule.index})`,
          detail: `A backendRef to a Service must name a port. Service ${ref.namespace}/${ref.name} has exactly one: ${port}.`,
          fixes: "schema.rule",
          object: parseResourceKey(route.key),
          file: manifest.source.file,
          edits: [
            {
              op: "setField",
              target: { kind: route.kind, namespace: route.namespace, name: route.name },
              path: ["spec", "rules", rule.index, "backendRefs", ref.index, "port"],
              value: port,
            },
          ],
        });
      }
    }
  }
  return out;
}
