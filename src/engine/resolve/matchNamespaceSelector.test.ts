/**
 * The namespace `app` is undeclared (only kubernetes.io/metadata.name=app is known) unless a case
 * declares it. Each row: the selector, the exact verdict, and whether auto/open may assume a
 * match (closed never does: its line is always the exact verdict).
 */
import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { indexResources } from "./indexResources";
import { matchNamespaceSelector } from "./matchNamespaceSelector";
import type { WorldMode } from "./world";

const NAME = "kubernetes.io/metadata.name";
const req = (key: string, operator: string, values?: string[]) =>
  values === undefined ? { key, operator } : { key, operator, values };

const cases: [string, Record<string, unknown>, boolean, boolean][] = [
  // [what, selector, exact match, assumed in auto]
  ["matchLabels on the name label, same name", { matchLabels: { [NAME]: "app" } }, true, false],
  ["matchLabels on the name label, other name", { matchLabels: { [NAME]: "web" } }, false, false],
  [
    "In on the name label, listed",
    { matchExpressions: [req(NAME, "In", ["a", "app"])] },
    true,
    false,
  ],
  [
    "In on the name label, not listed",
    { matchExpressions: [req(NAME, "In", ["a"])] },
    false,
    false,
  ],
  [
    "NotIn on the name label, listed",
    { matchExpressions: [req(NAME, "NotIn", ["app"])] },
    false,
    false,
  ],
  ["matchLabels on another label", { matchLabels: { team: "shop" } }, false, true],
  ["In on another label", { matchExpressions: [req("team", "In", ["shop"])] }, false, true],
  ["Exists on another label", { matchExpressions: [req("team", "Exists")] }, false, true],
  [
    "NotIn on another label: already matches",
    { matchExpressions: [req("env", "NotIn", ["prod"])] },
    true,
    false,
  ],
  [
    "DoesNotExist on another label: already matches",
    { matchExpressions: [req("legacy", "DoesNotExist")] },
    true,
    false,
  ],
  [
    "NotIn and DoesNotExist together: already match",
    { matchExpressions: [req("env", "NotIn", ["prod"]), req("legacy", "DoesNotExist")] },
    true,
    false,
  ],
  [
    "name label passes, other label needed",
    { matchLabels: { [NAME]: "app", team: "shop" } },
    false,
    true,
  ],
  [
    "name label fails, other label needed: a fact",
    { matchLabels: { [NAME]: "web", team: "shop" } },
    false,
    false,
  ],
  [
    "name label fails by expression, other label needed",
    { matchLabels: { team: "shop" }, matchExpressions: [req(NAME, "NotIn", ["app"])] },
    false,
    false,
  ],
  [
    "NotIn passes, In needs a label",
    { matchExpressions: [req("env", "NotIn", ["prod"]), req("team", "In", ["shop"])] },
    false,
    true,
  ],
  [
    "contradiction: In and NotIn the same value",
    { matchExpressions: [req("env", "In", ["prod"]), req("env", "NotIn", ["prod"])] },
    false,
    false,
  ],
  [
    "In and NotIn leaving a value",
    { matchExpressions: [req("env", "In", ["prod", "qa"]), req("env", "NotIn", ["prod"])] },
    false,
    true,
  ],
  [
    "contradiction: Exists and DoesNotExist",
    { matchExpressions: [req("env", "Exists"), req("env", "DoesNotExist")] },
    false,
    false,
  ],
  [
    "contradiction: matchLabels and In disagree",
    { matchLabels: { env: "prod" }, matchExpressions: [req("env", "In", ["qa"])] },
    false,
    false,
  ],
  ["malformed: In without values", { matchExpressions: [req("env", "In", [])] }, false, false],
  ["malformed: unknown operator", { matchExpressions: [req("env", "Gt", ["1"])] }, false, false],
  [
    "malformed: Exists with values",
    { matchExpressions: [req("env", "Exists", ["x"])] },
    false,
    false,
  ],
  ["empty selector: everything", {}, true, false],
];

const index = (world: WorldMode, extra = "") =>
  indexResources(
    loadManifests([
      {
        name: "slice.yaml",
        text: `apiVersion: v1
kind: Service
metadata: {name: shop, namespace: app}
spec: {ports: [{port: 80}]}
${extra}`,
      },
    ]).manifests,
    world,
  );

describe("matchNamespaceSelector on an undeclared namespace", () => {
  test.each(cases)("%s", (_, selector, exact, assumed) => {
    for (const world of ["auto", "open"] as const) {
      const m = matchNamespaceSelector(index(world), selector, "app");
      expect(m.exact.matches, world).toBe(exact);
      expect(m.assumableBecause !== undefined, world).toBe(assumed);
    }
    const closed = matchNamespaceSelector(index("closed"), selector, "app");
    expect(closed.exact.matches).toBe(exact);
    expect(closed.assumableBecause).toBeUndefined();
  });

  test("auto says why the labels are unknown", () => {
    const m = matchNamespaceSelector(index("auto"), { matchLabels: { team: "shop" } }, "app");
    expect(m.assumableBecause).toBe(
      "auto: the input holds no Namespace, so its labels are unknown",
    );
    expect(m.exact.reason).toBe("requires team=shop, has no such label");
  });

  test("a declared Namespace is exact", () => {
    const declared = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: app}\n";
    const m = matchNamespaceSelector(
      index("open", declared),
      { matchLabels: { team: "shop" } },
      "app",
    );
    expect(m).toEqual({ exact: expect.objectContaining({ matches: false }) });
  });

  test("auto with another Namespace declared: Namespaces are known, nothing assumed", () => {
    const other = "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: infra}\n";
    const m = matchNamespaceSelector(
      index("auto", other),
      { matchLabels: { team: "shop" } },
      "app",
    );
    expect(m.assumableBecause).toBeUndefined();
  });
});
