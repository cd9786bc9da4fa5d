/**
 * The graph's edges as an analysed revision keeps them: in chunks of at most EDGE_CHUNK_SIZE, at
 * fixed boundaries. A keystroke replaces a few edges in place (incremental/reanalyze.ts); with one
 * flat list it copied every edge (70,000 at 10,000 routes, a large-object allocation per edit that
 * brought major collections closer), with chunks it copies the chunk list and the chunks it
 * touches. The worker's delta then finds every untouched chunk by identity (worker/analysisDelta).
 *
 * analyze() keeps the flat list buildSemanticGraph made; the worker's answers and the page see it
 * through drawnGraph, which joins the chunks.
 * A fresh analysis and a patched one chunk the same edges at the same boundaries (a patch keeps
 * every edge where it was), so the two stay deep-equal.
 */
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

/** Key order as buildSemanticGraph gives it (printed JSON and deep-equality read it). */
export function revisionGraph(graph: SemanticGraph): RevisionGraph {
  return { nodes: graph.nodes, edgeChunks: chunkEdges(graph.edges), namespaces: graph.namespaces };
}

export function drawnGraph(graph: RevisionGraph): SemanticGraph {
  return { nodes: graph.nodes, edges: joinedEdges(graph.edgeChunks), namespaces: graph.namespaces };
}

/**
 * The chunks' edges in one new list. A copy into a list of the final length: Array.prototype.flat
 * checks every element for being an array to flatten, five times slower on 70,000 edges.
 */
export function joinedEdges(chunks: readonly (readonly GraphEdge[])[]): GraphEdge[] {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const edges = new Array<GraphEdge>(length);
  let at = 0;
  for (const chunk of chunks) for (const edge of chunk) edges[at++] = edge;
  return edges;
}
