/**
 * Reading and replacing a revision's graph edges in their chunks (graph/edgeChunks.ts) by flat
 * position, for the incremental pass: a patch copies the chunk list and the chunks it touches.
 */
import { EDGE_CHUNK_SIZE } from "../graph/edgeChunks";
import type { GraphEdge } from "../graph/types";

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
