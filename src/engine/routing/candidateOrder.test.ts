/**
 * orderCandidates sorts by a packed key (kind and specificity in one small integer) and falls back
 * to comparing field by field when a length or count does not fit the packing: both must give the
 * order compareRankOrder (precedence.ts) gives on the candidates' precedence keys.
 */
import { expect, test } from "vitest";
import { analyze } from "../analyze";
import { candidatesForRoutes } from "./collectCandidates";
import { compareRankOrder } from "./precedence";

const headers = (n: number, prefix: string): string =>
  Array.from({ length: n }, (_, i) => `{name: ${prefix}${i}, value: v}`).join(", ");

const matches = [
  `{path: {type: PathPrefix, value: /a}}`,
  `{path: {type: PathPrefix, value: /${"x".repeat(2100)}}}`,
  `{path: {type: PathPrefix, value: /${"x".repeat(2047)}}}`,
  `{path: {type: Exact, value: /a}, method: GET}`,
  `{path: {type: PathPrefix, value: /a}, headers: [${headers(40, "h")}]}`,
  `{path: {type: PathPrefix, value: /a}, headers: [${headers(31, "h")}]}`,
  `{path: {type: PathPrefix, value: /a}, queryParams: [${headers(33, "q")}]}`,
  `{path: {type: RegularExpression, value: /a.*}}`,
  `{path: {type: PathPrefix, value: /}}`,
];

const text = [
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r1, namespace: ns}
spec:
  parentRefs: [{kind: Service, name: svc, port: 80}]
  rules:
${matches.map((m) => `    - matches: [${m}]`).join("\n")}`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r0, namespace: ns}
spec:
  parentRefs: [{kind: Service, name: svc, port: 80}]
  rules:
${matches
  .slice()
  .reverse()
  .map((m) => `    - matches: [${m}]`)
  .join("\n")}`,
  `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g, namespace: ns}
spec:
  parentRefs: [{kind: Service, name: svc, port: 80}]
  rules:
    - matches: [{method: {service: ${"s".repeat(2100)}, method: M}}]
    - matches: [{method: {service: svc.A, method: M}, headers: [${headers(35, "h")}]}]
    - matches: [{method: {service: svc.A, method: M}}]
    - matches: [{method: {service: svc.A}}]`,
].join("\n---\n");

test("packed and field-by-field comparisons give compareRankOrder's order", () => {
  const { routes } = analyze([{ name: "order.yaml", text }]);
  expect(routes.length).toBe(3);
  const { candidates } = candidatesForRoutes(routes);
  expect(candidates.length).toBe(2 * matches.length + 4);
  for (let i = 1; i < candidates.length; i++) {
    const a = candidates[i - 1];
    const b = candidates[i];
    if (a === undefined || b === undefined) throw new Error("missing candidate");
    expect(compareRankOrder(a.rank, b.rank)).toBeLessThan(0);
  }
  const sorted = candidates.slice().sort((a, b) => compareRankOrder(a.rank, b.rank));
  expect(candidates.map((c) => `${c.entry.route}#${c.entry.ruleIndex}`)).toEqual(
    sorted.map((c) => `${c.entry.route}#${c.entry.ruleIndex}`),
  );
});
