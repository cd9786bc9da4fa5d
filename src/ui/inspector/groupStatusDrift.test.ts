import { describe, expect, it } from "vitest";
import type { ResourceKey, StatusDriftEntry } from "../../engine";
import { groupStatusDrift, printStaleNote } from "./groupStatusDrift";

const at = {
  object: "HTTPRoute/shop/orders" as ResourceKey,
  file: "dump.yaml",
  line: 40,
  column: 5,
};

describe("groupStatusDrift", () => {
  it("merges a mismatch and a stale generation on the same condition into one row", () => {
    const entries: StatusDriftEntry[] = [
      {
        ...at,
        kind: "mismatch",
        scope: "parent shop/public",
        conditionType: "Accepted",
        controller: { status: "True", reason: "Accepted", observedGeneration: 3 },
        gwsim: { status: "False", reason: "NoMatchingListenerHostname" },
        generation: 5,
        message:
          "the controller says Accepted=True (Accepted), gwsim says Accepted=False (NoMatchingListenerHostname)",
      },
      {
        ...at,
        kind: "stale-generation",
        scope: "parent shop/public",
        conditionType: "Accepted",
        controller: { status: "True", reason: "Accepted", observedGeneration: 3 },
        generation: 5,
        message: "Accepted was written for generation 3",
      },
      {
        ...at,
        kind: "missing-in-controller",
        scope: "parent shop/public",
        conditionType: "ResolvedRefs",
        gwsim: { status: "True", reason: "ResolvedRefs" },
        message: "the controller did not write ResolvedRefs",
      },
    ];
    const scopes = groupStatusDrift(entries);
    expect(scopes).toHaveLength(1);
    expect(scopes[0]?.rows.map((r) => [r.conditionType, r.kinds, r.disagrees])).toEqual([
      ["Accepted", ["mismatch", "stale-generation"], true],
      ["ResolvedRefs", ["missing-in-controller"], true],
    ]);
    expect(scopes[0]?.rows[0]?.stale).toEqual({ observedGeneration: 3, generation: 5 });
    expect(scopes[0]?.rows[0]?.gwsim?.reason).toBe("NoMatchingListenerHostname");
  });

  it("keeps a stale-only row apart from disagreements, and scopes in input order", () => {
    const scopes = groupStatusDrift([
      {
        ...at,
        kind: "stale-generation",
        scope: "Gateway",
        conditionType: "Programmed",
        controller: { status: "True", reason: "Programmed", observedGeneration: 1 },
        gwsim: { status: "True", reason: "Programmed" },
        generation: 2,
        message: "stale",
      },
      {
        ...at,
        kind: "attached-routes",
        scope: "listener https",
        conditionType: "attachedRoutes",
        controller: { status: "3", reason: "" },
        gwsim: { status: "2", reason: "" },
        message: "differs",
      },
    ]);
    expect(scopes.map((s) => s.scope)).toEqual(["Gateway", "listener https"]);
    expect(scopes[0]?.rows[0]?.disagrees).toBe(false);
    expect(scopes[1]?.rows[0]?.disagrees).toBe(true);
  });

  it("phrases a stale generation, also when a number is unknown", () => {
    expect(printStaleNote({ observedGeneration: 3, generation: 5 })).toBe(
      "written for generation 3; the object is at generation 5",
    );
    expect(printStaleNote({ generation: 5 })).toBe(
      "written for an older generation; the object is at generation 5",
    );
  });
});
