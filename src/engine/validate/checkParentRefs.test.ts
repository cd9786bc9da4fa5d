/**
 * Two references to one parent: the standard-channel CRD ignores port, the experimental-channel
 * CRD compares it. Istio's pilot testdata (istio/istio@86c9f01, mesh.yaml, validated against the
 * experimental CRDs) binds one route to ports 80 and 8080 of one Service.
 */
import { describe, expect, test } from "vitest";
import { PARENT_REFS, TARGET_REFS, checkSectionNames } from "./checkParentRefs";

const svc = (port?: number) => ({
  group: "",
  kind: "Service",
  name: "echo-1",
  ...(port !== undefined ? { port } : {}),
});

describe("sectionName must be unique (parentRefs, targetRefs)", () => {
  test("references that differ only by port: refused on standard, admitted on experimental", () => {
    const [issue, ...rest] = checkSectionNames({ parentRefs: [svc(80), svc(8080)] }, PARENT_REFS);
    expect(rest).toEqual([]);
    expect(issue?.message).toBe(
      "spec.parentRefs[1]: sectionName must be unique when parentRefs includes 2 or more references to the same parent; Service echo-1 repeats spec.parentRefs[0]. The standard-channel CRDs refuse the route; the experimental-channel CRDs, which also compare port (80 and 8080 here), admit it.",
    );
    expect(issue?.hint).toContain("Give each reference a sectionName");
  });

  test("the same port twice, or port 0 against no port, is a duplicate on both channels", () => {
    for (const refs of [
      [svc(80), svc(80)],
      [svc(0), svc()],
    ]) {
      const issues = checkSectionNames({ parentRefs: refs }, PARENT_REFS);
      expect(issues.map((i) => i.message.includes("experimental"))).toEqual([false]);
      expect(issues[0]?.hint).toBe(
        "Remove the duplicate reference (a different port does not make it distinct).",
      );
    }
  });

  test("targetRefs have no port: the plain duplicate message", () => {
    const issues = checkSectionNames({ targetRefs: [svc(80), svc(8080)] }, TARGET_REFS);
    expect(issues.map((i) => i.message.includes("experimental"))).toEqual([false]);
  });
});
