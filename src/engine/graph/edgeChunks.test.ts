import { describe, expect, test } from "vitest";
import { edgeAt, forEachEdge, withEdgesReplaced } from "../incremental/patchEdges";
import { chunkEdges, drawnGraph, EDGE_CHUNK_SIZE, joinedEdges, revisionGraph } from "./edgeChunks";
import { analyze, analyzeRevision, drawnAnalysis } from "../analyze";
import { resourceKey } from "../api/keys";
import type { GraphEdge } from "./types";

const edge = (i: number): GraphEdge => ({
  id: `parent:HTTPRoute/ns/r${i}:0`,
  kind: "parent",
  source: resourceKey("HTTPRoute", "ns", `r${i}`),
  target: resourceKey("Gateway", "infra", "web"),
  status: "ok",
});
const edges = (n: number) => Array.from({ length: n }, (_, i) => edge(i));

describe("the graph's edges in chunks", () => {
  test("chunks hold EDGE_CHUNK_SIZE edges at fixed boundaries, none empty, and join back", () => {
    for (const n of [0, 1, EDGE_CHUNK_SIZE, EDGE_CHUNK_SIZE + 1, 2 * EDGE_CHUNK_SIZE + 7]) {
      const list = edges(n);
      const chunks = chunkEdges(list);
      expect(chunks.map((c) => c.length)).toEqual(
        Array.from({ length: Math.ceil(n / EDGE_CHUNK_SIZE) }, (_, c) =>
          Math.min(EDGE_CHUNK_SIZE, n - c * EDGE_CHUNK_SIZE),
        ),
      );
      const graph = { nodes: [], edges: list, namespaces: [] };
      const drawn = drawnGraph(revisionGraph(graph));
      expect(drawn).toEqual(graph);
      // The drawn list is a list of its own: the chunks are never handed out to be changed.
      expect(drawn.edges).not.toBe(list);
      expect(Object.keys(drawn)).toEqual(["nodes", "edges", "namespaces"]);
      const seen: number[] = [];
      forEachEdge(chunks, (e, i) => {
        expect(edgeAt(chunks, i)).toBe(e);
        seen.push(i);
      });
      expect(seen).toEqual(list.map((_, i) => i));
    }
  });

  test("replacing edges copies the chunk list and the chunks they sit in, and shares the rest", () => {
    const chunks = chunkEdges(edges(3 * EDGE_CHUNK_SIZE));
    const at = EDGE_CHUNK_SIZE + 5;
    const fresh = { ...edge(at), label: "80%" };
    const again = { ...edge(at + 1), label: "20%" };
    const out = withEdgesReplaced(
      chunks,
      new Map([
        [at, fresh],
        [at + 1, again],
      ]),
    );
    expect(out).not.toBe(chunks);
    expect(out[0]).toBe(chunks[0]);
    expect(out[2]).toBe(chunks[2]);
    expect(out[1]).not.toBe(chunks[1]);
    expect(edgeAt(out, at)).toBe(fresh);
    expect(edgeAt(out, at + 1)).toBe(again);
    // Revision n is left as it was.
    expect(edgeAt(chunks, at)).toEqual(edge(at));
    expect(withEdgesReplaced(chunks, new Map())).toBe(chunks);
  });
});

/** A Gateway and `routes` HTTPRoutes of two rules with a backend each: graph edges beyond a chunk. */
function manyRoutes(routes: number): string {
  const docs = [
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: ns}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]`,
    `apiVersion: v1
kind: Service
metadata: {name: svc, namespace: ns}
spec: {ports: [{port: 80}]}`,
  ];
  for (let i = 0; i < routes; i++) {
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r${i}, namespace: ns}
spec:
  parentRefs: [{name: web}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /r${i}}}]
      backendRefs: [{name: svc, port: 80}]
    - matches: [{path: {type: Exact, value: /r${i}/x}}]
      backendRefs: [{name: svc, port: 80}, {name: missing, port: 80}]`);
  }
  return docs.join("\n---\n");
}

describe("analyze() and a revision's drawn analysis", () => {
  test("analyze() keeps the graph's edges in one list, equal to the joined chunks in every key", () => {
    const sources = [{ name: "many.yaml", text: manyRoutes(300) }];
    const revision = analyzeRevision(sources).analysis;
    expect(revision.graph.edgeChunks.length).toBeGreaterThan(1);
    const drawn = drawnAnalysis(revision);
    const direct = analyze(sources);
    expect(direct).toEqual(drawn);
    // Printed JSON reads key order: the graph stays the last key, its edges between its nodes
    // and namespaces.
    expect(JSON.stringify(direct)).toBe(JSON.stringify(drawn));
  });

  test("joinedEdges lists every chunk's edges in order, in a list of exactly their number", () => {
    const chunks = chunkEdges(edges(2 * EDGE_CHUNK_SIZE + 3));
    const joined = joinedEdges(chunks);
    expect(joined).toEqual(chunks.flat());
    expect(joined.length).toBe(2 * EDGE_CHUNK_SIZE + 3);
    expect(
      joined.every((e, i) => e === chunks[Math.floor(i / EDGE_CHUNK_SIZE)]?.[i % EDGE_CHUNK_SIZE]),
    ).toBe(true);
    expect(joinedEdges([])).toEqual([]);
  });
});
