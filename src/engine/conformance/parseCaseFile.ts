/**
 * Reads a case file (fixtures/conformance/README.md, "Test file format") into a CaseFile.
 * Shape errors name the file and the field, so a user writing their own assertions for
 * `gwsim test` knows what to fix; nothing is guessed.
 */
import { loadYamlValue } from "../load/loadYamlValue";
import type {
  CaseFile,
  CaseRequest,
  CaseStep,
  ObjectId,
  RequestCase,
  RequestExpect,
  StatusExpectation,
} from "./caseTypes";
import { resolveCasePath } from "./resolveCasePath";
import { isWorldMode, WORLD_MODES } from "../resolve/world";
import { parseReadings, type Readings } from "../readings/readings";
import type { YamlLocator } from "../load/loadYamlValue";
import { parseCaseMesh } from "./parseCaseMesh";
import { checkCaseRequestFields } from "./checkCaseRequest";

/** `warnings`: what was ignored but does not stop the case from running (an unknown top-level key). */
export type ParseCaseResult =
  { ok: true; caseFile: CaseFile; warnings: string[] } | { ok: false; errors: string[] };

const SCHEMES = new Set(["http", "https", "tls", "ws", "tcp", "udp"]);
// Raw connections have no default port: the case must say which listener it dials.
const PORT_REQUIRED = new Set(["tcp", "udp"]);
// A misspelt key would otherwise be ignored and its expectation pass unread: inside an expectation
// it is an error. At the top level it is a warning and the case still runs, so a case file written
// for a newer gwsim (or carrying a tool's own metadata) keeps working.
const CASE_KEYS = [
  "name",
  "description",
  "upstream",
  "features",
  "provisional",
  "skipIfSupported",
  "parameters",
  "manifests",
  "status",
  "requests",
  "steps",
  "notes",
  "world",
  "readings",
];
const STEP_KEYS = ["description", "apply", "delete", "status", "requests"];
const REQUEST_CASE_KEYS = [
  "name",
  "gateway",
  "mesh",
  "request",
  "expect",
  "backendResponseHeaders",
  "backendBehavior",
];
const BACKEND_BEHAVIOR_KEYS = [
  "delay",
  "failFirstAttempts",
  "failStatus",
  "failDelay",
  "failConnection",
];
const REQUEST_KEYS = [
  "scheme",
  "port",
  "host",
  "method",
  "path",
  "headers",
  "protocol",
  "sni",
  "clientCertificate",
  "grpc",
];

export function parseCaseFile(file: string, text: string): ParseCaseResult {
  // Case files are as untrusted as manifests (CI runs them from pull requests): same guards.
  const loaded = loadYamlValue(file, text);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const root: unknown = loaded.value;
  const errors: string[] = [];
  // Every shape error names the line and column of the field at fault (the key itself for an
  // unknown key), not only its path: a path alone is hard to find in a long case file.
  const fail: Fail = (path, what, unknownKey) => {
    const where =
      unknownKey === undefined
        ? locateField(loaded.locate, path)
        : locateKey(loaded.locate, path, unknownKey);
    errors.push(`${where}: ${path}: ${what}`);
  };
  if (!isRecord(root))
    return {
      ok: false,
      errors: [`${file}: a case file must be a YAML mapping with name, manifests, status/requests`],
    };

  const warnings: string[] = [];
  checkKeys(root, CASE_KEYS, "(top level)", (path, what, unknownKey) =>
    warnings.push(
      `${unknownKey === undefined ? file : locateKey(loaded.locate, path, unknownKey)}: ${path}: ${what}; it is ignored`,
    ),
  );
  const name = typeof root.name === "string" && root.name !== "" ? root.name : baseName(file);
  const caseFile: CaseFile = {
    file,
    name,
    features: stringList(root.features, "features", fail),
    skipIfSupported: stringList(root.skipIfSupported, "skipIfSupported", fail),
    manifests: stringList(root.manifests, "manifests", fail).map((p) => resolveCasePath(file, p)),
    status: statusList(root.status, "status", fail),
    requests: requestList(root.requests, "requests", fail),
    steps: [],
  };
  if (typeof root.description === "string") caseFile.description = root.description;
  if (root.world !== undefined) {
    if (isWorldMode(root.world)) caseFile.world = root.world;
    else
      fail("world", `must be one of ${WORLD_MODES.join(", ")}; got ${JSON.stringify(root.world)}`);
  }
  if (root.readings !== undefined) {
    const readings = parseCaseReadings(root.readings, fail);
    if (readings !== undefined) caseFile.readings = readings;
  }
  if (root.steps !== undefined) {
    if (!Array.isArray(root.steps)) fail("steps", "must be a list");
    else caseFile.steps = root.steps.map((s, i) => parseStep(file, s, `steps[${i}]`, fail));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, caseFile, warnings };
}

/**
 * `unknownKey`: a key of the mapping at `path` that is not allowed there; the message is placed
 * on that key (not on its value, which in block style starts on the next line).
 */
export type Fail = (path: string, what: string, unknownKey?: string) => void;

/** `readings: {name: value}`: the same names and values as --reading, checked the same way. */
function parseCaseReadings(raw: unknown, fail: Fail): Readings | undefined {
  if (!isRecord(raw)) {
    fail(
      "readings",
      "must be a mapping of reading name to value, e.g. {GatewayRouteHostnameIntersectionPrecedence: original-hostnames}",
    );
    return undefined;
  }
  const assignments: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== "string")
      fail(`readings.${name}`, `must be a string; got ${JSON.stringify(value)}`);
    else assignments.push(`${name}=${value}`);
  }
  const { readings, errors } = parseReadings(assignments);
  for (const e of errors) fail("readings", e);
  return errors.length > 0 ? undefined : readings;
}

function parseStep(file: string, raw: unknown, path: string, fail: Fail): CaseStep {
  const step: CaseStep = { description: "", apply: [], delete: [], status: [], requests: [] };
  if (!isRecord(raw)) {
    fail(path, "must be a mapping with apply/delete and status/requests");
    return step;
  }
  checkKeys(raw, STEP_KEYS, path, fail);
  step.description = typeof raw.description === "string" ? raw.description : "";
  step.apply = stringList(raw.apply, `${path}.apply`, fail).map((p) => resolveCasePath(file, p));
  if (raw.delete !== undefined) {
    if (!Array.isArray(raw.delete))
      fail(`${path}.delete`, "must be a list of {kind, namespace, name}");
    else step.delete = raw.delete.flatMap((d, i) => objectId(d, `${path}.delete[${i}]`, fail));
  }
  step.status = statusList(raw.status, `${path}.status`, fail);
  step.requests = requestList(raw.requests, `${path}.requests`, fail);
  return step;
}

function objectId(raw: unknown, path: string, fail: Fail): ObjectId[] {
  if (!isRecord(raw) || typeof raw.kind !== "string" || typeof raw.name !== "string") {
    fail(path, "needs `kind` and `name` (and `namespace` for namespaced kinds)");
    return [];
  }
  const id: ObjectId = { kind: raw.kind, name: raw.name };
  if (typeof raw.namespace === "string") id.namespace = raw.namespace;
  return [id];
}

function statusList(raw: unknown, path: string, fail: Fail): StatusExpectation[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    fail(path, "must be a list of status entries");
    return [];
  }
  return raw.flatMap((entry, i): StatusExpectation[] => {
    if (!isRecord(entry) || typeof entry.kind !== "string" || typeof entry.name !== "string") {
      fail(`${path}[${i}]`, "a status entry needs `kind` and `name`");
      return [];
    }
    return [{ ...entry, kind: entry.kind, name: entry.name }];
  });
}

function requestList(raw: unknown, path: string, fail: Fail): RequestCase[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    fail(path, "must be a list of request cases");
    return [];
  }
  return raw.flatMap((entry, i) => requestCase(entry, `${path}[${i}]`, fail));
}

function requestCase(raw: unknown, path: string, fail: Fail): RequestCase[] {
  if (!isRecord(raw)) {
    fail(path, "a request case needs name, gateway, request and expect");
    return [];
  }
  const before = { count: 0 };
  const localFail: Fail = (p, w, at) => {
    before.count++;
    fail(p, w, at);
  };
  checkKeys(raw, REQUEST_CASE_KEYS, path, localFail);
  if (isRecord(raw.request)) checkKeys(raw.request, REQUEST_KEYS, `${path}.request`, localFail);
  if (isRecord(raw.backendBehavior))
    checkKeys(raw.backendBehavior, BACKEND_BEHAVIOR_KEYS, `${path}.backendBehavior`, localFail);
  const request = raw.request;
  // A mesh request (a Pod calling a Service) names no Gateway: its own parser.
  const mesh = raw.mesh === undefined ? undefined : parseCaseMesh(raw.mesh, path, localFail);
  if (raw.mesh !== undefined) {
    if (raw.gateway !== undefined)
      localFail(
        path,
        "has both gateway and mesh: a request either reaches a Gateway or is sent by a mesh client, not both",
      );
    if (isRecord(request) && request.scheme !== "http")
      localFail(
        `${path}.request.scheme`,
        "must be http for a mesh request (a Pod's plain HTTP call; gRPC with request.grpc)",
      );
    if (isRecord(request) && request.port !== undefined)
      localFail(`${path}.request.port`, "a mesh request gives its Service port as mesh.port");
  } else if (typeof raw.gateway !== "string" || !raw.gateway.includes("/")) {
    localFail(
      `${path}.gateway`,
      'must be "namespace/name" of the Gateway that receives the request (or give mesh: {from, service, port} for a mesh request)',
    );
  }
  if (isRecord(request)) checkCaseRequestFields(request, `${path}.request`, localFail);
  if (!isRecord(request)) localFail(`${path}.request`, "must be a mapping (scheme, host, path, …)");
  else if (typeof request.scheme !== "string" || !SCHEMES.has(request.scheme)) {
    localFail(`${path}.request.scheme`, "must be one of http, https, tls, ws, tcp, udp");
  } else if (PORT_REQUIRED.has(request.scheme) && !isPort(request.port)) {
    localFail(
      `${path}.request.port`,
      `a ${request.scheme} connection needs the listener port (an integer 1-65535)`,
    );
  }
  if (!isRecord(raw.expect))
    localFail(`${path}.expect`, "must be a mapping of expectations (status, backend, …)");
  if (before.count > 0) return [];
  const name = typeof raw.name === "string" && raw.name !== "" ? raw.name : path;
  const rc: RequestCase = {
    name,
    request: request as unknown as CaseRequest,
    expect: raw.expect as RequestExpect,
  };
  if (mesh !== undefined) rc.mesh = mesh;
  else rc.gateway = raw.gateway as string;
  if (isRecord(raw.backendResponseHeaders))
    rc.backendResponseHeaders = stringRecord(raw.backendResponseHeaders);
  if (isRecord(raw.backendBehavior))
    rc.backendBehavior = raw.backendBehavior as RequestCase["backendBehavior"] & object;
  if (rc.request.headers) rc.request = { ...rc.request, headers: stringRecord(rc.request.headers) };
  return [rc];
}

/** "file:line:col" of a field path such as "steps[1].requests[0].mesh.port". */
function locateField(locate: YamlLocator, path: string): string {
  return locate(fieldKeys(path));
}

/** "file:line:col" of the key `key` in the mapping at a field path. */
function locateKey(locate: YamlLocator, path: string, key: string): string {
  return locate([...fieldKeys(path), key], { at: "key" });
}

/** "steps[1].mesh" → ["steps", 1, "mesh"]; "(top level)" is the root. */
function fieldKeys(path: string): (string | number)[] {
  if (path === "(top level)") return [];
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    keys.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ""));
  return keys;
}

function checkKeys(
  raw: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  fail: Fail,
): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key))
      fail(path, `unknown key "${key}" (expected one of ${allowed.join(", ")})`, key);
  }
}

function stringList(raw: unknown, path: string, fail: Fail): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== "string")) {
    fail(path, "must be a list of strings");
    return [];
  }
  return raw as string[];
}

/** Header values written as YAML numbers or booleans are still header text. */
function stringRecord(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
}

function isPort(x: unknown): boolean {
  return typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 65535;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function baseName(file: string): string {
  const last = file.slice(file.lastIndexOf("/") + 1);
  return last.replace(/\.ya?ml$/, "");
}
