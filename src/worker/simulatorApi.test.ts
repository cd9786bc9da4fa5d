import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { RequestMix } from "../engine";
import { engineApi } from "./engineApi";
import { RUN_CHUNK, simulatorApi, type SimRunProgress } from "./simulatorApi";

const example = readFileSync(
  new URL("../../fixtures/examples/shared-gateway-two-teams.yaml", import.meta.url),
  "utf8",
);
const sources = [{ name: "workspace.yaml", text: example }];
const shop = { scheme: "http" as const, host: "shop.example.com", path: "/" };
const single: RequestMix = {
  id: "one",
  name: "shop",
  templates: [{ name: "shop", request: shop, weight: 1 }],
};

describe("simulatorApi", () => {
  test("engineApi offers the simulator functions", () => {
    expect(typeof engineApi.simTrace).toBe("function");
    expect(typeof engineApi.simRun).toBe("function");
  });

  test("a trace carries its revision, the losing candidates, and survives structuredClone", () => {
    const result = simulatorApi.simTrace(3, sources, { ...shop, headers: { "x-canary": "true" } });
    expect(result.revision).toBe(3);
    expect(result.trace.winner).toMatchObject({ route: "HTTPRoute/team-b/shop", ruleIndex: 0 });
    expect(result.summary.text).toBe("shop-v2:8080");
    expect(result.trace.candidates.length).toBeGreaterThan(1);
    expect(structuredClone(result)).toEqual(result);
  });

  test("the cached router follows the text of a revision: the same revision number with new text is recompiled", () => {
    expect(simulatorApi.simTrace(4, sources, shop).summary.text).toBe(
      "shop-v1:8080 90% · shop-v2:8080 10%",
    );
    const edited = [{ name: "workspace.yaml", text: example.replace("weight: 90", "weight: 10") }];
    expect(simulatorApi.simTrace(4, edited, shop).summary.text).toBe(
      "shop-v1:8080 50% · shop-v2:8080 50%",
    );
    expect(simulatorApi.simTrace(5, sources, shop).summary.text).toBe(
      "shop-v1:8080 90% · shop-v2:8080 10%",
    );
  });

  test("a chunked run reports progress per chunk and lands within sampling error of 90/10", async () => {
    const progress: SimRunProgress[] = [];
    const n = RUN_CHUNK * 2 + 10;
    const result = await simulatorApi.simRun(6, sources, "run-1", single, n, 42, (p) =>
      progress.push(p),
    );
    expect(progress.map((p) => p.done)).toEqual([RUN_CHUNK, RUN_CHUNK * 2, n]);
    expect(result).toMatchObject({
      revision: 6,
      runId: "run-1",
      requested: n,
      cancelled: false,
      seed: 42,
    });
    expect(result.tally.n).toBe(n);
    const v2 = (result.tally.buckets["team-b/shop-v2:8080"] ?? 0) / n;
    expect(Math.abs(v2 - 0.1)).toBeLessThan(0.004);
    expect(result.expected.buckets).toEqual([
      { bucket: "team-b/shop-v1:8080", share: 0.9 },
      { bucket: "team-b/shop-v2:8080", share: 0.1 },
    ]);
    expect(structuredClone(result)).toEqual(result);
  });

  test("the same seed gives the same counts", async () => {
    const a = await simulatorApi.simRun(6, sources, "a", single, 1000, 9);
    const b = await simulatorApi.simRun(6, sources, "b", single, 1000, 9);
    expect(a.tally).toEqual(b.tally);
  });

  test("simCancel stops a run at the next chunk boundary and keeps what ran", async () => {
    const result = await simulatorApi.simRun(
      7,
      sources,
      "run-2",
      single,
      RUN_CHUNK * 10,
      1,
      (p) => {
        if (p.done === RUN_CHUNK) simulatorApi.simCancel("run-2");
      },
    );
    expect(result.cancelled).toBe(true);
    expect(result.tally.n).toBe(RUN_CHUNK);
  });

  test("through engineApi, a cancel sent while the simulator is still loading stops the run", async () => {
    // engineApi loads the simulator on the first call: the run waits for that import, and the
    // cancel, sent right after the run (as a page's Stop would), arrives before the run starts.
    const running = engineApi.simRun(9, sources, "run-3", single, RUN_CHUNK * 10, 1);
    engineApi.simCancel("run-3");
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(result.tally.n).toBe(RUN_CHUNK);
    // The id is free again: a later run with it is not cancelled by the old request.
    const again = await engineApi.simRun(9, sources, "run-3", single, RUN_CHUNK * 2, 1);
    expect(again.cancelled).toBe(false);
    expect(again.tally.n).toBe(RUN_CHUNK * 2);
  });

  test("through engineApi, a cancel of an earlier run does not stop a new run with the same id", async () => {
    engineApi.simCancel("run-4");
    const result = await engineApi.simRun(9, sources, "run-4", single, RUN_CHUNK * 2, 1);
    expect(result.cancelled).toBe(false);
  });

  test("what-if compares the baseline text with the current revision", () => {
    const baseline = [{ name: "baseline.yaml", text: example }];
    const current = [
      {
        name: "workspace.yaml",
        text: example.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50"),
      },
    ];
    const result = simulatorApi.simWhatIf(8, current, baseline, {
      requests: [{ id: "r", name: "shop", request: shop }],
      mixes: [],
    });
    expect(result.revision).toBe(8);
    expect(result.report.requests[0]?.sentence).toBe(
      "GET shop.example.com/: shop-v1:8080/shop-v2:8080 90/10 becomes 50/50",
    );
    expect(structuredClone(result)).toEqual(result);
  });
});
