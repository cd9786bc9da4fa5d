import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Analysis, ResourceKey } from "../../engine";
import { analyze, applyEdits } from "../../test-utils/engineRoundTrip";
import { connectionToIntent, planAttach, type AttachPlan } from "./canvasIntents";
import { intentsToEditOps } from "./intentToEditOps";

const example = readFileSync(
  new URL("../../../fixtures/examples/shared-gateway-two-teams.yaml", import.meta.url),
  "utf8",
);
const ROUTE = "HTTPRoute/team-b/shop" as ResourceKey;
const GATEWAY = "Gateway/infra/shared" as ResourceKey;
const run = (text: string) => analyze([{ name: "w.yaml", text }]);

function plan(text: string, listener?: string): { analysis: Analysis; plan: AttachPlan } {
  const analysis = run(text);
  const c = {
    source: GATEWAY,
    sourceHandle: listener ? `listener:${listener}` : "out",
    target: ROUTE,
    targetHandle: "in",
  };
  const r = connectionToIntent(analysis.graph, c);
  if (!r.ok || r.intent.type !== "attachRoute") throw new Error("expected an attach intent");
  return { analysis, plan: planAttach(analysis.explain, r.intent) };
}

function write(text: string, p: AttachPlan): { text: string; analysis: Analysis } {
  if (p.type === "already") throw new Error("nothing to write");
  const result = applyEdits(text, intentsToEditOps(p.intents));
  expect(result.failed).toEqual([]);
  return { text: result.text, analysis: run(result.text) };
}

const parentRefsOf = (a: Analysis) =>
  a.explain.filter((e) => e.route === ROUTE).map((e) => e.parentRef);
const schemaErrors = (a: Analysis) =>
  a.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${d.message}`);

describe("planAttach writes only parentRefs the API server accepts", () => {
  test("a listener dropped on a route that names the whole Gateway asks to narrow that parentRef", () => {
    const { plan: p } = plan(example, "https");
    expect(p.type).toBe("ask");
    expect(p.type === "ask" && p.question).toMatch(
      /already attaches to every listener of Gateway infra\/shared \(parentRefs\[0\]\).*Narrow parentRefs\[0\] to listener https only\?/,
    );
    const after = write(example, p);
    expect(schemaErrors(after.analysis)).toEqual([]);
    expect(parentRefsOf(after.analysis)).toEqual([
      { name: "shared", namespace: "infra", sectionName: "https" },
    ]);
    // The naive append (what the canvas wrote before) is what the CRD's rule rejects.
    const naive = applyEdits(example, [
      {
        op: "addParentRef",
        target: { kind: "HTTPRoute", namespace: "team-b", name: "shop" },
        parentRef: { name: "shared", namespace: "infra", sectionName: "https" },
      },
    ]);
    expect(schemaErrors(run(naive.text)).join("\n")).toMatch(/schema\.rule/);
  });

  test("a second listener is added when every reference names a section; the same one again adds nothing", () => {
    const narrowed = write(example, plan(example, "https").plan).text;
    const second = plan(narrowed, "http").plan;
    expect(second.type).toBe("add");
    const after = write(narrowed, second);
    expect(schemaErrors(after.analysis)).toEqual([]);
    expect(parentRefsOf(after.analysis).map((r) => r.sectionName)).toEqual(["https", "http"]);
    expect(plan(after.text, "http").plan).toMatchObject({ type: "already" });
  });

  test("the whole Gateway dropped on a route with section references asks to replace them with one", () => {
    const narrowed = write(example, plan(example, "https").plan).text;
    const twoSections = write(narrowed, plan(narrowed, "http").plan).text;
    const p = plan(twoSections).plan;
    expect(p.type === "ask" && p.question).toMatch(
      /already names Gateway infra\/shared in parentRefs\[0\], parentRefs\[1\].*Replace them with one reference to the whole Gateway\?/,
    );
    const after = write(twoSections, p);
    expect(schemaErrors(after.analysis)).toEqual([]);
    expect(parentRefsOf(after.analysis)).toEqual([{ name: "shared", namespace: "infra" }]);
  });

  test("the whole Gateway dropped on a route that already names it adds nothing", () => {
    expect(plan(example).plan).toMatchObject({ type: "already" });
  });
});

describe("the graph never shows OK for an object with an error", () => {
  test("a route whose parentRefs break the CRD rule is drawn as an error with the rule’s code", () => {
    const naive = applyEdits(example, [
      {
        op: "addParentRef",
        target: { kind: "HTTPRoute", namespace: "team-b", name: "shop" },
        parentRef: { name: "shared", namespace: "infra", sectionName: "https" },
      },
    ]);
    const node = run(naive.text).graph.nodes.find((n) => n.id === ROUTE);
    expect(node?.status).toBe("error");
    expect(node?.reason).toBe("schema.rule");
    expect(run(example).graph.nodes.find((n) => n.id === ROUTE)?.status).toBe("ok");
  });
});
