import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { buildRequestCaseFile } from "./buildRequestCaseFile";
import { createCaseEngine } from "../conformance/createCaseEngine";
import { parseCaseFile } from "../conformance/parseCaseFile";
import { runConformanceCase } from "../conformance/runConformanceCase";
import { describeRequest } from "./describeRequest";
import { requestForRule } from "./requestForRule";

const example = readFileSync(
  new URL("../../../fixtures/examples/mesh-route-with-service-parent.yaml", import.meta.url),
  "utf8",
);

describe("mesh requests in the what-if helpers (mesh example)", () => {
  const analysis = analyze([{ name: "mesh.yaml", text: example }], {
    clock: () => "2026-01-01T00:00:00Z",
  });
  const router = compileRouter(analysis);

  test("a rule of a Service-bound route gives a mesh request that reaches that rule", () => {
    const jason = requestForRule(analysis, "HTTPRoute/bookinfo/reviews", 0);
    expect(jason?.request).toEqual({
      scheme: "http",
      port: 9080,
      mesh: { clientNamespace: "bookinfo", service: "bookinfo/reviews" },
      method: "GET",
      path: "/",
      headers: { "end-user": "jason" },
    });
    const t = traceRequest(router, jason?.request ?? { scheme: "http" });
    expect(t.winner).toMatchObject({ route: "HTTPRoute/bookinfo/reviews", ruleIndex: 0 });
    expect(t.outcome.backend?.target).toBe("bookinfo/reviews-v2:9080");
    const split = traceRequest(
      router,
      requestForRule(analysis, "HTTPRoute/bookinfo/reviews", 1)?.request ?? { scheme: "http" },
    );
    expect(split.outcome.backends.map((b) => [b.target, b.share])).toEqual([
      ["bookinfo/reviews-v1:9080", 0.9],
      ["bookinfo/reviews-v2:9080", 0.1],
    ]);
  });

  test("describeRequest names the client namespace and the Service", () => {
    expect(
      describeRequest({
        scheme: "http",
        port: 9080,
        path: "/r",
        mesh: { clientNamespace: "web", service: "bookinfo/reviews" },
      }),
    ).toBe("mesh web → GET bookinfo/reviews:9080/r");
  });

  test("the case file writes a mesh request in the mesh form, which gwsim test runs and passes", () => {
    const request = {
      scheme: "http" as const,
      port: 9080,
      path: "/r",
      headers: { "end-user": "jason" },
      mesh: { clientNamespace: "web", service: "bookinfo/reviews" },
    };
    const file = buildRequestCaseFile("mesh", [
      { name: "reviews", request, trace: traceRequest(router, request) },
    ]);
    expect(file.skipped).toEqual([]);
    expect(file.text).toContain(`- name: reviews
    mesh:
      from: web
      service: bookinfo/reviews
      port: 9080
    request:
      scheme: http
      method: GET
      path: /r
      headers:
        end-user: jason
    expect:
      status: 200
      backend: bookinfo/reviews-v2
`);
    const parsed = parseCaseFile("mesh.cases.yaml", file.text);
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const results = runConformanceCase(parsed.caseFile, {
      engine: createCaseEngine(),
      readFile: () => example,
      extraManifests: ["mesh.yaml"],
    });
    expect(results.map((r) => [r.name, r.pass, r.message])).toEqual([["reviews", true, ""]]);
  });
});
