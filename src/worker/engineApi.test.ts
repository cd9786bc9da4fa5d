import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyzeRevision, computeFixIts, computeIsolationLens } from "../engine";
import { engineApi } from "./engineApi";

const example = readFileSync(
  new URL("../../fixtures/examples/shared-gateway-two-teams.yaml", import.meta.url),
  "utf8",
);

describe("engineApi.analyze", () => {
  test("returns the revision it was called with, unchanged", () => {
    expect(engineApi.analyze(7, [{ name: "a.yaml", text: example }]).revision).toBe(7);
    expect(engineApi.analyze(0, [{ name: "a.yaml", text: "" }]).revision).toBe(0);
  });

  test("the result survives structuredClone (it can cross the worker boundary)", () => {
    const result = engineApi.analyze(3, [{ name: "workspace.yaml", text: example }]);
    expect(result.analysis.objects.length).toBeGreaterThan(5);
    expect(structuredClone(result)).toEqual(result);
  });

  test("a half-typed document still gives a serialisable analysis with a located syntax error", () => {
    const broken = `${example}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n`;
    const result = engineApi.analyze(4, [{ name: "workspace.yaml", text: broken }]);
    const syntax = result.analysis.diagnostics.filter((d) => d.code === "yaml.syntax");
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]?.file).toBe("workspace.yaml");
    // The other documents keep loading.
    expect(result.analysis.objects.some((o) => o.kind === "Gateway")).toBe(true);
    expect(structuredClone(result)).toEqual(result);
  });
});

describe("engineApi keeps one parse cache across revisions", () => {
  // analyze() with the cache equals analyze() without it (load/parsingChunks.test.ts); here the
  // platform checks, which load the same text three more times through the same cache.
  test("platform checks after each edit equal a fresh computation without the cache", async () => {
    const edits = [
      example,
      example.replace("name: store-web", "name: store-www"),
      example.replace("shop.example.com", "shop.example.org"),
      example,
    ];
    for (const [revision, text] of edits.entries()) {
      const sources = [{ name: "workspace.yaml", text }];
      engineApi.analyze(revision, sources);
      const fresh = analyzeRevision(sources);
      expect(await engineApi.platformChecks(revision, sources)).toEqual({
        revision,
        findings: fresh.analysis.lint,
        fixIts: computeFixIts(fresh),
        lens: computeIsolationLens(fresh),
      });
    }
  });
});

describe("engineApi.crdSchemas", () => {
  test("every Gateway API kind the engine validates has a plain-data schema per served apiVersion, descriptions included", async () => {
    const schemas = await engineApi.crdSchemas();
    expect(schemas.map((s) => s.kind)).toEqual(
      expect.arrayContaining(["Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute"]),
    );
    const httproute = schemas.find((s) => s.kind === "HTTPRoute");
    expect(
      httproute?.versions.some((v) => v.apiVersions.includes("gateway.networking.k8s.io/v1")),
    ).toBe(true);
    expect(structuredClone(schemas)).toEqual(schemas);
    // The editor's hover shows the descriptions the validator's copy leaves out.
    expect(httproute?.versions[0]?.schema.description).toBe(
      "HTTPRoute provides a way to route HTTP requests.",
    );
  });
});

describe("the world setting in the worker", () => {
  const slice = readFileSync(
    new URL("../../fixtures/examples/gitops-slice.yaml", import.meta.url),
    "utf8",
  );
  const sources = [{ name: "workspace.yaml", text: slice }];
  const request = {
    gateway: "shop/public",
    scheme: "https" as const,
    host: "shop.example.com",
    path: "/",
  };

  test("the analysis, then the simulator, follow the world of the last analysis (same text, other world: recompiled)", async () => {
    expect(engineApi.analyze(1, sources, "auto").analysis.assumptions).toHaveLength(5);
    expect((await engineApi.simTrace(1, sources, request)).trace.outcome.status).toBe(200);
    expect(engineApi.analyze(1, sources, "closed").analysis.assumptions).toEqual([]);
    expect((await engineApi.simTrace(1, sources, request)).trace.outcome.kind).toBe(
      "connection-refused",
    );
    expect(
      (await engineApi.platformChecks(2, sources)).findings.some(
        (f) => f.diagnostic.code === "lint.parent-ref-no-status",
      ),
    ).toBe(true);
    engineApi.analyze(3, sources, "auto");
  });
});

describe("the readings in the worker", () => {
  const text = `# world: closed\n${readFileSync(
    new URL("../engine/testdata/readings/lone-zero-weight.yaml", import.meta.url),
    "utf8",
  )}`;
  const sources = [{ name: "workspace.yaml", text }];
  const request = { gateway: "default/gw", scheme: "http" as const, path: "/" };
  const applied = (r: { analysis: { diagnostics: { code: string }[] } }) =>
    r.analysis.diagnostics.filter((d) => d.code === "reading.applied").length;

  test("the analysis, the traces, the what-if side and a set reading all follow the readings sent last", async () => {
    expect(applied(engineApi.analyze(1, sources, "closed", {}))).toBe(0);
    expect((await engineApi.simTrace(1, sources, request)).trace.outcome.status).toBe(500);
    const reading = { loneBackendZeroWeight: "all-traffic" } as const;
    expect(applied(engineApi.analyze(2, sources, "closed", reading))).toBe(1);
    const trace = (await engineApi.simTrace(2, sources, request)).trace;
    expect(trace.outcome.status).toBe(200);
    expect(trace.outcome.backends[0]?.reading).toContain(
      "reading loneBackendZeroWeight=all-traffic",
    );
    // A reading sent on its own (the toolbar's change) reaches the next call before any analysis.
    engineApi.setReadings({});
    expect((await engineApi.simTrace(3, sources, request)).trace.outcome.status).toBe(500);
    engineApi.analyze(4, sources, "auto", {});
  });
});
