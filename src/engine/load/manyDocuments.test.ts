/**
 * No stage passes a whole list as call arguments (`push(...items)`): past ~120,000 elements (fewer
 * in a browser worker) that overflows the stack. 150,000 documents, and 150,000 items of one
 * `kind: List`, load and analyse. (Seconds of work: the timeouts only allow for a busy machine.)
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { validateManifests } from "../validate/validateManifests";
import { loadManifests } from "./loadManifests";

const N = 150_000;

describe("very many objects", () => {
  test(`${N} documents in one file`, () => {
    const doc = (i: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: ns}\n`;
    const text = Array.from({ length: N }, (_, i) => doc(i)).join("---\n");
    const analysis = analyze([{ name: "many.yaml", text }]);
    expect(analysis.objects).toHaveLength(N);
    expect(analysis.objects[N - 1]).toMatchObject({ name: `c${N - 1}`, docIndex: N - 1 });
  }, 600_000);

  test(`a kind: List of ${N} items (one document, over the default size limit, so the limit is raised)`, () => {
    const items = Array.from(
      { length: N },
      (_, i) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}, namespace: ns}}`,
    ).join("\n");
    const loaded = loadManifests(
      [{ name: "list.yaml", text: `apiVersion: v1\nkind: List\nitems:\n${items}\n` }],
      { maxDocumentBytes: 64 * 1024 * 1024 },
    );
    const validated = validateManifests(loaded.manifests, loaded.locator);
    expect(validated.manifests).toHaveLength(N);
    expect(validated.manifests[N - 1]?.source.listIndex).toBe(N - 1);
    expect([...loaded.diagnostics, ...validated.diagnostics]).toEqual([]);
  }, 600_000);
});
