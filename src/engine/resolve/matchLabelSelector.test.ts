import { describe, expect, test } from "vitest";
import { matchLabelSelector } from "./matchLabelSelector";

const labels = { env: "prod", team: "payments", "kubernetes.io/metadata.name": "pay" };

describe("matchLabelSelector", () => {
  test("an empty selector matches every namespace", () => {
    expect(matchLabelSelector({}, labels).matches).toBe(true);
  });
  test("matchLabels must all hold", () => {
    expect(
      matchLabelSelector({ matchLabels: { env: "prod", team: "payments" } }, labels).matches,
    ).toBe(true);
    const miss = matchLabelSelector({ matchLabels: { env: "prod", team: "search" } }, labels);
    expect(miss).toEqual({ matches: false, reason: "requires team=search, has team=payments" });
    expect(matchLabelSelector({ matchLabels: { tier: "web" } }, labels).reason).toBe(
      "requires tier=web, has no such label",
    );
  });
  test.each([
    [{ key: "env", operator: "In", values: ["prod", "staging"] }, true],
    [{ key: "env", operator: "In", values: ["dev"] }, false],
    [{ key: "missing", operator: "In", values: ["x"] }, false],
    [{ key: "env", operator: "NotIn", values: ["dev"] }, true],
    [{ key: "env", operator: "NotIn", values: ["prod"] }, false],
    [{ key: "missing", operator: "NotIn", values: ["x"] }, true],
    [{ key: "team", operator: "Exists" }, true],
    [{ key: "missing", operator: "Exists" }, false],
    [{ key: "missing", operator: "DoesNotExist" }, true],
    [{ key: "team", operator: "DoesNotExist" }, false],
    [{ key: "env", operator: "Like", values: ["prod"] }, false],
    [{ key: "env", operator: "In", values: [] }, false],
    // Envoy Gateway's gateway-with-listener-with-invalid-allowed-namespaces-selector testdata:
    // apimachinery refuses values on Exists/DoesNotExist, so the selector selects nothing.
    [{ key: "team", operator: "Exists", values: ["payments"] }, false],
    [{ key: "missing", operator: "DoesNotExist", values: ["x"] }, false],
  ])("matchExpressions %j → %s", (req, expected) => {
    expect(matchLabelSelector({ matchExpressions: [req] }, labels).matches).toBe(expected);
  });
  test("Exists with values says why it selects nothing", () => {
    const selector = { matchExpressions: [{ key: "team", operator: "Exists", values: ["x"] }] };
    expect(matchLabelSelector(selector, labels)).toEqual({
      matches: false,
      reason: "team Exists takes no values (a selector parser refuses it, so it selects nothing)",
    });
  });
  test("matchLabels and matchExpressions are ANDed", () => {
    const selector = {
      matchLabels: { env: "prod" },
      matchExpressions: [{ key: "team", operator: "NotIn", values: ["payments"] }],
    };
    expect(matchLabelSelector(selector, labels)).toEqual({
      matches: false,
      reason: "requires team not in (payments), has team=payments",
    });
  });
});
