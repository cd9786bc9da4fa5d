/**
 * The structure-aware mutations keep the YAML valid and change what they say they change: a
 * mutation that silently returned its input would make the campaign look clean while testing
 * nothing.
 */
import fc from "fast-check";
import { parseAllDocuments } from "yaml";
import { describe, expect, test } from "vitest";
import { structuredMutationArb } from "./structuredMutations";

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: team
spec:
  parentRefs:
  - name: public
  hostnames: ["shop.example.com"]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /}
    backendRefs:
    - name: shop
      port: 8080
`;

describe("structured mutations", () => {
  test("most change the text, and what they write parses without a YAML error", () => {
    const mutations = fc.sample(structuredMutationArb, { seed: 24, numRuns: 100 });
    let changed = 0;
    for (const mutate of mutations) {
      const text = mutate(ROUTE);
      if (text !== ROUTE) changed++;
      const docs = parseAllDocuments(text, { uniqueKeys: false });
      const errors = (Array.isArray(docs) ? docs : []).flatMap((d) => d.errors);
      // The alias bomb is valid YAML too: only the loader's alias cap refuses it.
      expect(errors, text.slice(0, 400)).toEqual([]);
    }
    expect(changed).toBeGreaterThan(90);
  });

  test("text the YAML library cannot read is returned as it is", () => {
    const broken = "a: [\n";
    const mutations = fc.sample(structuredMutationArb, { seed: 7, numRuns: 50 });
    for (const mutate of mutations) {
      const text = mutate(broken);
      expect(text === broken || text.endsWith(broken)).toBe(true);
    }
  });
});
