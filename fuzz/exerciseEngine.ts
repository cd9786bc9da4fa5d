/**
 * Runs one input through every public entry point a user or CI reaches (analyze, the compiled
 * Router, a trace and a routed request per gateway listener and per route rule, lint, the isolation
 * lens, fix-its with their previews, the printers) and reports what breaks the engine's promises:
 * an exception, a result that cannot cross a worker boundary (structuredClone), or a diagnostic
 * without a location. Time is measured by the caller.
 */
import {
  analyzeRevision,
  compileRouter,
  computeFixIts,
  computeIsolationLens,
  createParseCache,
  previewFixIt,
  printDiagnostics,
  printStatus,
  printTrace,
  requestForListener,
  requestForRule,
  routeRequest,
  traceRequest,
  type Diagnostic,
  type SimRequest,
  type SourceFile,
} from "../src/engine/index";

export interface FuzzProblem {
  /** exception | unclonable | unlocated */
  kind: "exception" | "unclonable" | "unlocated";
  /** Which call: "analyze", "traceRequest", … */
  stage: string;
  message: string;
  /** Stable across inputs that hit the same defect: kind, stage, message shape and the top frame. */
  signature: string;
}

/** Cap on per-input traces, so one input with thousands of rules stays one input's worth of work. */
const MAX_TRACES = 64;
const MAX_PREVIEWS = 8;

/** Milliseconds per stage for one input (a stage run several times, e.g. traces, summed). */
export type StageTimes = Map<string, number>;

/**
 * Runs every public entry point on the input. The engine must also stay silent: anything it (or a
 * library under it) writes to the console lands on a CLI user's terminal, so it is a problem too.
 * With `times`, each stage's time is added to it (the campaign reports the worst per stage).
 */
export function exerciseEngine(sources: readonly SourceFile[], times?: StageTimes): FuzzProblem[] {
  const written: string[] = [];
  const restore = captureConsole(written);
  let problems: FuzzProblem[];
  try {
    problems = runEntryPoints(sources, times ?? new Map());
  } finally {
    restore();
  }
  for (const text of written)
    problems.push({
      kind: "exception",
      stage: "console",
      message: `the engine wrote to the console: ${text.slice(0, 200)}`,
      signature: `exception console ${shape(text)}`,
    });
  return problems;
}

/** Replaces the console's writers and process.emitWarning with recorders; returns the undo. */
export function captureConsole(written: string[]): () => void {
  const record = (...args: unknown[]): void => {
    written.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(" "));
  };
  const methods = ["log", "info", "warn", "error", "debug"] as const;
  const saved = methods.map((m) => console[m]);
  const savedEmitWarning = process.emitWarning;
  for (const m of methods) console[m] = record;
  process.emitWarning = record as typeof process.emitWarning;
  return () => {
    methods.forEach((m, i) => (console[m] = saved[i] as (typeof console)[typeof m]));
    process.emitWarning = savedEmitWarning;
  };
}

function runEntryPoints(sources: readonly SourceFile[], times: StageTimes): FuzzProblem[] {
  const problems: FuzzProblem[] = [];
  const timed = <T>(stage: string, fn: () => T): T => {
    const started = performance.now();
    try {
      return fn();
    } finally {
      times.set(stage, (times.get(stage) ?? 0) + performance.now() - started);
    }
  };
  const run = <T>(stage: string, fn: () => T): T | undefined => {
    try {
      const result = timed(stage, fn);
      checkClone(stage, result, problems);
      return result;
    } catch (error) {
      problems.push(exceptionProblem(stage, error));
      return undefined;
    }
  };
  // One parse cache for every entry point, as the designer shares one: the later calls reuse the
  // parse, and the cached path is exercised too.
  const parseCache = createParseCache();
  let revision: ReturnType<typeof analyzeRevision>;
  try {
    revision = timed("analyze", () => analyzeRevision(sources, { parseCache }));
  } catch (error) {
    problems.push(exceptionProblem("analyze", error));
    return problems;
  }
  // Only the Analysis crosses the worker boundary: the revision's working state stays in-process.
  const { analysis } = revision;
  checkClone("analyze", analysis, problems);
  checkLocated("analyze", analysis.diagnostics, problems);
  checkLocated(
    "lint",
    analysis.lint.map((f) => f.diagnostic),
    problems,
  );
  run("printDiagnostics", () => printDiagnostics(analysis.diagnostics));
  run("printStatus", () => printStatus(analysis.status, analysis.objects));
  // The Router is an in-process object (never cloned); only whether it builds is checked.
  let router: ReturnType<typeof compileRouter> | undefined;
  try {
    router = timed("compileRouter", () => compileRouter(analysis));
  } catch (error) {
    problems.push(exceptionProblem("compileRouter", error));
  }
  if (router) {
    const requests = [];
    for (const gw of analysis.gateways) {
      for (const listener of gw.listeners) {
        const req = run("requestForListener", () =>
          requestForListener(analysis, gw.key, listener.name),
        );
        if (req) requests.push(req);
      }
    }
    for (const route of analysis.routes) {
      for (let rule = 0; rule < route.rules.length; rule++) {
        const req = run("requestForRule", () => requestForRule(analysis, route.key, rule));
        if (req) requests.push(req.request);
      }
    }
    // The first request once more with what a stranger's client sends: a path and header values
    // shaped to make a backtracking regex engine stall, control and bidi characters, an odd method.
    const first = requests[0];
    if (first) requests.splice(1, 0, hostileVariant(first));
    for (const [i, req] of requests.slice(0, MAX_TRACES).entries()) {
      const trace = run("traceRequest", () => traceRequest(router, req, { seed: i, sample: i }));
      if (trace) run("printTrace", () => printTrace(trace));
      run("routeRequest", () => routeRequest(router, req, { seed: i, sample: i }));
    }
  }
  run("computeIsolationLens", () => computeIsolationLens(revision));
  const fixes = run("computeFixIts", () => computeFixIts(revision));
  for (const fix of (fixes ?? []).slice(0, MAX_PREVIEWS))
    run("previewFixIt", () => previewFixIt(sources, fix));
  return problems;
}

const BACKTRACKING_BAIT = `${"a".repeat(30_000)}!`;

/** A request aimed at a listener, with a hostile path, Host port, method and header values. */
function hostileVariant(req: SimRequest): SimRequest {
  return {
    ...req,
    host: `${req.host ?? "x"}:99999`,
    method: "G\u202eET\u001b[2K",
    path: `/${BACKTRACKING_BAIT}/%2e%2e/%zz?${BACKTRACKING_BAIT}=${BACKTRACKING_BAIT}&x=%00`,
    headers: {
      ...req.headers,
      "x-a": BACKTRACKING_BAIT,
      "x-canary": `\u202e${BACKTRACKING_BAIT}`,
      cookie: `a=${BACKTRACKING_BAIT}; b=\u0000`,
    },
  };
}

function checkClone(stage: string, value: unknown, problems: FuzzProblem[]): void {
  try {
    structuredClone(value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      kind: "unclonable",
      stage,
      message,
      signature: `unclonable ${stage} ${shape(message)}`,
    });
  }
}

function checkLocated(
  stage: string,
  diagnostics: readonly Diagnostic[],
  problems: FuzzProblem[],
): void {
  for (const d of diagnostics) {
    const located =
      typeof d.file === "string" &&
      d.file !== "" &&
      Number.isInteger(d.line) &&
      d.line >= 1 &&
      Number.isInteger(d.column) &&
      d.column >= 1 &&
      Number.isInteger(d.endLine) &&
      d.endLine >= d.line &&
      Number.isInteger(d.endColumn) &&
      d.endColumn >= 1;
    if (!located) {
      const message = `${d.code} at ${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
      problems.push({
        kind: "unlocated",
        stage,
        message,
        signature: `unlocated ${stage} ${d.code}`,
      });
      return;
    }
  }
}

function exceptionProblem(stage: string, error: unknown): FuzzProblem {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const frame =
    /\n\s+at (?:\S+ )?\(?([^()\n]*?)(?::\d+)+\)?/.exec(stack)?.[1]?.split(/[\\/]/).pop() ?? "";
  const fn = /\n\s+at (\S+) \(/.exec(stack)?.[1] ?? "";
  return {
    kind: "exception",
    stage,
    message,
    signature: `exception ${stage} ${shape(message)} @ ${fn} ${frame}`,
  };
}

/** The message without the values in it, so one defect gives one signature. */
function shape(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\d+/g, "…").slice(0, 160);
}
