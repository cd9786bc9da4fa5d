import { describe, expect, test } from "vitest";
import { indexResources, type ResourceIndex } from "../resolve/indexResources";
import { createParseCache } from "../load/parseCache";
import { loadValidated } from "../validate/loadValidated";
import { loadAllEngineModules } from "../modules/engineModules";
import type { Manifest } from "../types";
import { patchIndex, swappedInPlace, type Replacements } from "./patchIndex";

const service = (i: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  ports:\n    - port: 80\n`;
const route = (i: number) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r${i}\nspec:\n  parentRefs:\n    - name: gw\n  rules:\n    - backendRefs:\n        - {name: s${i % 3}, port: 80}\n`;
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n  gatewayClassName: c\n  listeners:\n    - {name: http, port: 80, protocol: HTTP}\n`;

/** A Gateway, 3 Services, then 100 routes; `blank` lines typed after the Services. */
function text(blank: string): string {
  const docs = [GATEWAY, service(0), service(1), service(2)];
  for (let i = 0; i < 100; i++) docs.push((i === 0 ? blank : "") + route(i));
  return docs.join("---\n");
}

/** Revision n's objects and the new ones after Enter before the first route (every route moves). */
async function enterBeforeTheRoutes(): Promise<Replacements> {
  await loadAllEngineModules();
  const cache = createParseCache();
  const before = loadValidated([{ name: "a.yaml", text: text("") }], cache).manifests;
  const after = loadValidated([{ name: "a.yaml", text: text("\n") }], cache).manifests;
  const at: number[] = [];
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) at.push(i);
  return { before, after, at };
}

/** The same objects (by identity) in the same order in every list and in the key map. */
function expectSameIndex(patched: ResourceIndex, fresh: ResourceIndex): void {
  const same = (a: readonly Manifest[], b: readonly Manifest[]) => {
    expect(a.map((m) => m.key)).toEqual(b.map((m) => m.key));
    a.forEach((m, i) => expect(m).toBe(b[i]));
  };
  same(patched.manifests, fresh.manifests);
  expect([...patched.byKind.keys()]).toEqual([...fresh.byKind.keys()]);
  for (const [kind, list] of fresh.byKind) same(patched.byKind.get(kind) ?? [], list);
  same([...patched.byKey.values()], [...fresh.byKey.values()]);
  expect([...patched.byKey.keys()]).toEqual([...fresh.byKey.keys()]);
}

describe("patchIndex: the index with an edit's objects swapped in", () => {
  test("100 moved routes are swapped in by position, as a fresh index has them", async () => {
    const r = await enterBeforeTheRoutes();
    // Every route moved (more than the one-by-one patch takes), nothing before them.
    expect(r.at.length).toBe(100);
    expect(r.at[0]).toBe(4);
    const index = indexResources(r.before);
    // The shortcut is taken: the index holds the load's objects one for one.
    expect(swappedInPlace(index, r)).toBeDefined();
    const patched = patchIndex(index, r);
    expectSameIndex(patched, indexResources(r.after));
    // A kind none of whose objects moved keeps its very list (what is keyed by it stands).
    expect(patched.byKind.get("Service")).toBe(index.byKind.get("Service"));
    expect(patched.byKind.get("HTTPRoute")).not.toBe(index.byKind.get("HTTPRoute"));
  });

  test("an index that dropped a duplicate is swapped by identity, with the same result", async () => {
    const r = await enterBeforeTheRoutes();
    // A second object under the first route's key: the index keeps the later one only.
    const twin = { ...(r.before[4] as Manifest) };
    const withTwin: Replacements = {
      before: [...r.before, twin],
      after: [...r.after, twin],
      at: r.at,
    };
    const index = indexResources(withTwin.before);
    expect(index.manifests.length).toBe(withTwin.before.length - 1);
    expect(swappedInPlace(index, withTwin)).toBeUndefined();
    expectSameIndex(patchIndex(index, withTwin), indexResources(withTwin.after));
  });
});
