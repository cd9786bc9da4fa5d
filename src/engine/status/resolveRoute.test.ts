/**
 * resolveRoute's report lists (refProblems, readingNotes, assumptions): filled in spec order
 * where a reference has something to say, and the one shared empty list where it has not, so an
 * analysis of many quiet routes holds no list per route.
 */
import { describe, expect, test } from "vitest";
import { emptyList } from "../collections/emptyList";
import { indexResources } from "../resolve/indexResources";
import { loadValidated } from "../validate/loadValidated";
import { resolveRoute } from "./resolveRoute";

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec:
  ports: [{port: 8080}]
`;

function resolve(route: string, world: "open" | "closed" = "closed") {
  const { manifests } = loadValidated([{ name: "in.yaml", text: `${SERVICE}---\n${route}` }]);
  const index = indexResources(manifests, world);
  const m = index.manifests.find((x) => x.kind === "HTTPRoute");
  if (m === undefined) throw new Error("no route loaded");
  return resolveRoute(index, m, "HTTPRoute");
}

const route = (backends: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  rules:
    - backendRefs: [${backends}]
`;

describe("resolveRoute report lists", () => {
  test("a route whose references all resolve shares the empty list for every report", () => {
    const resolution = resolve(route("{name: web, port: 8080}"));
    expect(resolution.route.rules[0]?.backendRefs[0]?.valid).toBe(true);
    expect(resolution.refProblems).toBe(emptyList());
    expect(resolution.readingNotes).toBe(emptyList());
    expect(resolution.assumptions).toBe(emptyList());
  });

  test("problems are listed in spec order with where each reference is written", () => {
    const resolution = resolve(
      route("{name: web, port: 8080}, {name: gone, port: 80}, {name: lost, port: 81}"),
    );
    expect(resolution.refProblems.map((p) => [p.path, p.missing])).toEqual([
      [["spec", "rules", 0, "backendRefs", 1], "Service app/gone"],
      [["spec", "rules", 0, "backendRefs", 2], "Service app/lost"],
    ]);
    expect(resolution.assumptions).toBe(emptyList());
  });

  test("an open world assumes the missing Service and says where it is referenced", () => {
    const resolution = resolve(route("{name: gone, port: 80}"), "open");
    expect(resolution.refProblems).toBe(emptyList());
    expect(resolution.assumptions.map((a) => [a.note.code, a.note.name, a.path])).toEqual([
      ["assume.service", "gone", ["spec", "rules", 0, "backendRefs", 0]],
    ]);
  });
});
