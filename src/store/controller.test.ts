import { afterEach, describe, expect, test, vi } from "vitest";
import {
  analyze,
  type Analysis,
  type RequestMix,
  type SimRequest,
  type SourceFile,
} from "../engine";
import { createAppController, WORKSPACE_FILE, type EngineCalls } from "./controller";
import { createGwsimStore } from "./index";
import { selectIsBusy } from "./selectors";
import type { SimRunResult, SimTraceResult } from "../worker/simulatorApi";
// The page loads the engine's editor lazily (editEngine.ts); these tests edit synchronously.
import "./editEngineModule";

afterEach(() => {
  vi.useRealTimers();
});

interface Pending<T> {
  args: unknown[];
  resolve(value: T): void;
  reject(error: Error): void;
}

/** A fake worker whose answers the test releases one by one, in any order. */
function fakeEngine() {
  const calls: Record<string, Pending<unknown>[]> = {};
  const cancelled: string[] = [];
  const hold =
    <T>(name: string) =>
    (...args: unknown[]) =>
      new Promise<T>((resolve, reject) =>
        (calls[name] ??= []).push({ args, resolve: resolve as (v: unknown) => void, reject }),
      );
  const engine: EngineCalls = {
    analyze: hold("analyze"),
    platformChecks: hold("platformChecks"),
    simTrace: hold("simTrace"),
    simMixTraffic: hold("simMixTraffic"),
    simWhatIf: hold("simWhatIf"),
    simRun: hold("simRun"),
    simCancel: (runId) => {
      cancelled.push(runId);
      return Promise.resolve();
    },
  };
  const pending = (name: string) => calls[name] ?? [];
  /** Answers the analysis call at `index` with a real analysis of the text it was sent. */
  const answerAnalysis = async (index = 0) => {
    const [call] = pending("analyze").splice(index, 1);
    if (!call) throw new Error("no pending analysis");
    const [revision, sources] = call.args as [number, SourceFile[]];
    call.resolve({ revision, analysis: analyze(sources) });
    await flush();
  };
  return { engine, pending, answerAnalysis, cancelled };
}

async function flush() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const analysedRevisions = (p: Pending<unknown>[]) => p.map((c) => c.args[0]);
const sentTexts = (p: Pending<unknown>[]) =>
  p.map((c) => [c.args[0], (c.args[1] as SourceFile[])[0]?.text]);

describe("controller: analysis follows the text", () => {
  test("analyses at start; a burst of typing is analysed at its first change and once after it", async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: "kind: A" });
    const worker = fakeEngine();
    const stop = createAppController(store, worker.engine, { debounceMs: 150 }).startAnalysis();
    await flush();
    expect(analysedRevisions(worker.pending("analyze"))).toEqual([0]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(0);
    expect(store.getState().analyzing).toBe(false);

    // The first keystroke after a quiet spell goes to the worker at once, no timer in between.
    store.getState().setText("kind: AB", "editor");
    await flush();
    expect(sentTexts(worker.pending("analyze"))).toEqual([[1, "kind: AB"]]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(1);

    // Further keystrokes of the burst wait for it to end, then the last text is analysed once.
    vi.advanceTimersByTime(100);
    store.getState().setText("kind: ABC", "editor");
    vi.advanceTimersByTime(100);
    store.getState().setText("kind: ABCD", "editor");
    vi.advanceTimersByTime(100);
    await flush();
    expect(worker.pending("analyze")).toHaveLength(0);
    vi.advanceTimersByTime(60);
    await flush();
    expect(sentTexts(worker.pending("analyze"))).toEqual([[3, "kind: ABCD"]]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(3);

    // After a quiet spell the next keystroke is a new burst: analysed at once again.
    vi.advanceTimersByTime(500);
    store.getState().setText("kind: ABCDE", "editor");
    await flush();
    expect(sentTexts(worker.pending("analyze"))).toEqual([[4, "kind: ABCDE"]]);
    await worker.answerAnalysis();
    vi.advanceTimersByTime(500);
    await flush();
    expect(worker.pending("analyze")).toHaveLength(0);
    stop();
  });

  test("a keystroke after a quiet spell reaches the worker within the change itself, before any microtask", async () => {
    const store = createGwsimStore({ initialText: "kind: A" });
    const worker = fakeEngine();
    const stop = createAppController(store, worker.engine, { debounceMs: 150 }).startAnalysis();
    await flush();
    await worker.answerAnalysis();
    // React renders a keystroke's other updates in a microtask; the analysis must not wait for them.
    let sentBeforeMicrotasks: unknown[] = [];
    queueMicrotask(() => (sentBeforeMicrotasks = sentTexts(worker.pending("analyze"))));
    store.getState().setText("kind: AB", "editor");
    expect(sentTexts(worker.pending("analyze"))).toEqual([[1, "kind: AB"]]);
    await flush();
    expect(sentBeforeMicrotasks).toEqual([[1, "kind: AB"]]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(1);
    stop();
  });

  test("a keystroke while the burst's first analysis is in the worker: its answer lands, then the newest text follows", async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: "a: 1" });
    const worker = fakeEngine();
    const stop = createAppController(store, worker.engine, { debounceMs: 150 }).startAnalysis();
    await flush();
    await worker.answerAnalysis();
    store.getState().setText("a: 12", "editor");
    await flush();
    vi.advanceTimersByTime(50);
    store.getState().setText("a: 123", "editor");
    await flush();
    // Revision 1 is in the worker; its answer is for an overtaken revision and is not shown.
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(0);
    vi.advanceTimersByTime(150);
    await flush();
    expect(sentTexts(worker.pending("analyze"))).toEqual([[2, "a: 123"]]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(2);
    expect(store.getState().analyzing).toBe(false);
    stop();
  });

  test("stopping drops a burst's pending analysis", async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: "a: 1" });
    const worker = fakeEngine();
    const stop = createAppController(store, worker.engine, { debounceMs: 150 }).startAnalysis();
    await flush();
    await worker.answerAnalysis();
    store.getState().setText("a: 12", "editor");
    await flush();
    await worker.answerAnalysis();
    store.getState().setText("a: 123", "editor");
    stop();
    vi.advanceTimersByTime(1000);
    await flush();
    expect(worker.pending("analyze")).toHaveLength(0);
  });

  test("opened files or an example are analysed at once, even inside a typing burst; readings inside it wait", async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: "kind: A" });
    const worker = fakeEngine();
    const stop = createAppController(store, worker.engine, { debounceMs: 150 }).startAnalysis();
    await flush();
    await worker.answerAnalysis();
    // The first keystroke after a quiet spell goes at once and opens a spell.
    store.getState().setText("kind: AB", "editor");
    await flush();
    expect(analysedRevisions(worker.pending("analyze"))).toEqual([1]);
    await worker.answerAnalysis();

    store.getState().replaceWorkspace("kind: Opened", "file");
    await flush();
    expect(analysedRevisions(worker.pending("analyze"))).toEqual([2]);
    await worker.answerAnalysis();
    store.getState().replaceWorkspace("kind: Example", "example");
    await flush();
    expect(analysedRevisions(worker.pending("analyze"))).toEqual([3]);
    await worker.answerAnalysis();

    // The last text change was an example, but this revision is the readings': inside the
    // spell the example opened, it waits like typing.
    store.getState().setReadings({ loneBackendZeroWeight: "all-traffic" });
    await flush();
    expect(worker.pending("analyze")).toHaveLength(0);
    vi.advanceTimersByTime(150);
    await flush();
    expect(analysedRevisions(worker.pending("analyze"))).toEqual([4]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(4);
    stop();
  });

  test("a new reading is a new revision, analysed with the world and the readings of the store", async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: "kind: A" });
    const worker = fakeEngine();
    const stop = createAppController(store, worker.engine, { debounceMs: 150 }).startAnalysis();
    await flush();
    await worker.answerAnalysis();
    store.getState().setReadings({ loneBackendZeroWeight: "all-traffic" });
    vi.advanceTimersByTime(200);
    await flush();
    expect(worker.pending("analyze").map((p) => [p.args[0], p.args[2], p.args[3]])).toEqual([
      [1, "auto", { loneBackendZeroWeight: "all-traffic" }],
    ]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(1);
    stop();
  });

  test("one analysis in the worker at a time; overtaken revisions are never sent and stale answers drop", async () => {
    vi.useFakeTimers();
    const store = createGwsimStore({ initialText: "a: 1" });
    const worker = fakeEngine();
    const stop = createAppController(store, worker.engine, { debounceMs: 150 }).startAnalysis();
    await flush();
    store.getState().setText("a: 2", "editor");
    vi.advanceTimersByTime(200);
    store.getState().setText("a: 3", "editor");
    vi.advanceTimersByTime(200);
    await flush();
    // Revision 0 is still in the worker: revisions 1 and 2 wait, and 1 is overtaken by 2.
    expect(analysedRevisions(worker.pending("analyze"))).toEqual([0]);
    expect(store.getState().analyzing).toBe(true);
    await worker.answerAnalysis();
    // The answer for revision 0 is stale: dropped. Only the newest revision goes out.
    expect(store.getState().analysis).toBeUndefined();
    expect(analysedRevisions(worker.pending("analyze"))).toEqual([2]);
    await worker.answerAnalysis();
    expect(store.getState().analysisRevision).toBe(2);
    expect(store.getState().analysis?.objects).toEqual([]);
    expect(store.getState().analyzing).toBe(false);
    stop();
  });

  test("a worker failure is reported for the current revision, and the next edit is busy again", async () => {
    const store = createGwsimStore({ initialText: "x" });
    let calls = 0;
    const engine = {
      ...fakeEngine().engine,
      analyze: (revision: number, sources: SourceFile[]) =>
        calls++ === 0
          ? Promise.resolve({ revision, analysis: analyze(sources) as Analysis })
          : Promise.reject(new Error("worker crashed")),
    };
    const stop = createAppController(store, engine, { debounceMs: 0 }).startAnalysis();
    await vi.waitFor(() => expect(store.getState().analysisRevision).toBe(0));
    store.getState().setText("y", "editor");
    expect(selectIsBusy(store.getState())).toBe(true);
    await vi.waitFor(() => expect(store.getState().analysisError).toBe("worker crashed"));
    expect(store.getState().analysisRevision).toBe(0);
    expect(store.getState().analyzing).toBe(false);
    expect(selectIsBusy(store.getState())).toBe(false);
    store.getState().setText("z", "editor");
    expect(selectIsBusy(store.getState())).toBe(true);
    stop();
  });
});

describe("controller: simulator calls, latest wins", () => {
  const request = (path: string): SimRequest => ({
    scheme: "http",
    host: "a.example",
    method: "GET",
    path,
  });
  const traceFor = (revision: number, path: string) =>
    ({ revision, request: request(path) }) as unknown as SimTraceResult;

  test("a newer trace overtakes an older one: only the newest lands, and a waiting one is never sent", async () => {
    const store = createGwsimStore({ initialText: "x" });
    const worker = fakeEngine();
    const controller = createAppController(store, worker.engine);
    const setSimTrace = vi.spyOn(store.getState(), "setSimTrace");
    store.setState({ setSimTrace });
    const first = controller.trace(request("/1"));
    await flush();
    const second = controller.trace(request("/2"));
    const third = controller.trace(request("/3"));
    await flush();
    // /1 is in the worker; /2 was cancelled while waiting, so the worker only ever hears /1 and /3.
    expect(worker.pending("simTrace").map((c) => (c.args[2] as SimRequest).path)).toEqual(["/1"]);
    worker.pending("simTrace").shift()?.resolve(traceFor(0, "/1"));
    await Promise.all([first, second]);
    await vi.waitFor(() => expect(worker.pending("simTrace")).toHaveLength(1));
    expect(worker.pending("simTrace").map((c) => (c.args[2] as SimRequest).path)).toEqual(["/3"]);
    worker.pending("simTrace").shift()?.resolve(traceFor(0, "/3"));
    await third;
    expect(
      setSimTrace.mock.calls.map(([r]) => (r as SimTraceResult | undefined)?.request.path),
    ).toEqual(["/3"]);
  });

  test("the app's own re-run never overtakes a request the user sent (it would vanish from Recent)", async () => {
    const store = createGwsimStore({ initialText: "x" });
    const worker = fakeEngine();
    const controller = createAppController(store, worker.engine);
    const setSimTrace = vi.spyOn(store.getState(), "setSimTrace");
    store.setState({ setSimTrace });
    const landed = () =>
      setSimTrace.mock.calls.map(([r, o]) => [
        (r as SimTraceResult | undefined)?.request.path,
        o?.recent,
      ]);
    const sent = controller.trace(request("/sent-by-user"));
    await flush();
    const rerun = controller.trace(request("/shown-before"), { recent: false });
    await flush();
    expect(worker.pending("simTrace").map((c) => (c.args[2] as SimRequest).path)).toEqual([
      "/sent-by-user",
    ]);
    worker.pending("simTrace").shift()?.resolve(traceFor(0, "/sent-by-user"));
    await Promise.all([sent, rerun]);
    expect(worker.pending("simTrace")).toHaveLength(0);
    expect(landed()).toEqual([["/sent-by-user", undefined]]);
    // Once the user's request has landed, re-runs go out again.
    const later = controller.trace(request("/sent-by-user"), { recent: false });
    await flush();
    expect(worker.pending("simTrace")).toHaveLength(1);
    worker.pending("simTrace").shift()?.resolve(traceFor(1, "/sent-by-user"));
    await later;
    expect(landed()).toEqual([
      ["/sent-by-user", undefined],
      ["/sent-by-user", false],
    ]);
  });

  test("a new canary run cancels the running one in the worker and drops its answer; Cancel keeps the partial tally", async () => {
    const store = createGwsimStore({ initialText: "x" });
    const worker = fakeEngine();
    const controller = createAppController(store, worker.engine);
    const mix: RequestMix = { id: "m", name: "m", templates: [] } as unknown as RequestMix;
    const result = (runId: string, cancelled: boolean) =>
      ({ runId, cancelled, tally: { n: 5 } }) as unknown as SimRunResult;
    const first = controller.startRun("canary", mix, 100, 1);
    await flush();
    const firstId = store.getState().simRun?.runId ?? "";
    const second = controller.startRun("canary", mix, 100, 1);
    await flush();
    expect(worker.cancelled).toEqual([firstId]);
    worker.pending("simRun").shift()?.resolve(result(firstId, true));
    await first;
    await flush();
    const secondId = store.getState().simRun?.runId ?? "";
    expect(secondId).not.toBe(firstId);
    expect(store.getState().simRun?.status).toBe("running");
    // The user's Cancel: the worker stops and the partial result is shown as cancelled.
    await controller.cancelRun();
    expect(worker.cancelled).toEqual([firstId, secondId]);
    worker.pending("simRun").shift()?.resolve(result(secondId, true));
    await second;
    expect(store.getState().simRun).toMatchObject({
      runId: secondId,
      status: "cancelled",
      done: 5,
    });
  });
});

describe("controller: edits and read-only share mode", () => {
  const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  rules:
    - backendRefs: [{ name: svc, port: 8080, weight: 1 }]
`;
  const setWeight = {
    op: "setBackendWeight",
    target: { kind: "HTTPRoute", namespace: "app", name: "r" },
    ruleIndex: 0,
    backendIndex: 0,
    weight: 7,
  } as const;

  test("edits apply as one undo step and undo restores the text", () => {
    const store = createGwsimStore({ initialText: ROUTE });
    const controller = createAppController(store, fakeEngine().engine);
    const result = controller.applyEdits([setWeight], "canvas");
    expect(result.failed).toEqual([]);
    expect(store.getState().text).toContain("weight: 7");
    controller.undo();
    expect(store.getState().text).toBe(ROUTE);
  });

  test("a failed edit becomes a notice", () => {
    const store = createGwsimStore({ initialText: ROUTE });
    const controller = createAppController(store, fakeEngine().engine);
    const result = controller.applyEdits(
      [{ op: "removeObject", target: { kind: "HTTPRoute", namespace: "nowhere", name: "ghost" } }],
      "inspector",
    );
    expect(result.failed).toHaveLength(1);
    expect(store.getState().notice?.kind).toBe("error");
  });

  test("read-only refuses canvas, inspector and undo changes with a notice, and Edit lifts it", () => {
    const store = createGwsimStore({ initialText: ROUTE });
    const controller = createAppController(store, fakeEngine().engine);
    store.getState().setText(`${ROUTE}# typed\n`, "editor");
    controller.enterShareMode();
    expect(store.getState().readOnly).toBe(true);
    const typed = store.getState().text;
    const result = controller.applyEdits([setWeight], "canvas");
    expect(result.failed.map((f) => f.reason)).toEqual(["the workspace is read-only"]);
    expect(store.getState().text).toBe(typed);
    expect(store.getState().notice?.message).toMatch(/share link/);
    store.getState().setText("other: 1", "inspector");
    controller.undo();
    expect(store.getState().text).toBe(typed);
    // Loading a workspace (a restore, a file) is not editing: it still goes through.
    store.getState().setText(ROUTE, "restore");
    expect(store.getState().text).toBe(ROUTE);
    controller.leaveShareMode();
    controller.applyEdits([setWeight], "canvas");
    expect(store.getState().text).toContain("weight: 7");
  });
});

test("the workspace file name is what diagnostics name", () => {
  expect(WORKSPACE_FILE).toBe("workspace.yaml");
});
