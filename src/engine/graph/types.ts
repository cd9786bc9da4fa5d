// Owned by the designer work (issue 3): nodes and edges with status, no positions, no React.
export interface SemanticGraph {
  nodes: unknown[];
  edges: unknown[];
}
