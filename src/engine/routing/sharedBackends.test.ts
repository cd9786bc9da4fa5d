/**
 * SharedBackends describes backendRefs exactly as a rule describes them on its own, and shares a
 * description (and a whole list) only between rules whose backends read the same.
 */
import { describe, expect, test } from "vitest";
import { anHTTPRoute, type BackendSpec } from "../../test-utils/routingModels";
import { backendTarget, routeCandidates, SharedBackends } from "./collectCandidates";

const splits: BackendSpec[][] = [
  [{ name: "a" }],
  [{ name: "a" }, { name: "b" }],
  [
    { name: "a", weight: 9 },
    { name: "b", weight: 1 },
  ],
  [
    { name: "a", weight: 90 },
    { name: "b", weight: 10 },
  ],
  [
    { name: "a", weight: 90 },
    { name: "b", weight: 10 },
    { name: "c", weight: 0 },
  ],
  [{ name: "a", port: 9090 }, { name: "b" }],
  [{ name: "a", namespace: "other" }, { name: "b" }],
  [{ name: "gone", invalid: "BackendNotFound" }, { name: "b" }],
  [{ name: "b" }, { name: "a" }],
  [],
];

function routes() {
  return splits.map((backends, i) =>
    anHTTPRoute("app", `r${i}`, {
      rules: [
        { matches: [{ path: { type: "PathPrefix", value: `/p${i}` } }], backends },
        { matches: [{ path: { type: "Exact", value: `/e${i}` } }], backends },
      ],
    }),
  );
}

describe("SharedBackends", () => {
  test("describes every rule's backends as the rule alone does", () => {
    const shared = new SharedBackends();
    // Twice over, so the second round reads only shared descriptions.
    for (const round of [1, 2])
      for (const route of routes()) {
        const own = routeCandidates(route).map((c) => c.entry.backends);
        const sharedOnes = routeCandidates(route, backendTarget, shared).map(
          (c) => c.entry.backends,
        );
        expect(sharedOnes, `${route.name}, round ${round}`).toEqual(own);
        expect(JSON.stringify(sharedOnes)).toBe(JSON.stringify(own));
      }
  });

  test("shares descriptions and lists only between equal backends", () => {
    const shared = new SharedBackends();
    const lists = routes().map((route) =>
      routeCandidates(route, backendTarget, shared).map((c) => c.entry.backends),
    );
    const first = (i: number) => lists[i]?.[0] ?? [];
    const second = (i: number) => lists[i]?.[1] ?? [];
    // The two rules of one route, and the same split in another route, share one list.
    expect(second(1)).toBe(first(1));
    expect(first(2)).not.toBe(first(1));
    // 9:1 and 90:10 give the same shares but different weights: not the same description.
    expect(first(3)[0]).not.toBe(first(2)[0]);
    expect(first(3)[0]?.share).toBe(first(2)[0]?.share);
    // A longer list starting with the same backends is a list of its own.
    expect(first(4)).not.toBe(first(3));
    expect(first(4)[0]).toBe(first(3)[0]);
    // Another port or namespace is another backend; order matters.
    expect(first(5)[0]).not.toBe(first(1)[0]);
    expect(first(6)[0]).not.toBe(first(1)[0]);
    expect(first(8)).not.toBe(first(1));
    expect(first(8)[0]).toBe(first(1)[1]);
    // An invalid reference is the rule's own, and so is the list holding it.
    expect(second(7)).not.toBe(first(7));
    expect(second(7)[0]).not.toBe(first(7)[0]);
    expect(second(7)[1]).toBe(first(7)[1]);
  });
});
