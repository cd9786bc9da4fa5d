/**
 * Light checks for the core kinds gwsim reads (Service, Namespace, Secret, ConfigMap) and for the
 * metadata of every modelled object: only what would make the API server refuse the object or
 * make gwsim misread it. The full core/v1 schemas are not vendored.
 */
import { mayExceedDataSize } from "./dataSizeBound";
import { checkSecretKeyPair, describeKeyMismatch } from "../resolve/inspectCertificateData";
import { asArray, describeRaw, isObject, printPath, type ValidationIssue } from "./validationIssue";
import { appendAll } from "../collections/appendAll";
import { describeIllegalBase64 } from "../x509/base64";
import { lookupTable } from "../collections/dict";
import { needEngineModule } from "../modules/engineModules";

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** What a name must be, by kind: made once, as checkMetadata runs for every object. */
interface NameRule {
  re: RegExp;
  max: number;
  what: string;
}
const SERVICE_NAME: NameRule = { re: DNS_1035_LABEL, max: 63, what: "a DNS-1035 label" };
const NAMESPACE_NAME: NameRule = { re: DNS_LABEL, max: 63, what: "a DNS label" };
const OBJECT_NAME: NameRule = { re: DNS_SUBDOMAIN, max: 253, what: "a DNS subdomain" };
const METADATA_MAPS = ["labels", "annotations"] as const;

export function checkMetadata(kind: string, body: Record<string, unknown>): ValidationIssue[] {
  const metadata = isObject(body.metadata) ? body.metadata : {};
  const issues: ValidationIssue[] = [];
  const name = metadata.name;
  if (typeof name === "string") {
    // Services and Namespaces become DNS labels; everything else is a DNS subdomain.
    const { re, max, what } =
      kind === "Service" ? SERVICE_NAME : kind === "Namespace" ? NAMESPACE_NAME : OBJECT_NAME;
    // Length first: the patterns run only on names short enough to be valid.
    if (name.length > max || !re.test(name)) {
      issues.push({
        code: "schema.pattern",
        path: ["metadata", "name"],
        message: `metadata.name: ${describeRaw(name)} is not ${what} (lower-case letters, digits and '-', at most ${max} characters).`,
        hint: /[A-Z]/.test(name)
          ? `Use ${JSON.stringify(name.toLowerCase())}.`
          : "Rename the object.",
      });
    }
  }
  if (
    typeof metadata.namespace === "string" &&
    metadata.namespace !== "" &&
    (metadata.namespace.length > 63 || !DNS_LABEL.test(metadata.namespace))
  ) {
    issues.push({
      code: "schema.pattern",
      path: ["metadata", "namespace"],
      message: `metadata.namespace: ${describeRaw(metadata.namespace)} is not a valid namespace name (a DNS label).`,
    });
  }
  for (let f = 0; f < METADATA_MAPS.length; f++) {
    const field = METADATA_MAPS[f] as (typeof METADATA_MAPS)[number];
    const map = metadata[field];
    if (map === undefined || map === null) continue;
    if (!isObject(map)) {
      issues.push({
        code: "schema.type",
        path: ["metadata", field],
        message: `metadata.${field}: must be a mapping of strings.`,
      });
      continue;
    }
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== "string") {
        issues.push({
          code: "schema.type",
          path: ["metadata", field, key],
          message: `metadata.${field}.${key}: must be a string, got ${describeRaw(value)}.`,
          hint: `Quote the value: ${key}: "${typeof value === "symbol" ? "" : String(value)}".`,
        });
      }
    }
  }
  return issues;
}

const TOP_LEVEL = lookupTable<readonly string[]>({
  Service: ["spec", "status"],
  Namespace: ["spec", "status"],
  Secret: ["data", "stringData", "type", "immutable"],
  ConfigMap: ["data", "binaryData", "immutable"],
});

export function checkCoreKind(kind: string, body: Record<string, unknown>): ValidationIssue[] {
  const issues = checkTopLevelFields(kind, body);
  if (kind === "Service") appendAll(issues, checkService(body));
  if (kind === "Secret" || kind === "ConfigMap") appendAll(issues, checkStringData(body));
  if (kind === "Secret") appendAll(issues, checkBase64Values(body, "data"));
  if (kind === "ConfigMap") appendAll(issues, checkBase64Values(body, "binaryData"));
  if (kind === "Secret") appendAll(issues, checkKeyPair(body));
  // Counting the bytes is asked for (an on-demand module) only when the lengths could pass 1 MiB.
  if ((kind === "Secret" || kind === "ConfigMap") && mayExceedDataSize(kind, body))
    appendAll(issues, needEngineModule("diagnosticWords").checkDataSize(kind, body));
  return issues;
}

/**
 * tls.key against the certificate in tls.crt: the API server stores any pair, controllers that
 * load it refuse a key that is not the certificate's (listeners then report InvalidCertificateRef).
 * Said once at the Secret, where it can be fixed; also when gwsim could not compare the two.
 */
function checkKeyPair(body: Record<string, unknown>): ValidationIssue[] {
  const pair = checkSecretKeyPair(body);
  if (pair === undefined || pair.result === "match") return [];
  const field =
    isObject(body["stringData"]) && typeof body["stringData"]["tls.key"] === "string"
      ? "stringData"
      : "data";
  if (pair.result === "mismatch") {
    return [
      {
        code: "secret.tls-key-mismatch",
        path: [field, "tls.key"],
        message: `${field}.tls.key: ${describeKeyMismatch(pair)}.`,
      },
    ];
  }
  return [
    {
      code: "secret.tls-key-unchecked",
      path: [field, "tls.key"],
      message: `${field}.tls.key: gwsim could not check that this key belongs to the certificate in tls.crt: ${pair.why}.`,
    },
  ];
}

function checkTopLevelFields(kind: string, body: Record<string, unknown>): ValidationIssue[] {
  const known = ["apiVersion", "kind", "metadata", ...(TOP_LEVEL[kind] ?? [])];
  return Object.keys(body)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const suggestion = needEngineModule("diagnosticWords").suggestValue(key, known);
      return {
        code: "schema.unknown-field" as const,
        path: [key],
        atKey: true,
        message: `${key}: unknown field \`${key}\` in a ${kind}: \`kubectl apply\` (1.27 and later validate fields strictly by default) fails on it; clients that do not ask for strict validation see the API server drop it.`,
        hint: suggestion
          ? `Did you mean \`${suggestion.value}\`?`
          : `Known fields here: ${known.join(", ")}.`,
      };
    });
}

function checkService(body: Record<string, unknown>): ValidationIssue[] {
  const spec = isObject(body.spec) ? body.spec : {};
  const issues: ValidationIssue[] = [];
  const ports = asArray(spec.ports);
  const names = new Map<string, number>();
  ports.forEach((port, i) => {
    const at = ["spec", "ports", i];
    if (!isObject(port)) return;
    if (
      typeof port.port !== "number" ||
      !Number.isInteger(port.port) ||
      port.port < 1 ||
      port.port > 65535
    ) {
      issues.push({
        code: port.port === undefined ? "schema.required" : "schema.range",
        path: [...at, "port"],
        message: `${printPath([...at, "port"])}: ${port.port === undefined ? "Required value" : `must be a port number from 1 to 65535, got ${describeRaw(port.port)}`}.`,
        hint: "Set `port:` to the port clients (and backendRefs) use.",
      });
    }
    if (port.protocol !== undefined && !["TCP", "UDP", "SCTP"].includes(String(port.protocol))) {
      issues.push({
        code: "schema.enum",
        path: [...at, "protocol"],
        message: `${printPath([...at, "protocol"])}: Unsupported value ${describeRaw(port.protocol)}: supported values: "TCP", "UDP", "SCTP".`,
        hint: "Application protocols go in `appProtocol`.",
      });
    }
    if (typeof port.name === "string") {
      const first = names.get(port.name);
      if (first !== undefined)
        issues.push({
          code: "schema.rule",
          path: [...at, "name"],
          message: `${printPath([...at, "name"])}: Duplicate value ${JSON.stringify(port.name)} (also spec.ports[${first}].name).`,
        });
      else names.set(port.name, i);
    } else if (ports.length > 1) {
      issues.push({
        code: "schema.required",
        path: [...at, "name"],
        message: `${printPath([...at, "name"])}: Required value when a Service has more than one port.`,
      });
    }
  });
  return issues;
}

/**
 * Secret `data` and ConfigMap `binaryData` values are base64 that the API server decodes on the
 * way in; one it cannot decode makes it refuse the whole object (documentation placeholders such
 * as `LS0tLS1CRUdJTi...` are the usual case).
 */
function checkBase64Values(body: Record<string, unknown>, field: string): ValidationIssue[] {
  const data = body[field];
  if (!isObject(data)) return [];
  const issues: ValidationIssue[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== "string") continue;
    const why = describeIllegalBase64(value);
    if (why === undefined) continue;
    issues.push({
      code: "schema.pattern",
      path: [field, key],
      message: `${field}.${key}: illegal base64 data (${why}); the API server refuses the object.`,
      hint:
        field === "data"
          ? "Put the base64 of the whole value here (`base64 -w0 file`), or the plain text under `stringData`."
          : "Put the base64 of the whole value here (`base64 -w0 file`), or text under `data`.",
    });
  }
  return issues;
}

function checkStringData(body: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ["data", "stringData"]) {
    const data = body[field];
    if (!isObject(data)) continue;
    for (const [key, value] of Object.entries(data)) {
      if (typeof value !== "string" && value !== null) {
        issues.push({
          code: "schema.type",
          path: [field, key],
          message: `${field}.${key}: must be a string, got ${Array.isArray(value) ? "a list" : typeof value}.`,
          hint: "Quote the value, or use a block scalar (`|`) for multi-line text.",
        });
      }
    }
  }
  return issues;
}
