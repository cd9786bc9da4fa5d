/**
 * Per-listener validation before conflicts (spec §2.1): protocol, TLS mode, allowedRoutes.kinds,
 * certificateRefs and frontend CA certificates. Produces the listener's working state.
 */
import { ListenerReason } from "../api/conditions";
import { GATEWAY_GROUP, type RouteKind } from "../api/kinds";
import { describeAssumption, lookupObject, type WorldLookup } from "../resolve/world";
import { inspectCaBundle, inspectTlsSecret } from "../resolve/inspectCertificateData";
import { resolveReferencePermission } from "../resolve/isReferencePermitted";
import { asNumber, asRecord, asRecords, asString } from "../resolve/read";
import type { FieldPath, Manifest } from "../types";
import type { ListenerState, Problem } from "./listenerState";
import { recordAssumption, reportDiagnostic, type StatusContext } from "./statusContext";
import { assumedGrantNote } from "./assumedGrant";
import { needEngineModule } from "../modules/engineModules";
import { lookupTable } from "../collections/dict";
import { describeReading, readingValue } from "../readings/readings";

/** Route kinds gwsim serves per protocol (spec §1.3; TLS Terminate serves TLSRoute only). */
export const KINDS_BY_PROTOCOL = lookupTable<readonly RouteKind[]>({
  HTTP: ["HTTPRoute", "GRPCRoute"],
  HTTPS: ["HTTPRoute", "GRPCRoute"],
  TLS: ["TLSRoute"],
  TCP: ["TCPRoute"],
  UDP: ["UDPRoute"],
});

export function validateListener(
  ctx: StatusContext,
  gateway: Manifest,
  owner: Manifest,
  raw: Record<string, unknown>,
  specIndex: number,
): ListenerState {
  const path: FieldPath = ["spec", "listeners", specIndex];
  const protocol = asString(raw["protocol"]) ?? "";
  const port = asNumber(raw["port"]) ?? 0;
  const state: ListenerState = {
    gateway,
    owner,
    specIndex,
    name: asString(raw["name"]) ?? "",
    port,
    protocol,
    allowedRoutes: asRecord(raw["allowedRoutes"]) ?? {},
    supportedKinds: [],
    refProblems: [],
    certificateUnusable: false,
    attachedRoutes: 0,
  };
  const hostname = asString(raw["hostname"]);
  if (hostname && protocol !== "TCP" && protocol !== "UDP") state.hostname = hostname;

  const protocolKinds = KINDS_BY_PROTOCOL[protocol];
  if (!protocolKinds) {
    // A protocol outside the standard ones: the implementation-support table (on demand) decides.
    if (needEngineModule("implementationSupport").settleImplementationProtocol(ctx, state, path))
      return state;
    state.notAccepted = {
      reason: ListenerReason.UnsupportedProtocol,
      message: `Protocol "${protocol}" is not supported; use HTTP, HTTPS, TLS, TCP or UDP`,
    };
    return state;
  }
  if (port < 1 || port > 65535 || !Number.isInteger(port)) {
    state.notAccepted = {
      reason: ListenerReason.UnsupportedValue,
      message: `port ${raw["port"] === undefined ? "(missing)" : JSON.stringify(raw["port"])} is not a valid port number (1–65535)`,
    };
  }
  const tls = asRecord(raw["tls"]);
  if (protocol === "HTTPS" || protocol === "TLS") {
    const mode = asString(tls?.["mode"]) ?? "Terminate";
    if (mode !== "Terminate" && mode !== "Passthrough") {
      state.notAccepted ??= {
        reason: ListenerReason.UnsupportedValue,
        message: `TLS mode "${mode}" is not supported; use Terminate or Passthrough`,
      };
    } else if (protocol === "HTTPS" && mode === "Passthrough") {
      state.notAccepted ??= {
        reason: ListenerReason.UnsupportedValue,
        message: "HTTPS listeners must use TLS mode Terminate; use protocol TLS for Passthrough",
      };
    } else {
      state.tlsMode = mode;
      if (mode === "Terminate") checkCertificateRefs(ctx, state, tls, [...path, "tls"]);
    }
  }
  state.supportedKinds = resolveAllowedKinds(
    ctx,
    state,
    withReadingKinds(ctx, state, protocolKinds, path),
    path,
  );
  if (protocol === "HTTPS") checkFrontendValidation(ctx, state);
  return state;
}

/**
 * Under tcpRouteOnTlsTerminate=accepted a TLS listener in Terminate mode serves TCPRoute too, as
 * Envoy Gateway lists it. A TCPRoute named in allowedRoutes.kinds is then no InvalidRouteKinds: noted
 * there; attachments are noted on the route (computeRouteStatuses).
 */
function withReadingKinds(
  ctx: StatusContext,
  state: ListenerState,
  protocolKinds: readonly RouteKind[],
  path: FieldPath,
): readonly RouteKind[] {
  if (
    state.protocol !== "TLS" ||
    state.tlsMode !== "Terminate" ||
    readingValue(ctx.readings, "tcpRouteOnTlsTerminate") !== "accepted"
  )
    return protocolKinds;
  asRecords(state.allowedRoutes["kinds"]).forEach((k, i) => {
    if ((asString(k["group"]) ?? GATEWAY_GROUP) !== GATEWAY_GROUP || k["kind"] !== "TCPRoute")
      return;
    reportDiagnostic(
      ctx,
      "reading.applied",
      state.owner,
      [...path, "allowedRoutes", "kinds", i],
      `listener ${state.name} (TLS, mode Terminate) allows TCPRoute (${describeReading("tcpRouteOnTlsTerminate", "accepted")}; gwsim's default: InvalidRouteKinds, TLS listeners serve TLSRoute only)`,
    );
  });
  return [...protocolKinds, "TCPRoute"];
}

/**
 * The kinds of allowedRoutes.kinds the protocol carries. Each entry it cannot carry is a located
 * warning at that entry (the condition alone has no line for the editor or `check` to show) and
 * one part of the listener's InvalidRouteKinds message.
 */
function resolveAllowedKinds(
  ctx: StatusContext,
  state: ListenerState,
  protocolKinds: readonly RouteKind[],
  path: FieldPath,
): RouteKind[] {
  const listed = asRecords(state.allowedRoutes["kinds"]);
  if (listed.length === 0) return [...protocolKinds];
  const valid: RouteKind[] = [];
  const invalid: string[] = [];
  // A supported kind named in another group: the group, not the kind, is what to fix.
  let wrongGroup = false;
  listed.forEach((k, i) => {
    // The CRD defaults an absent group to gateway.networking.k8s.io; "" is the core group.
    const group = asString(k["group"]) ?? GATEWAY_GROUP;
    const kind = asString(k["kind"]) ?? "";
    const match = protocolKinds.find((p) => p === kind);
    if (group === GATEWAY_GROUP && match) {
      if (!valid.includes(match)) valid.push(match);
      return;
    }
    if (group !== GATEWAY_GROUP && match) wrongGroup = true;
    invalid.push(
      group === GATEWAY_GROUP
        ? kind
        : group === ""
          ? `${kind} of the core group (group: "")`
          : `${group}/${kind}`,
    );
    const words = needEngineModule("diagnosticWords").invalidRouteKindWords(
      state,
      { group: asString(k["group"]), kind },
      protocolKinds,
    );
    const at: FieldPath = [...path, "allowedRoutes", "kinds", i, words.field];
    reportDiagnostic(ctx, "listener.invalid-route-kind", state.owner, at, words.message);
  });
  if (invalid.length) {
    state.refProblems.push({
      reason: ListenerReason.InvalidRouteKinds,
      message: `${invalid.join(", ")} cannot attach to a listener with protocol ${state.protocol} (supported: ${protocolKinds.join(", ")}${wrongGroup ? `, all in group ${GATEWAY_GROUP}, which a kinds entry without group defaults to` : ""})`,
    });
  }
  return valid;
}

function checkCertificateRefs(
  ctx: StatusContext,
  state: ListenerState,
  tls: Record<string, unknown> | undefined,
  tlsPath: FieldPath,
): void {
  const refs = asRecords(tls?.["certificateRefs"]);
  // The CRD admits Terminate with options and no certificateRefs ("certificateRefs or options
  // must be specified when mode is Terminate"): the options name the certificate in the
  // implementation's terms (GKE's networking.gke.io/pre-shared-certs, Istio's
  // gateway.istio.io/tls-terminate-mode: ISTIO_MUTUAL). gwsim cannot read them, so it does not
  // call the certificate missing.
  if (refs.length === 0 && Object.keys(asRecord(tls?.["options"]) ?? {}).length > 0) return;
  if (refs.length === 0) {
    state.certificateUnusable = true;
    state.refProblems.push({
      reason: ListenerReason.InvalidCertificateRef,
      // Without any tls section the listener is not "in Terminate mode": say what is missing.
      message:
        tls === undefined
          ? `${state.protocol} listener has no tls section, so it has no certificate to terminate TLS with (tls.certificateRefs); the Listener API reference requires tls for ${state.protocol} listeners`
          : `${state.protocol} listener in Terminate mode has no tls.certificateRefs`,
    });
    return;
  }
  const ownerNs = state.owner.namespace ?? "";
  const problems: Problem[] = [];
  refs.forEach((ref, i) => {
    const problem = checkSecretRef(ctx, state, ref, ownerNs, [...tlsPath, "certificateRefs", i]);
    if (problem) problems.push(problem);
  });
  if (problems.length === 0) return;
  if (
    problems.length < refs.length &&
    readingValue(ctx.readings, "partlyInvalidCertificateRefs") === "valid-ones-served"
  ) {
    servePartlyInvalidCertificates(ctx, state, problems, [...tlsPath, "certificateRefs"]);
    return;
  }
  state.certificateUnusable = true;
  for (const p of problems) state.refProblems.push(p);
}

/**
 * Under partlyInvalidCertificateRefs=valid-ones-served the listener serves the valid certificates,
 * as Envoy Gateway does: ResolvedRefs=False with its reason PartiallyInvalidCertificateRef, except a
 * ref a grant refused, which keeps RefNotPermitted (the certificateRefs field says it MUST).
 */
function servePartlyInvalidCertificates(
  ctx: StatusContext,
  state: ListenerState,
  problems: readonly Problem[],
  path: FieldPath,
): void {
  for (const p of problems)
    state.refProblems.push(
      p.reason === ListenerReason.RefNotPermitted
        ? p
        : { reason: "PartiallyInvalidCertificateRef", message: p.message },
    );
  reportDiagnostic(
    ctx,
    "reading.applied",
    state.owner,
    path,
    `listener ${state.name} is programmed with its valid certificateRefs (${describeReading("partlyInvalidCertificateRefs", "valid-ones-served")}; gwsim's default: not programmed)`,
  );
}

function checkSecretRef(
  ctx: StatusContext,
  state: ListenerState,
  ref: Record<string, unknown>,
  ownerNs: string,
  path: FieldPath,
): Problem | undefined {
  const owner = state.owner;
  const group = asString(ref["group"]) ?? "";
  const kind = asString(ref["kind"]) ?? "Secret";
  const name = asString(ref["name"]) ?? "";
  const namespace = asString(ref["namespace"]) ?? ownerNs;
  const label = `certificateRef ${kind} ${namespace}/${name}`;
  if (group !== "" || kind !== "Secret") {
    return {
      reason: ListenerReason.InvalidCertificateRef,
      message: `${label}: group "${group}" kind ${kind} is not supported (only core Secret)`,
    };
  }
  const from = { group: GATEWAY_GROUP, kind: owner.kind, namespace: ownerNs };
  const permission = resolveReferencePermission(ctx.index, from, {
    group: "",
    kind: "Secret",
    namespace,
    name,
  });
  if (!permission.permitted)
    return { reason: ListenerReason.RefNotPermitted, message: `${label}: ${permission.reason}` };
  if (permission.assumed !== undefined) {
    recordAssumption(
      ctx,
      assumedGrantNote(from, { group: "", kind: "Secret", namespace }, permission.assumed),
      owner,
      path,
    );
    (state.assumed ??= []).push(permission.reason);
  }
  const found = lookupObject(ctx.index, "Secret", namespace, name);
  if (found.state === "assumed") {
    assumeCertificateSecret(ctx, state, namespace, name, found, path);
    return undefined;
  }
  if (found.state === "missing") {
    reportDiagnostic(
      ctx,
      "ref.not-found",
      owner,
      path,
      `Secret ${namespace}/${name} is not in the input${found.why !== undefined ? ` (${found.why})` : ""}.`,
    );
    return { reason: ListenerReason.InvalidCertificateRef, message: `${label}: Secret not found` };
  }
  const data = inspectTlsSecret(found.object);
  if (!data.ok)
    return { reason: ListenerReason.InvalidCertificateRef, message: `${label}: ${data.problem}` };
  return undefined;
}

const SECRET_CLOSED_WORLD =
  "the listener is not programmed (InvalidCertificateRef) and refuses connections";

/**
 * A certificate Secret the world assumes: a valid certificate whose SANs cover the listener's
 * hostname. When cert-manager issues it (a Certificate of the input, or the gateway-shim), the
 * SANs are known exactly, and a listener hostname they do not cover is reported.
 */
function assumeCertificateSecret(
  ctx: StatusContext,
  state: ListenerState,
  namespace: string,
  name: string,
  found: Extract<WorldLookup, { state: "assumed" }>,
  path: FieldPath,
): void {
  const issuer = found.issuedBy;
  const sans = issuer ? issuer.dnsNames : state.hostname !== undefined ? [state.hostname] : [];
  const facts = issuer
    ? [`SANs ${sans.join(", ") || "(none)"} from ${issuer.source}`]
    : ["a valid certificate covering the listener hostname"];
  recordAssumption(
    ctx,
    {
      code: "assume.secret",
      kind: "Secret",
      namespace,
      name,
      why: found.why,
      facts,
      closedWorld: SECRET_CLOSED_WORLD,
    },
    state.owner,
    path,
  );
  const covered =
    issuer === undefined ||
    state.hostname === undefined ||
    sans.some((san) => certificateNameCovers(san, state.hostname ?? ""));
  const sanText = issuer
    ? `SANs ${sans.join(", ") || "(none)"} from ${issuer.source}`
    : "a valid certificate covering the listener hostname";
  const line = describeAssumption(
    `Secret ${namespace}/${name}`,
    `assumed to hold ${sanText}`,
    "the listener refuses connections",
  );
  (state.assumed ??= []).push(line);
  if (!covered && issuer) {
    reportDiagnostic(
      ctx,
      "cert.hostname-not-covered",
      state.owner,
      [...path.slice(0, 3), "hostname"],
      `Listener ${state.name} serves hostname ${state.hostname ?? ""}, but ${issuer.source} issues Secret ${namespace}/${name} for ${sans.join(", ") || "no dnsNames"}, which does not cover it.`,
    );
    state.assumed.push(
      `certificate SANs ${sans.join(", ") || "(none)"} do not cover listener hostname ${state.hostname ?? ""}: clients that verify it refuse the connection`,
    );
  }
}

/**
 * Whether a certificate name covers a listener hostname: an exact name, or a wildcard SAN
 * `*.example.com` covering one label (`a.example.com`, and the listener wildcard `*.example.com`).
 */
export function certificateNameCovers(san: string, hostname: string): boolean {
  const a = san.toLowerCase();
  const h = hostname.toLowerCase();
  if (a === h) return true;
  if (!a.startsWith("*.")) return false;
  const dot = h.indexOf(".");
  return (
    dot > 0 &&
    h.slice(dot) === a.slice(1) &&
    (h.slice(0, dot) === "*" || !h.slice(0, dot).includes("*"))
  );
}

/** Gateway spec.tls.frontend: the perPort entry for the listener's port, else the default. */
function checkFrontendValidation(ctx: StatusContext, state: ListenerState): void {
  const frontend = asRecord(asRecord(state.gateway.spec["tls"])?.["frontend"]);
  if (!frontend) return;
  const perPortIndex = asRecords(frontend["perPort"]).findIndex(
    (p) => asNumber(p["port"]) === state.port,
  );
  const config =
    perPortIndex >= 0
      ? asRecord(asRecords(frontend["perPort"])[perPortIndex]?.["tls"])
      : asRecord(frontend["default"]);
  const validation = asRecord(config?.["validation"]);
  if (!validation) return;
  const basePath: FieldPath =
    perPortIndex >= 0
      ? [
          "spec",
          "tls",
          "frontend",
          "perPort",
          perPortIndex,
          "tls",
          "validation",
          "caCertificateRefs",
        ]
      : ["spec", "tls", "frontend", "default", "validation", "caCertificateRefs"];
  const refs = asRecords(validation["caCertificateRefs"]);
  const gwNs = state.gateway.namespace ?? "";
  let invalid = 0;
  refs.forEach((ref, i) => {
    const problem = checkCaRef(ctx, state.gateway, ref, gwNs, [...basePath, i]);
    if (problem) {
      invalid += 1;
      state.refProblems.push(problem);
    }
  });
  if (refs.length > 0 && invalid === refs.length) {
    state.notAccepted ??= {
      reason: ListenerReason.NoValidCACertificate,
      message: `none of the ${refs.length} frontend caCertificateRefs for port ${state.port} is usable`,
    };
  }
}

function checkCaRef(
  ctx: StatusContext,
  gateway: Manifest,
  ref: Record<string, unknown>,
  gwNs: string,
  path: FieldPath,
): Problem | undefined {
  const group = asString(ref["group"]) ?? "";
  const kind = asString(ref["kind"]) ?? "";
  const name = asString(ref["name"]) ?? "";
  const namespace = asString(ref["namespace"]) ?? gwNs;
  const label = `caCertificateRef ${kind} ${namespace}/${name}`;
  if (group !== "" || (kind !== "ConfigMap" && kind !== "Secret")) {
    return {
      reason: ListenerReason.InvalidCACertificateKind,
      message: `${label}: group "${group}" kind ${kind} is not supported (ConfigMap or Secret)`,
    };
  }
  const from = { group: GATEWAY_GROUP, kind: "Gateway", namespace: gwNs };
  const permission = resolveReferencePermission(ctx.index, from, {
    group: "",
    kind,
    namespace,
    name,
  });
  if (!permission.permitted)
    return { reason: ListenerReason.RefNotPermitted, message: `${label}: ${permission.reason}` };
  if (permission.assumed !== undefined)
    recordAssumption(
      ctx,
      assumedGrantNote(from, { group: "", kind, namespace }, permission.assumed),
      gateway,
      path,
    );
  const found = lookupObject(ctx.index, kind, namespace, name);
  if (found.state === "assumed") {
    recordAssumption(
      ctx,
      {
        code: "assume.object",
        kind,
        namespace,
        name,
        why: found.why,
        facts: ["a valid CA bundle"],
        closedWorld: "the listener reports InvalidCACertificateRef",
      },
      gateway,
      path,
    );
    return undefined;
  }
  const target = found.state === "found" ? found.object : undefined;
  if (!target) {
    reportDiagnostic(
      ctx,
      "ref.not-found",
      gateway,
      path,
      `${kind} ${namespace}/${name} is not in the input.`,
    );
    return {
      reason: ListenerReason.InvalidCACertificateRef,
      message: `${label}: ${kind} not found`,
    };
  }
  const data = inspectCaBundle(target);
  if (!data.ok)
    return { reason: ListenerReason.InvalidCACertificateRef, message: `${label}: ${data.problem}` };
  return undefined;
}
