/**
 * Per-rule backend problems the status stage does not turn into a condition: a rule whose
 * backendRefs all weigh 0 (every request gets 500), and a backendRef without a port to a
 * multi-cluster ServiceImport of the input that lists several ports, so nothing picks one (for a
 * core Service the CRD's own validation already requires a port). Otherwise a missing port stays
 * silent: the spec lets the referent supply it ("for other resources, destination port might be
 * derived from the referent resource or this field"), as the upstream GEP-1748 example does with a
 * ServiceImport, and Envoy Gateway's Backend or an InferencePool do. Also
 * re-raises RefNotPermitted references as findings (restatesStatus) so the lint panel can offer
 * the ReferenceGrant that fixes them.
 */
import { RouteReason } from "../api/conditions";
import { resourceKey } from "../api/keys";
import { asRecords } from "../resolve/read";
import type { DiagnosticCode } from "../diagnostics/catalog";
import type { FieldPath, ResolvedRoute } from "../types";
import type { LintFinding, LintInput } from "./lintTypes";
import { createManifestLookup, locateFinding, nameOf, type ManifestLookup } from "./locateFinding";

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
      if (refs.length > 0 && everyWeighsZero(refs)) {
        add(
          route,
          "lint.zero-total-weight",
          ["spec", "rules", rule.index, "backendRefs"],
          `${nameOf(route.key)} rule ${rule.index}: every backendRef has weight 0, so every request this rule matches is answered with 500.`,
        );
      }
      for (let b = 0; b < refs.length; b++) {
        const ref = refs[b] as (typeof refs)[number];
        if (ref.port === undefined && isServiceImport(ref.group, ref.kind)) {
          const ports = importedPorts(lookup, ref.namespace, ref.name);
          if (ports.length > 1)
            add(
              route,
              "lint.backend-port-missing",
              refPath(rule.index, ref.index),
              `${nameOf(route.key)} rule ${rule.index} backendRef ${ref.index} (${ref.kind} ${ref.namespace}/${ref.name}) has no port, and the ServiceImport has ${ports.length} (${ports.join(", ")}): nothing picks one.`,
            );
        }
        if (ref.reason === RouteReason.RefNotPermitted) {
          add(
            route,
            "lint.reference-not-granted",
            refPath(rule.index, ref.index),
            `${nameOf(route.key)} rule ${rule.index} refers to ${ref.kind} ${ref.namespace}/${ref.name} in another namespace, and no ReferenceGrant in ${ref.namespace} allows it: this backend gets no traffic (500).`,
          );
        }
      }
    }
  }
  return out;
}

/**
 * A plain loop and a path made on demand: a callback for every(), and a closure for the path,
 * were two functions allocated per rule and per backendRef of every route for nearly no finding.
 */
function everyWeighsZero(refs: readonly { weight: number }[]): boolean {
  for (let i = 0; i < refs.length; i++)
    if ((refs[i] as { weight: number }).weight !== 0) return false;
  return true;
}

function refPath(ruleIndex: number, refIndex: number): FieldPath {
  return ["spec", "rules", ruleIndex, "backendRefs", refIndex];
}

function isServiceImport(group: string, kind: string): boolean {
  return group === "multicluster.x-k8s.io" && kind === "ServiceImport";
}

/** The ports a ServiceImport of the input lists; none when it is not in the input. */
function importedPorts(lookup: ManifestLookup, namespace: string, name: string): number[] {
  const object = lookup(resourceKey("ServiceImport", namespace, name));
  const ports: number[] = [];
  for (const p of asRecords(object?.spec["ports"])) {
    const port = p["port"];
    if (typeof port === "number") ports.push(port);
  }
  return ports;
}
