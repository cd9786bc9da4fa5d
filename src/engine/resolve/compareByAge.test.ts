import { describe, expect, test } from "vitest";
import { aManifest } from "../../test-utils/manifests";
import { compareByAge, creationTime, describeAgeWin } from "./compareByAge";

const route = (name: string, creationTimestamp?: string) =>
  aManifest({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name, namespace: "app", ...(creationTimestamp ? { creationTimestamp } : {}) },
    spec: {},
  });

describe("compareByAge", () => {
  test("the older creationTimestamp comes first, whatever the names", () => {
    expect(
      compareByAge(route("zeta", "2024-01-01T00:00:00Z"), route("alpha", "2025-01-01T00:00:00Z")),
    ).toBeLessThan(0);
  });

  test("an object without a creationTimestamp counts as the newest, as routing precedence does", () => {
    expect(compareByAge(route("alpha"), route("zeta", "2025-01-01T00:00:00Z"))).toBeGreaterThan(0);
    expect(creationTime(undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(creationTime("not a time")).toBe(Number.POSITIVE_INFINITY);
  });

  test("equal ages fall back to namespace/name alphabetically", () => {
    expect(compareByAge(route("alpha"), route("beta"))).toBeLessThan(0);
    expect(
      compareByAge(route("beta", "2025-01-01T00:00:00Z"), route("alpha", "2025-01-01T00:00:00Z")),
    ).toBeGreaterThan(0);
  });

  test("timestamps compare by instant, not by spelling", () => {
    expect(
      compareByAge(route("a", "2025-01-01T01:00:00+02:00"), route("b", "2025-01-01T00:00:00Z")),
    ).toBeLessThan(0);
  });
});

describe("describeAgeWin", () => {
  test('says "is older" only when the winner was created earlier', () => {
    expect(describeAgeWin(route("zeta", "2024-01-01T00:00:00Z"), route("alpha"))).toBe("is older");
  });

  test("says the tie went by name when neither has a timestamp, or both the same one", () => {
    expect(describeAgeWin(route("alpha"), route("beta"))).toBe(
      'wins the tie by namespace/name (neither has a creationTimestamp, and "app/alpha" sorts before "app/beta")',
    );
    expect(
      describeAgeWin(route("alpha", "2025-01-01T00:00:00Z"), route("beta", "2025-01-01T00:00:00Z")),
    ).toContain("both have the same creationTimestamp");
  });
});
