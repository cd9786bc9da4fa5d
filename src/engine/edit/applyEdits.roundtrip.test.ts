/**
 * Every manifest file of the vendored conformance set (base, manifests, derived) goes through
 * applyEdits: without edits it comes back byte-identical, and each edit changes exactly the lines
 * it must while the YAML still means the old objects plus that one change.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { isRouteKind } from "../api/kinds";
import { loadManifests } from "../load/loadManifests";
import type { Manifest } from "../types";
import { applyEdits } from "./applyEdits";
import type { EditOp, ObjectSelector } from "./editOps";

const ROOT = new URL("../../../fixtures/conformance/", import.meta.url);

function yamlFiles(dir: URL): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const url = new URL(entry, dir);
    if (statSync(url).isDirectory())
      return yamlFiles(new URL(`${entry}/`, dir)).map((f) => `${entry}/${f}`);
    return entry.endsWith(".yaml") ? [entry] : [];
  });
}

const FILES = [
  ...yamlFiles(new URL("base/", ROOT)).map((f) => `base/${f}`),
  ...yamlFiles(new URL("manifests/", ROOT)).map((f) => `manifests/${f}`),
];

/** Lines changed between two texts: the differing middle once the common head and tail are cut. */
function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

const selectorOf = (m: Manifest): ObjectSelector =>
  m.namespace === undefined
    ? { kind: m.kind, name: m.name }
    : { kind: m.kind, namespace: m.namespace, name: m.name };

function bodies(text: string): Record<string, unknown> {
  const loaded = loadManifests([{ name: "x", text }]);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return Object.fromEntries(loaded.manifests.map((m) => [m.key, m.body]));
}

function applyOk(text: string, op: EditOp): string {
  const result = applyEdits(text, [op]);
  expect(result.failed).toEqual([]);
  return result.text;
}

test("the conformance set has manifest files to check", () => {
  expect(FILES.length).toBeGreaterThan(100);
  expect(FILES.some((f) => f.startsWith("manifests/derived/"))).toBe(true);
});

describe.each(FILES)("%s", (file) => {
  const text = readFileSync(new URL(file, ROOT), "utf8");
  const manifests = loadManifests([{ name: file, text }]).manifests.filter(
    (m) => m.source.listIndex === undefined,
  );

  test("comes back byte-identical without edits, and when names are set to themselves", () => {
    expect(applyEdits(text, []).text).toBe(text);
    const same = manifests.map((m): EditOp => ({
      op: "setField",
      target: selectorOf(m),
      path: ["metadata", "name"],
      value: m.name,
    }));
    const result = applyEdits(text, same);
    expect(result.failed).toEqual([]);
    expect(result.text).toBe(text);
  });

  test("removeObject drops exactly one object and leaves the others as they were", () => {
    const before = bodies(text);
    for (const m of manifests) {
      const after = bodies(applyOk(text, { op: "removeObject", target: selectorOf(m) }));
      const expected = { ...before };
      delete expected[m.key];
      expect(after).toEqual(expected);
    }
    // base/manifests.yaml holds dozens of objects, each re-parsed after its removal: slow on a busy CI box.
  }, 60_000);

  const routes = manifests.filter((m) => isRouteKind(m.kind));
  // Files without routes have nothing for these two tests to edit, so they are not registered there.
  if (routes.length > 0)
    test("addParentRef and setBackendWeight change only their own lines", () => {
      const before = bodies(text);
      for (const route of routes) {
        const added = applyOk(text, {
          op: "addParentRef",
          target: selectorOf(route),
          parentRef: { name: "extra-gw", sectionName: "web" },
        });
        const diff = lineDiff(text, added);
        expect(diff.removed.length).toBeLessThanOrEqual(1); // 0 for block lists, the one line of a flow list
        expect(diff.added.length).toBeLessThanOrEqual(diff.removed.length === 1 ? 1 : 2);
        const spec = route.spec as { parentRefs?: unknown[] };
        const expected = {
          ...route.body,
          spec: {
            ...spec,
            parentRefs: [...(spec.parentRefs ?? []), { name: "extra-gw", sectionName: "web" }],
          },
        };
        expect(bodies(added)).toEqual({ ...before, [route.key]: expected });

        const rules =
          (route.spec as { rules?: { backendRefs?: Record<string, unknown>[] }[] }).rules ?? [];
        const ruleIndex = rules.findIndex((r) => (r.backendRefs ?? []).length > 0);
        if (ruleIndex < 0) continue;
        const weighted = applyOk(text, {
          op: "setBackendWeight",
          target: selectorOf(route),
          ruleIndex,
          backendIndex: 0,
          weight: 7,
        });
        const weightDiff = lineDiff(text, weighted);
        expect(weightDiff.removed.length + weightDiff.added.length).toBeLessThanOrEqual(2);
        expect(weightDiff.added).toHaveLength(1);
        const newRules = rules.map((r, i) =>
          i === ruleIndex
            ? {
                ...r,
                backendRefs: (r.backendRefs ?? []).map((b, j) =>
                  j === 0 ? { ...b, weight: 7 } : b,
                ),
              }
            : r,
        );
        expect(bodies(weighted)).toEqual({
          ...before,
          [route.key]: { ...route.body, spec: { ...route.spec, rules: newRules } },
        });
      }
    }, 60_000);

  if (routes.length > 0)
    test("removing any parentRef or backendRef deletes only its own lines", () => {
      const before = bodies(text);
      for (const route of routes) {
        const spec = route.spec as {
          parentRefs?: unknown[];
          rules?: { backendRefs?: unknown[] }[];
        };
        const cases: { op: EditOp; expectedSpec: Record<string, unknown> }[] = [];
        (spec.parentRefs ?? []).forEach((_, i) => {
          cases.push({
            op: { op: "removeParentRef", target: selectorOf(route), index: i },
            expectedSpec: {
              ...spec,
              parentRefs: (spec.parentRefs ?? []).filter((__, j) => j !== i),
            },
          });
        });
        (spec.rules ?? []).forEach((rule, r) => {
          (rule.backendRefs ?? []).forEach((_, b) => {
            const rules = (spec.rules ?? []).map((x, k) =>
              k === r ? { ...x, backendRefs: (x.backendRefs ?? []).filter((__, j) => j !== b) } : x,
            );
            cases.push({
              op: {
                op: "removeBackendRef",
                target: selectorOf(route),
                ruleIndex: r,
                backendIndex: b,
              },
              expectedSpec: { ...spec, rules },
            });
          });
        });
        for (const { op, expectedSpec } of cases) {
          const after = applyOk(text, op);
          const diff = lineDiff(text, after);
          // A block item goes with its lines; the last item leaves `[]`; a flow item edits one line.
          expect(diff.added.length).toBeLessThanOrEqual(1);
          if (diff.added.length === 1) expect(diff.removed.length).toBeGreaterThanOrEqual(1);
          expect(bodies(after)).toEqual({
            ...before,
            [route.key]: { ...route.body, spec: expectedSpec },
          });
        }
      }
    }, 60_000);
});
