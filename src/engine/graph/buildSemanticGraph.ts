import type { SemanticGraph } from './types';

export function buildSemanticGraph(_input: unknown): SemanticGraph {
  return { nodes: [], edges: [] };
}
