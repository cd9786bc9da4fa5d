/**
 * Gateway-level checks that do not depend on listeners (spec §2.3): requested addresses,
 * infrastructure parametersRef, backend client certificate, insecure frontend validation.
 *
 * Addresses: gwsim supports the IPAddress and Hostname types (and assumes an implementation-specific
 * type supported when the GatewayClass is not in the input: implementationAddress.ts) and takes every well-formed requested
 * address as usable, because whether an address is usable depends on the cluster's address pools,
 * which the input does not describe. A value that is not valid for its type (an IPAddress that is
 * not an IP, a Hostname with a port) is reported, as the spec requires, with Programmed=False
 * AddressNotUsable, and is not published in status.addresses. A Gateway that requests none (or an entry without a value) is given a
 * placeholder address, as a load balancer would assign one.
 */
import { GatewayReason } from "../api/conditions";
import { GATEWAY_GROUP } from "../api/kinds";
import { isAddressHostname, isIPAddress } from "../api/addressSyntax";
import { lookupObject } from "../resolve/world";
import { inspectTlsSecret } from "../resolve/inspectCertificateData";
import { resolveReferencePermission } from "../resolve/isReferencePermitted";
import { asRecord, asRecords, asString } from "../resolve/read";
import type { Manifest } from "../types";
import type { Problem } from "./listenerState";
import { recordAssumption, reportDiagnostic, type StatusContext } from "./statusContext";
import { assumedGrantNote } from "./assumedGrant";
import { needEngineModule } from "../modules/engineModules";

export interface GatewayAssessment {
  /** Accepted=False cause, when the Gateway itself (not its listeners) is invalid. */
  notAccepted?: Problem;
  /** Programmed=False cause that is not about listeners: a requested address that cannot be used. */
  notProgrammed?: Problem;
  /** Gateway-level ResolvedRefs problem (backend clientCertificateRef). */
  refProblem?: Problem;
  /** The backend client certificate Secret ("namespace/name") when clientCertificateRef resolves. */
  backendClientCertificate?: string;
  addresses: { type: string; value: string }[];
  insecureFrontendValidation: boolean;
}

const SUPPORTED_ADDRESS_TYPES = new Set(["IPAddress", "Hostname"]);

export function assessGateway(
  ctx: StatusContext,
  gateway: Manifest,
  placeholderAddress: string,
): GatewayAssessment {
  const out: GatewayAssessment = {
    addresses: [],
    insecureFrontendValidation: hasInsecureFallback(gateway),
  };
  const requested = asRecords(gateway.spec["addresses"]);
  const unsupported = requested
    .map((a) => asString(a["type"]) ?? "IPAddress")
    .filter(
      // An address type outside these is rare: its assumption is an on-demand module.
      (t, i) =>
        !SUPPORTED_ADDRESS_TYPES.has(t) &&
        !needEngineModule("gatewayAddresses").assumeAddressTypeSupported(ctx, gateway, t, i),
    );
  if (unsupported.length) {
    out.notAccepted = {
      reason: GatewayReason.UnsupportedAddress,
      message: `address type ${unsupported.join(", ")} is not supported (IPAddress or Hostname)`,
    };
  }
  const params = asRecord(asRecord(gateway.spec["infrastructure"])?.["parametersRef"]);
  if (params && !out.notAccepted) {
    const kind = asString(params["kind"]) ?? "";
    const name = asString(params["name"]) ?? "";
    const target = lookupObject(ctx.index, kind, gateway.namespace, name);
    if (target.state === "assumed") {
      recordAssumption(
        ctx,
        {
          code: "assume.parameters",
          kind,
          namespace: gateway.namespace ?? "",
          name,
          why: target.why,
          facts: ["valid parameters"],
          closedWorld: "the Gateway is not Accepted (InvalidParameters)",
        },
        gateway,
        ["spec", "infrastructure", "parametersRef"],
      );
    } else if (target.state === "missing") {
      reportDiagnostic(
        ctx,
        "ref.not-found",
        gateway,
        ["spec", "infrastructure", "parametersRef"],
        `infrastructure.parametersRef ${kind} ${gateway.namespace}/${name} is not in the input.`,
      );
      out.notAccepted = {
        reason: GatewayReason.InvalidParameters,
        message: `infrastructure.parametersRef ${asString(params["group"]) ?? ""}/${kind} ${name} not found in namespace ${gateway.namespace}`,
      };
    }
  }
  const clientCert = asRecord(
    asRecord(asRecord(gateway.spec["tls"])?.["backend"])?.["clientCertificateRef"],
  );
  if (clientCert) {
    const problem = checkClientCertificate(ctx, gateway, clientCert);
    if (problem) out.refProblem = problem;
    else
      out.backendClientCertificate = `${asString(clientCert["namespace"]) ?? gateway.namespace ?? ""}/${asString(clientCert["name"]) ?? ""}`;
  }
  if (!out.notAccepted) {
    const unusable = requested.filter(
      (a) => !isUsableAddress(asString(a["type"]) ?? "IPAddress", asString(a["value"]) ?? ""),
    );
    if (unusable.length) {
      const list = unusable
        .map(
          (a) =>
            `${asString(a["type"]) ?? "IPAddress"} ${JSON.stringify(asString(a["value"]) ?? "")}`,
        )
        .join(", ");
      out.notProgrammed = {
        reason: GatewayReason.AddressNotUsable,
        message: `requested address${unusable.length === 1 ? "" : "es"} ${list} ${unusable.length === 1 ? "is" : "are"} not valid for ${unusable.length === 1 ? "its" : "their"} type`,
      };
    }
    out.addresses = requested.length
      ? requested
          .filter((a) => !unusable.includes(a))
          .map((a) => ({
            type: asString(a["type"]) ?? "IPAddress",
            value:
              asString(a["value"]) ||
              placeholderFor(asString(a["type"]) ?? "IPAddress", gateway, placeholderAddress),
          }))
      : [{ type: "IPAddress", value: placeholderAddress }];
  }
  return out;
}

// An empty value asks the implementation to pick one; a value that is set must fit its type.
function isUsableAddress(type: string, value: string): boolean {
  if (value === "") return true;
  if (type === "IPAddress") return isIPAddress(value);
  if (type === "Hostname") return isAddressHostname(value);
  return true;
}

function placeholderFor(type: string, gateway: Manifest, ip: string): string {
  return type === "Hostname" ? `${gateway.name}.${gateway.namespace}.gateway.example` : ip;
}

function checkClientCertificate(
  ctx: StatusContext,
  gateway: Manifest,
  ref: Record<string, unknown>,
): Problem | undefined {
  const group = asString(ref["group"]) ?? "";
  const kind = asString(ref["kind"]) ?? "Secret";
  const name = asString(ref["name"]) ?? "";
  const gwNs = gateway.namespace ?? "";
  const namespace = asString(ref["namespace"]) ?? gwNs;
  const label = `tls.backend.clientCertificateRef ${kind} ${namespace}/${name}`;
  if (group !== "" || kind !== "Secret") {
    return {
      reason: GatewayReason.InvalidClientCertificateRef,
      message: `${label}: group "${group}" kind ${kind} is not supported (only core Secret)`,
    };
  }
  const from = { group: GATEWAY_GROUP, kind: "Gateway", namespace: gwNs };
  const permission = resolveReferencePermission(ctx.index, from, {
    group: "",
    kind: "Secret",
    namespace,
    name,
  });
  if (!permission.permitted)
    return { reason: GatewayReason.RefNotPermitted, message: `${label}: ${permission.reason}` };
  if (permission.assumed !== undefined)
    recordAssumption(
      ctx,
      assumedGrantNote(from, { group: "", kind: "Secret", namespace }, permission.assumed),
      gateway,
      ["spec", "tls", "backend", "clientCertificateRef"],
    );
  const found = lookupObject(ctx.index, "Secret", namespace, name);
  if (found.state === "assumed") {
    recordAssumption(
      ctx,
      {
        code: "assume.secret",
        kind: "Secret",
        namespace,
        name,
        why: found.why,
        facts: ["a valid client certificate"],
        closedWorld: "the Gateway reports ResolvedRefs=False (InvalidClientCertificateRef)",
      },
      gateway,
      ["spec", "tls", "backend", "clientCertificateRef"],
    );
    return undefined;
  }
  const secret = found.state === "found" ? found.object : undefined;
  if (!secret) {
    reportDiagnostic(
      ctx,
      "ref.not-found",
      gateway,
      ["spec", "tls", "backend", "clientCertificateRef"],
      `Secret ${namespace}/${name} is not in the input.`,
    );
    return {
      reason: GatewayReason.InvalidClientCertificateRef,
      message: `${label}: Secret not found`,
    };
  }
  const data = inspectTlsSecret(secret);
  return data.ok
    ? undefined
    : { reason: GatewayReason.InvalidClientCertificateRef, message: `${label}: ${data.problem}` };
}

function hasInsecureFallback(gateway: Manifest): boolean {
  const frontend = asRecord(asRecord(gateway.spec["tls"])?.["frontend"]);
  if (!frontend) return false;
  const configs = [
    asRecord(frontend["default"]),
    ...asRecords(frontend["perPort"]).map((p) => asRecord(p["tls"])),
  ];
  return configs.some(
    (c) => asString(asRecord(c?.["validation"])?.["mode"]) === "AllowInsecureFallback",
  );
}
