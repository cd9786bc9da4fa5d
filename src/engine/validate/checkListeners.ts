/**
 * The CEL rules of Gateway and ListenerSet `spec.listeners` (v1.6.1 CRDs): what the API server
 * refuses before any controller sees the object.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gateway.networking.k8s.io/v1.Listener
 */
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";

const NO_TLS = new Set(["HTTP", "TCP", "UDP"]);
const NO_HOSTNAME = new Set(["TCP", "UDP"]);

export function checkListeners(spec: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const names = new Map<string, number>();
  const combos = new Map<string, number>();
  asArray(spec.listeners).forEach((raw, i) => {
    if (!isObject(raw)) return;
    const path = ["spec", "listeners", i];
    const protocol = typeof raw.protocol === "string" ? raw.protocol : "";
    const name = typeof raw.name === "string" ? raw.name : undefined;
    if (name !== undefined) {
      const first = names.get(name);
      if (first !== undefined) {
        issues.push({
          code: "schema.rule",
          path: [...path, "name"],
          message: `${printPath([...path, "name"])}: Listener name must be unique within the Gateway; "${name}" is also spec.listeners[${first}].`,
          hint: "Give each listener its own name.",
        });
      } else names.set(name, i);
    }
    const hostname = typeof raw.hostname === "string" ? raw.hostname : "";
    const combo = `${String(raw.port)}/${protocol}/${hostname}`;
    const sameCombo = combos.get(combo);
    if (sameCombo !== undefined) {
      issues.push({
        code: "schema.rule",
        path,
        message: `${printPath(path)}: Combination of port, protocol and hostname must be unique for each listener; ${String(raw.port)}/${protocol}${hostname ? ` ${hostname}` : " (no hostname)"} repeats spec.listeners[${sameCombo}].`,
        hint: "Change the port or the hostname of one of the two listeners, or merge them.",
      });
    } else combos.set(combo, i);
    if (NO_HOSTNAME.has(protocol) && raw.hostname !== undefined && raw.hostname !== null) {
      issues.push({
        code: "schema.rule",
        path: [...path, "hostname"],
        message: `${printPath([...path, "hostname"])}: hostname must not be specified for protocol ${protocol}.`,
        hint: `Remove the hostname: ${protocol} carries no host name to match on.`,
      });
    }
    checkListenerTls(raw, protocol, path, issues);
  });
  return issues;
}

function checkListenerTls(
  listener: Record<string, unknown>,
  protocol: string,
  path: (string | number)[],
  issues: ValidationIssue[],
): void {
  const tls = listener.tls;
  const hasTls = tls !== undefined && tls !== null;
  if (NO_TLS.has(protocol) && hasTls) {
    issues.push({
      code: "schema.rule",
      path: [...path, "tls"],
      message: `${printPath([...path, "tls"])}: tls must not be specified for protocol ${protocol}.`,
      hint:
        protocol === "HTTP"
          ? "Use protocol HTTPS to terminate TLS, or remove `tls`."
          : "Use protocol TLS, or remove `tls`.",
    });
    return;
  }
  const mode = isObject(tls) ? tls.mode : undefined;
  if (protocol === "HTTPS" && mode !== undefined && mode !== "Terminate") {
    issues.push({
      code: "schema.rule",
      path: [...path, "tls", "mode"],
      message: `${printPath([...path, "tls", "mode"])}: tls mode must be Terminate for protocol HTTPS.`,
      hint: "Use protocol TLS for Passthrough, or set mode: Terminate.",
    });
  }
  if (protocol === "TLS" && (!isObject(tls) || tls.mode === undefined)) {
    issues.push({
      code: "schema.rule",
      path: [...path, "tls"],
      message: `${printPath([...path, "tls", "mode"])}: tls mode must be set for protocol TLS.`,
      hint: "Add `tls: {mode: Passthrough}` (or Terminate with certificateRefs).",
    });
  }
  const terminate = isObject(tls) && (tls.mode ?? "Terminate") === "Terminate";
  if (
    terminate &&
    isObject(tls) &&
    asArray(tls.certificateRefs).length === 0 &&
    !isObject(tls.options)
  ) {
    issues.push({
      code: "schema.rule",
      path: [...path, "tls"],
      message: `${printPath([...path, "tls"])}: certificateRefs or options must be specified when mode is Terminate.`,
      hint: "Add `certificateRefs` naming the TLS Secret with the certificate.",
    });
  }
}
