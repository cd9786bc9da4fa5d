/**
 * A parentRef written without `namespace` names a Gateway in the route's own namespace. When that
 * Gateway is not in the input but one of the same name is in another namespace, the likeliest
 * story is the commonest Gateway API mistake: the route sits in a team namespace and the shared
 * Gateway in an infrastructure one, and the namespace was left out. The status stage only sees a
 * missing (or assumed) parent; this says which namespace was probably meant.
 */
import { parseResourceKey } from "../api/keys";
import { GATEWAY_GROUP } from "../api/kinds";
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding, nameOf } from "./locateFinding";

export function findParentRefNamespaceDefaulted(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  let byName: Map<string, string[]> | undefined;
  const out: LintFinding[] = [];
  for (const e of input.explain) {
    // Only a parentRef the status stage found no parent for (missing, or assumed by the world).
    if (e.noStatusReason === undefined || e.parent !== undefined) continue;
    const ref = e.parentRef;
    if (ref.name === undefined || ref.namespace !== undefined) continue;
    if ((ref.kind ?? "Gateway") !== "Gateway") continue;
    if (ref.group !== undefined && ref.group !== GATEWAY_GROUP) continue;
    if (byName === undefined) byName = gatewayNamespacesByName(input);
    const elsewhere = byName.get(ref.name) ?? [];
    if (elsewhere.length === 0) continue;
    const own = parseResourceKey(e.route).namespace ?? "";
    const candidates = elsewhere.filter((ns) => ns !== own);
    if (candidates.length === 0) continue;
    const where = candidates.map((ns) => `Gateway ${ns}/${ref.name}`).join(", ");
    const message = `${nameOf(e.route)} parentRef ${e.parentRefIndex} has no namespace, so it names Gateway ${own}/${ref.name} (the route's own namespace), which is not in the input; ${where} ${candidates.length === 1 ? "is" : "are"}. If the route is meant for ${candidates.length === 1 ? "it" : "one of them"}, set \`namespace: ${candidates[0] ?? ""}\`${candidates.length === 1 ? "" : " (or another of those namespaces)"}.`;
    const d = locateFinding(
      input,
      lookup,
      "lint.parent-ref-namespace-defaulted",
      e.route,
      ["spec", "parentRefs", e.parentRefIndex],
      message,
    );
    if (d) out.push({ diagnostic: d });
  }
  return out;
}

function gatewayNamespacesByName(input: LintInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of input.gateways) {
    const list = out.get(g.name);
    if (list === undefined) out.set(g.name, [g.namespace]);
    else if (!list.includes(g.namespace)) list.push(g.namespace);
  }
  return out;
}
