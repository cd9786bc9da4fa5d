/**
 * Runs one case file: builds each state (initial, then every step, cumulatively), analyzes it,
 * and checks every status and request expectation of that state. Pure: files come through the
 * `readFile` callback, so the same runner serves vitest, the CLI and the browser.
 */
import type { Analysis } from "../analysisTypes";
import type { WorldMode } from "../resolve/world";
import type { CaseFile, ExpectationResult, RequestCase, StatusExpectation } from "./caseTypes";
import type { CaseEngine, RoutedRequest } from "./caseEngine";
import { buildCaseStates, type CaseState, type ReadFile } from "./buildCaseStates";
import { findDeviation } from "./deviations";
import { matchRequestExpectation, type RequestFacts } from "./matchRequestExpectation";
import { summarizeOutcome } from "./summarizeOutcome";
import { toSimRequest } from "./toSimRequest";

export interface RunCaseOptions {
  readFile: ReadFile;
  engine: CaseEngine;
  /** Manifests loaded before the case's own (for case files without `manifests`). */
  extraManifests?: readonly string[];
  /** The world for case files without a `world:` key (default auto, as everywhere). */
  world?: WorldMode;
}

/** Every expectation of the case, in file order; never throws for engine or file errors. */
export function runConformanceCase(
  caseFile: CaseFile,
  options: RunCaseOptions,
): ExpectationResult[] {
  const names = new UniqueNames();
  const skipFeature = caseFile.skipIfSupported.find((f) =>
    options.engine.supportedFeatures.includes(f),
  );
  let states: CaseState[];
  try {
    states = buildCaseStates(caseFile, options.readFile, options.extraManifests ?? []);
  } catch (e) {
    return listExpectations(caseFile).map(({ step, kind, name, expected }) =>
      failed(caseFile, step, kind, names.take(name), expected, errorText(e)),
    );
  }
  const results: ExpectationResult[] = [];
  for (const state of states) {
    const spec = state.step === 0 ? caseFile : caseFile.steps[state.step - 1];
    if (!spec) continue;
    const prefix = state.step === 0 ? "" : `step ${state.step}: `;
    const pending: Pending[] = [
      ...spec.status.map((s) => ({
        kind: "status" as const,
        name: names.take(prefix + statusName(s)),
        status: s,
      })),
      ...spec.requests.map((r) => ({
        kind: "request" as const,
        name: names.take(prefix + r.name),
        request: r,
      })),
    ];
    let analysis: Analysis | undefined;
    let route: ((r: RequestCase) => RoutedRequest) | undefined;
    let stateError: string | undefined;
    const needsEngine = pending.some((p) => skipReason(caseFile, p, skipFeature) === undefined);
    if (needsEngine) {
      try {
        const world = caseFile.world ?? options.world;
        analysis = options.engine.analyze(state.sources, {
          ...(world !== undefined ? { world } : {}),
          ...(caseFile.readings !== undefined ? { readings: caseFile.readings } : {}),
        });
        const compiled = options.engine.compileRoutes(analysis);
        route = (r) =>
          compiled(
            toSimRequest(r),
            r.expect.backendNameInHeader !== undefined ? { samples: r.expect.repeat ?? 100 } : {},
          );
      } catch (e) {
        stateError = `the engine failed on this state: ${errorText(e)}`;
      }
    }
    for (const p of pending) {
      const expected = p.kind === "status" ? p.status : p.request.expect;
      const skip = skipReason(caseFile, p, skipFeature);
      if (skip !== undefined) {
        results.push({
          ...failed(caseFile, state.step, p.kind, p.name, expected, ""),
          skipped: skip,
        });
      } else if (stateError !== undefined || !analysis || !route) {
        results.push(
          failed(caseFile, state.step, p.kind, p.name, expected, stateError ?? "no analysis"),
        );
      } else if (p.kind === "status") {
        results.push(checkStatus(caseFile, state, p.name, p.status, analysis, options.engine));
      } else {
        results.push(checkRequest(caseFile, state.step, p.name, p.request, route));
      }
    }
  }
  return results;
}

function checkStatus(
  caseFile: CaseFile,
  state: CaseState,
  name: string,
  expectation: StatusExpectation,
  analysis: Analysis,
  engine: CaseEngine,
): ExpectationResult {
  try {
    const m = engine.matchStatus(expectation, analysis, {
      previousGeneration: state.previousGeneration,
      generations: state.generations,
    });
    return {
      case: caseFile.name,
      step: state.step,
      kind: "status",
      name,
      pass: m.pass,
      message: m.pass ? "" : m.message,
      expected: expectation,
      got: m.got,
    };
  } catch (e) {
    return failed(
      caseFile,
      state.step,
      "status",
      name,
      expectation,
      `the status check threw: ${errorText(e)}`,
    );
  }
}

function checkRequest(
  caseFile: CaseFile,
  step: number,
  name: string,
  rc: RequestCase,
  route: (r: RequestCase) => RoutedRequest,
): ExpectationResult {
  let routed: RoutedRequest;
  try {
    routed = route(rc);
  } catch (e) {
    return failed(
      caseFile,
      step,
      "request",
      name,
      rc.expect,
      `routing the request threw: ${errorText(e)}`,
    );
  }
  const facts: RequestFacts = {};
  if (routed.perBackend !== undefined) facts.perBackend = routed.perBackend;
  const m = matchRequestExpectation(rc, routed.outcome, facts);
  const result: ExpectationResult = {
    case: caseFile.name,
    step,
    kind: "request",
    name,
    pass: m.pass,
    message: m.failures.join("\n"),
    expected: rc.expect,
    got: summarizeOutcome(routed.outcome),
    sent: printSentRequest(rc),
  };
  if (!m.pass && routed.printTrace !== undefined) result.trace = routed.printTrace();
  return result;
}

/**
 * "GET http://host:8080/path {h: v} via ns/gateway", or for a mesh request "mesh web → GET
 * ns/svc:9080/path" (as the app's describeRequest): enough to reproduce with `gwsim route`.
 */
export function printSentRequest(rc: RequestCase): string {
  const r = rc.request;
  if (rc.mesh !== undefined) {
    const m = rc.mesh;
    const target = r.grpc
      ? `gRPC ${r.grpc.service}/${r.grpc.method} to ${m.service}:${m.port}`
      : `${r.method ?? "GET"} ${m.service}:${m.port}${r.path ?? "/"}`;
    const headers = Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
    return `mesh ${m.from} → ${target}${headers.length > 0 ? ` {${headers.join(", ")}}` : ""}`;
  }
  const port = r.port !== undefined ? `:${r.port}` : "";
  // A raw connection has no method or path: the Gateway address and port are all there is.
  if (r.scheme === "tcp" || r.scheme === "udp")
    return `${r.scheme} connection to (gateway address)${port} via ${rc.gateway}`;
  const target = r.grpc
    ? `gRPC ${r.grpc.service}/${r.grpc.method} to ${r.host ?? "(gateway address)"}${port}`
    : `${r.method ?? "GET"} ${r.scheme}://${r.host ?? "(gateway address)"}${port}${r.path ?? "/"}`;
  const headers = Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  const extra = [
    r.sni !== undefined ? `SNI ${r.sni}` : "",
    headers.length > 0 ? `{${headers.join(", ")}}` : "",
  ].filter((x) => x !== "");
  return `${target}${extra.length > 0 ? ` ${extra.join(" ")}` : ""} via ${rc.gateway ?? ""}`;
}

function skipReason(
  caseFile: CaseFile,
  p: Pending,
  skipFeature: string | undefined,
): string | undefined {
  if (skipFeature !== undefined) {
    return `gwsim supports ${skipFeature}; upstream skips this test for implementations that do`;
  }
  const fields = p.kind === "request" ? Object.keys(p.request.expect) : [];
  // A deviation names the expectation as the results do ("step 1: …"), or without the step.
  const bare = p.name.replace(/^step \d+: /, "").replace(/ #\d+$/, "");
  return (
    findDeviation(caseFile.name, p.kind, p.name, fields) ??
    findDeviation(caseFile.name, p.kind, bare, fields)
  )?.reason;
}

type Pending =
  | { kind: "status"; name: string; status: StatusExpectation }
  | { kind: "request"; name: string; request: RequestCase };

/** "HTTPRoute ns/name → Gateway ns/gw [section]": which object (and parent) the entry checks. */
export function statusName(s: StatusExpectation): string {
  const id = `${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name}`;
  const parent = s.parentRef ?? s.ancestorRef;
  if (parent && typeof parent === "object") {
    const p = parent as { namespace?: string; name?: string; sectionName?: string };
    return `status of ${id} for ${p.namespace ? `${p.namespace}/` : ""}${p.name ?? "?"}${p.sectionName ? ` (${p.sectionName})` : ""}`;
  }
  return `status of ${id}`;
}

function listExpectations(
  caseFile: CaseFile,
): { step: number; kind: "status" | "request"; name: string; expected: unknown }[] {
  const all = [
    { step: 0, spec: caseFile as { status: StatusExpectation[]; requests: RequestCase[] } },
    ...caseFile.steps.map((s, i) => ({ step: i + 1, spec: s })),
  ];
  return all.flatMap(({ step, spec }) => {
    const prefix = step === 0 ? "" : `step ${step}: `;
    return [
      ...spec.status.map((s) => ({
        step,
        kind: "status" as const,
        name: prefix + statusName(s),
        expected: s as unknown,
      })),
      ...spec.requests.map((r) => ({
        step,
        kind: "request" as const,
        name: prefix + r.name,
        expected: r.expect as unknown,
      })),
    ];
  });
}

function failed(
  caseFile: CaseFile,
  step: number,
  kind: "status" | "request",
  name: string,
  expected: unknown,
  message: string,
): ExpectationResult {
  return { case: caseFile.name, step, kind, name, pass: false, message, expected, got: undefined };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Test names must be unique: a second entry for the same object gets " #2". */
class UniqueNames {
  private readonly seen = new Map<string, number>();
  take(name: string): string {
    const n = (this.seen.get(name) ?? 0) + 1;
    this.seen.set(name, n);
    return n === 1 ? name : `${name} #${n}`;
  }
}
