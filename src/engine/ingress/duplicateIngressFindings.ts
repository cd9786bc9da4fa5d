/**
 * Ingresses the conversion never sees. When two documents define the same Ingress (one namespace,
 * one name), load keeps the later one, as `kubectl apply` would (object.duplicate), and the
 * conversion reads only that one: the hosts and paths of the others are missing from the Gateway
 * API output. A migration that drops routes without saying so is silent loss, so each such Ingress
 * gets a finding in the output's header and the report, naming the definition converted and where
 * the load warnings are.
 */
import type { Diagnostic, Manifest } from "../types";
import type { MigrationFinding } from "./convertIngresses";

/** The kinds the conversion reads an object of by its name. */
const CONVERTED_KINDS: ReadonlySet<string> = new Set(["Ingress", "IngressClass"]);

/** A load diagnostic saying an Ingress or IngressClass of the input is not what was converted. */
export function losesConvertedObject(d: Diagnostic): boolean {
  return (
    d.code === "object.duplicate" && d.object !== undefined && CONVERTED_KINDS.has(d.object.kind)
  );
}

export function duplicateIngressFindings(
  loadDiagnostics: readonly Diagnostic[],
  manifests: readonly Manifest[],
): MigrationFinding[] {
  const laterDefinitions = new Map<string, Diagnostic[]>();
  for (const d of loadDiagnostics) {
    if (!losesConvertedObject(d) || d.objectKey === undefined) continue;
    const list = laterDefinitions.get(d.objectKey);
    if (list === undefined) laterDefinitions.set(d.objectKey, [d]);
    else list.push(d);
  }
  if (laterDefinitions.size === 0) return [];
  const findings: MigrationFinding[] = [];
  for (const m of manifests) {
    const warnings = laterDefinitions.get(m.key);
    if (warnings === undefined || !m.modelled) continue;
    const name = `${m.namespace === undefined ? "" : `${m.namespace}/`}${m.name}`;
    const at = warnings.map((d) => `${d.file}:${d.line}:${d.column}`).join(", ");
    const what =
      m.kind === "Ingress"
        ? "the hosts and paths of the others are not in this output"
        : "the others' controller and default flag are not read";
    findings.push({
      ingress: m.kind === "Ingress" ? name : `IngressClass ${name}`,
      severity: "warning",
      message: `${m.source.file}:${m.source.line}: ${m.kind} ${name} is defined ${warnings.length + 1} times in the input (object.duplicate at ${at}); only this definition, the one kubectl apply keeps, is converted, and ${what}. Give each ${m.kind} its own name if all of them should be served, or remove the ones you do not mean.`,
    });
  }
  return findings;
}
