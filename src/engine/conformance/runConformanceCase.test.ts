import { describe, expect, test } from "vitest";
import type { Analysis } from "../analysisTypes";
import type { RequestOutcome } from "../simulate/types";
import type { CaseEngine } from "./caseEngine";
import { parseCaseFile } from "./parseCaseFile";
import { runConformanceCase } from "./runConformanceCase";

const files: Record<string, string> = {
  "c/m.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n",
};
const readFile = (p: string): string => {
  const t = files[p];
  if (t === undefined) throw new Error(`ENOENT ${p}`);
  return t;
};
const forwardedTo = (name: string, path: string): RequestOutcome => ({
  kind: "forwarded",
  status: 200,
  backends: [{ target: `ns/${name}:80`, namespace: "ns", name, port: 80, share: 1 }],
  request: { scheme: "http", method: "GET", host: "", path, headers: {} },
  responseHeaders: {},
  mirrors: [],
  reason: `to ${name}`,
});

/** A stand-in engine: the runner's own behaviour is under test here, not the engine's. */
function fakeEngine(overrides: Partial<CaseEngine> = {}): CaseEngine & { analyzed: string[][] } {
  const analyzed: string[][] = [];
  return {
    analyzed,
    analyze: (sources) => {
      analyzed.push(sources.map((s) => s.name));
      return { status: {} } as unknown as Analysis;
    },
    compileRoutes: () => (req) => ({
      outcome: forwardedTo(req.path === "/b" ? "b" : "a", req.path ?? "/"),
      printTrace: () => `trace for ${req.path ?? "/"}`,
    }),
    matchStatus: (e) => ({
      pass: e.name === "good",
      message: e.name === "good" ? "" : `${e.name} is bad`,
    }),
    supportedFeatures: ["FeatureX"],
    ...overrides,
  };
}

function parse(text: string) {
  const r = parseCaseFile("c/case.yaml", text);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.caseFile;
}

const CASE = `name: Demo
manifests: [m.yaml]
status:
- {kind: Gateway, namespace: ns, name: good}
- {kind: Gateway, namespace: ns, name: bad}
requests:
- {name: to a, gateway: ns/gw, request: {scheme: http, path: /a}, expect: {status: 200, backend: ns/a}}
- {name: to a, gateway: ns/gw, request: {scheme: http, path: /b}, expect: {status: 200, backend: ns/a}}
steps:
- description: nothing changes
  requests:
  - {name: still a, gateway: ns/gw, request: {scheme: http, path: /a}, expect: {status: 200, backend: ns/a}}
`;

describe("runConformanceCase", () => {
  test("checks every expectation of every state, with unique names and the trace on failures", () => {
    const engine = fakeEngine();
    const results = runConformanceCase(parse(CASE), { readFile, engine });
    expect(results.map((r) => [r.step, r.kind, r.name, r.pass])).toEqual([
      [0, "status", "status of Gateway ns/good", true],
      [0, "status", "status of Gateway ns/bad", false],
      [0, "request", "to a", true],
      [0, "request", "to a #2", false],
      [1, "request", "step 1: still a", true],
    ]);
    expect(results[1]?.message).toBe("bad is bad");
    expect(results[3]?.message).toBe(
      "backend: expected every request to reach ns/a; got ns/b 100%",
    );
    expect(results[3]?.trace).toBe("trace for /b");
    expect(results[3]?.sent).toBe("GET http://(gateway address)/b via ns/gw");
    expect(results[2]?.trace).toBeUndefined();
    expect(engine.analyzed).toEqual([["c/m.yaml"], ["c/m.yaml"]]);
  });

  test("an engine that throws fails the expectations of that state, naming the error", () => {
    const engine = fakeEngine({
      analyze: () => {
        throw new Error("boom");
      },
    });
    const results = runConformanceCase(parse(CASE), { readFile, engine });
    expect(
      results.every((r) => !r.pass && r.message === "the engine failed on this state: boom"),
    ).toBe(true);
  });

  test("a missing manifest fails every expectation with the path", () => {
    const results = runConformanceCase(parse(CASE.replace("m.yaml", "gone.yaml")), {
      readFile,
      engine: fakeEngine(),
    });
    expect(results).toHaveLength(5);
    expect(results[0]?.message).toMatch(/cannot read manifest file c\/gone.yaml/);
  });

  test("skipIfSupported naming a supported feature skips the case, as upstream does", () => {
    const results = runConformanceCase(parse(`skipIfSupported: [FeatureX]\n${CASE}`), {
      readFile,
      engine: fakeEngine(),
    });
    expect(
      results.every(
        (r) =>
          !r.pass &&
          r.skipped ===
            "gwsim supports FeatureX; upstream skips this test for implementations that do",
      ),
    ).toBe(true);
  });

  test("a deviation skips only the listed expectation", () => {
    const results = runConformanceCase(
      parse(`name: HTTPRouteBackendProtocolWebSocket
manifests: [m.yaml]
requests:
- {name: websocket connection should reach backend, gateway: ns/gw, request: {scheme: ws, path: /ws}, expect: {websocketEcho: [x]}}
- {name: other, gateway: ns/gw, request: {scheme: http, path: /a}, expect: {status: 200, backend: ns/a}}
`),
      { readFile, engine: fakeEngine() },
    );
    expect(results.map((r) => [r.name, r.pass, r.skipped !== undefined])).toEqual([
      ["websocket connection should reach backend", false, true],
      ["other", true, false],
    ]);
  });
  test("a case file's readings reach the engine; a misspelt reading or value is a parse error", () => {
    const seen: unknown[] = [];
    const engine = fakeEngine({
      analyze: (_sources, options) => (seen.push(options), { status: {} } as unknown as Analysis),
    });
    runConformanceCase(parse(`readings: {loneBackendZeroWeight: all-traffic}\n${CASE}`), {
      readFile,
      engine,
    });
    expect(seen[0]).toEqual({ readings: { loneBackendZeroWeight: "all-traffic" } });
    const bad = parseCaseFile(
      "c/case.yaml",
      `readings: {loneBackendZeroWeight: maybe, nope: x}\n${CASE}`,
    );
    expect(bad.ok ? [] : bad.errors).toEqual([
      expect.stringContaining(
        ": readings: reading loneBackendZeroWeight takes no-traffic or all-traffic",
      ),
      expect.stringContaining(': readings: unknown reading "nope"'),
    ]);
    const notMap = parseCaseFile("c/case.yaml", `readings: [x]\n${CASE}`);
    expect(notMap.ok ? [] : notMap.errors).toEqual([
      expect.stringContaining("readings: must be a mapping"),
    ]);
  });
});
