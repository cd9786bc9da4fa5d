/**
 * The graph's edges as an analysed revision keeps them: in chunks of at most EDGE_CHUNK_SIZE, at
 * fixed boundaries. A keystroke replaces a few edges in place (incremental/reanalyze.ts); with one
 * flat list it copied every edge (70,000 at 10,000 routes, a large-object allocation per edit that
 * brought major collections closer), with chunks it copies the chunk list and the chunks it
 * touches. The worker's delta then finds every untouched chunk by identity (worker/analysisDelta).
 *
 * analyze() and the page see the flat list (SemanticGraph.edges): drawnGraph joins the chunks.
 * A fresh analysis and a patched one chunk the same edges at the same boundaries (a patch keeps
 * every edge where it was), so the two stay deep-equal.
 */
import { appendAll } from "../collections/appendAll";
import type { GraphEdge, SemanticGraph } from "./types";

export const EDGE_CHUNK_SIZE = 1024;

/** The semantic graph of an analysed revision: SemanticGraph with its edges in chunks. */
export interface RevisionGraph {
  nodes: SemanticGraph["nodes"];
  /** The edges in order, EDGE_CHUNK_SIZE to a chunk (the last may hold fewer; none is empty). */
  edgeChunks: GraphEdge[][];
  namespaces: SemanticGraph["namespaces"];
}

export function chunkEdges(edges: readonly GraphEdge[]): GraphEdge[][] {
  const chunks: GraphEdge[][] = [];
  for (let at = 0; at < edges.length; at += EDGE_CHUNK_SIZE)
    chunks.push(edges.slice(at, at + EDGE_CHUNK_SIZE));
  return chunks;
}

export function flatEdges(chunks: readonly (readonly GraphEdge[])[]): GraphEdge[] {
  if (chunks.length === 1) return (chunks[0] as GraphEdge[]).slice();
  const edges: GraphEdge[] = [];
  for (const chunk of chunks) appendAll(edges, chunk);
  return edges;
}

/** Key order as buildSemanticGraph gives it (printed JSON and deep-equality read it). */
export function revisionGraph(graph: SemanticGraph): RevisionGraph {
  return { nodes: graph.nodes, edgeChunks: chunkEdges(graph.edges), namespaces: graph.namespaces };
}

export function drawnGraph(graph: RevisionGraph): SemanticGraph {
  return { nodes: graph.nodes, edges: flatEdges(graph.edgeChunks), namespaces: graph.namespaces };
}

/** The edge at flat position `i`. */
export function edgeAt(chunks: readonly (readonly GraphEdge[])[], i: number): GraphEdge {
  return (chunks[Math.floor(i / EDGE_CHUNK_SIZE)] as GraphEdge[])[i % EDGE_CHUNK_SIZE] as GraphEdge;
}

/**
 * The chunks with the edges at the given flat positions replaced: the chunk list and each chunk
 * holding a replaced edge are copied, every other chunk is shared.
 */
export function withEdgesReplaced(
  chunks: GraphEdge[][],
  replaced: ReadonlyMap<number, GraphEdge>,
): GraphEdge[][] {
  if (replaced.size === 0) return chunks;
  const out = chunks.slice();
  for (const [i, edge] of replaced) {
    const c = Math.floor(i / EDGE_CHUNK_SIZE);
    const chunk = out[c] as GraphEdge[];
    const own = chunk === chunks[c] ? chunk.slice() : chunk;
    own[i % EDGE_CHUNK_SIZE] = edge;
    out[c] = own;
  }
  return out;
}

/** Every edge with its flat position, in order. */
export function forEachEdge(
  chunks: readonly (readonly GraphEdge[])[],
  visit: (edge: GraphEdge, i: number) => void,
): void {
  let i = 0;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] as readonly GraphEdge[];
    for (let k = 0; k < chunk.length; k++) visit(chunk[k] as GraphEdge, i++);
  }
}
