/**
 * Listeners of different Gateways on the same port whose hostnames intersect. Each Gateway gets
 * its own address, and a DNS name points at one address: requests for the shared names reach
 * only one of the two, whatever routes the other attaches.
 */
import { intersectHostname } from "../resolve/intersectHostnames";
import type { GatewayModel, ListenerModel } from "../types";
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding, nameOf } from "./locateFinding";

export function findHostnameOverlaps(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const out: LintFinding[] = [];
  const reported = new Set<string>();
  const gateways = input.gateways.filter((g) => g.reconciled);
  gateways.forEach((a, i) => {
    for (const b of gateways.slice(i + 1)) {
      for (const la of a.listeners) {
        for (const lb of b.listeners) {
          if (la.port !== lb.port) continue;
          const shared = intersectHostname(la.hostname, lb.hostname ?? "*");
          if (shared === undefined) continue;
          const key = `${a.key}\u0000${la.name}\u0000${b.key}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const message = `${describe(a, la)} and ${describe(b, lb)} both serve ${shared === "*" ? "every hostname" : shared} on port ${la.port}; a DNS name resolves to one Gateway's address, so only one of them receives those requests.`;
          const index = listenerIndex(lookup(b.key)?.spec, lb.name);
          const path =
            lb.owner === b.key && index >= 0
              ? ["spec", "listeners", index, "hostname"]
              : ["metadata", "name"];
          const d = locateFinding(
            input,
            lookup,
            "lint.hostname-overlap-across-gateways",
            b.key,
            path,
            message,
          );
          if (d) out.push({ diagnostic: d });
        }
      }
    }
  });
  return out;
}

function describe(g: GatewayModel, l: ListenerModel): string {
  return `${nameOf(g.key)} listener ${l.name} (${l.hostname ?? "any hostname"})`;
}

function listenerIndex(spec: Record<string, unknown> | undefined, name: string): number {
  const listeners = spec?.["listeners"];
  if (!Array.isArray(listeners)) return -1;
  return listeners.findIndex(
    (l: unknown) =>
      typeof l === "object" && l !== null && (l as Record<string, unknown>)["name"] === name,
  );
}
