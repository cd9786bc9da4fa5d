/**
 * Per-rule backend problems the status stage does not turn into a condition: a rule whose
 * backendRefs all weigh 0 (every request gets 500), and backendRefs to a multi-cluster
 * ServiceImport without a port (for a core Service the CRD's own validation already requires one).
 * Other backend kinds stay silent: the spec lets the referent supply the port ("for other
 * resources, destination port might be derived from the referent resource or this field"), as
 * Envoy Gateway's Backend or an InferencePool do. Also
 * re-raises RefNotPermitted references as findings (restatesStatus) so the lint panel can offer
 * the ReferenceGrant that fixes them.
 */
import { RouteReason } from "../api/conditions";
import type { DiagnosticCode } from "../diagnostics/catalog";
import type { FieldPath, ResolvedRoute } from "../types";
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding, nameOf } from "./locateFinding";

export function findBackendProblems(input: LintInput): LintFinding[] {
  const lookup = createManifestLookup(input.manifests);
  const out: LintFinding[] = [];
  const add = (route: ResolvedRoute, code: DiagnosticCode, path: FieldPath, message: string) => {
    const d = locateFinding(input, lookup, code, route.key, path, message);
    if (d)
      out.push(
        code === "lint.reference-not-granted"
          ? { diagnostic: d, restatesStatus: true }
          : { diagnostic: d },
      );
  };
  // Indexed loops, and a finding's path built only for a finding: this visits every backendRef.
  for (let r = 0; r < input.routes.length; r++) {
    const route = input.routes[r] as ResolvedRoute;
    for (let k = 0; k < route.rules.length; k++) {
      const rule = route.rules[k] as ResolvedRoute["rules"][number];
      const refs = rule.backendRefs;
      if (refs.length > 0 && refs.every((b) => b.weight === 0)) {
        add(
          route,
          "lint.zero-total-weight",
          ["spec", "rules", rule.index, "backendRefs"],
          `${nameOf(route.key)} rule ${rule.index}: every backendRef has weight 0, so every request this rule matches is answered with 500.`,
        );
      }
      for (let b = 0; b < refs.length; b++) {
        const ref = refs[b] as (typeof refs)[number];
        const at = (): FieldPath => ["spec", "rules", rule.index, "backendRefs", ref.index];
        if (ref.port === undefined && isServiceLike(ref.group, ref.kind)) {
          add(
            route,
            "lint.backend-port-missing",
            at(),
            `${nameOf(route.key)} rule ${rule.index} backendRef ${ref.index} (${ref.kind} ${ref.namespace}/${ref.name}) has no port.`,
          );
        }
        if (ref.reason === RouteReason.RefNotPermitted) {
          add(
            route,
            "lint.reference-not-granted",
            at(),
            `${nameOf(route.key)} rule ${rule.index} refers to ${ref.kind} ${ref.namespace}/${ref.name} in another namespace, and no ReferenceGrant in ${ref.namespace} allows it: this backend gets no traffic (500).`,
          );
        }
      }
    }
  }
  return out;
}

/**
 * A ServiceImport is a Service exported from other clusters: it has a list of ports like a
 * Service and nothing on it picks one, so a reference to it needs a port as a Service's does.
 */
function isServiceLike(group: string, kind: string): boolean {
  return group === "multicluster.x-k8s.io" && kind === "ServiceImport";
}
