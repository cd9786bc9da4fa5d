import type { SemanticGraph } from "../../engine";

/**
 * While a document has a YAML syntax error its objects vanish from the analysis; the canvas keeps
 * drawing them from the last good analysis (marked stale) so the picture does not jump mid-typing.
 */
export function mergeStaleGraph(
  current: SemanticGraph | undefined,
  lastGood: SemanticGraph | undefined,
  staleKeys: readonly string[],
): SemanticGraph | undefined {
  if (!current || !lastGood || staleKeys.length === 0 || current === lastGood) return current;
  const drawn = new Set<string>(current.nodes.map((n) => n.id));
  const stale = new Set(staleKeys);
  const added = lastGood.nodes.filter((n) => stale.has(n.id) && !drawn.has(n.id));
  if (added.length === 0) return current;
  for (const n of added) drawn.add(n.id);
  const edgeIds = new Set(current.edges.map((e) => e.id));
  const edges = lastGood.edges.filter(
    (e) =>
      !edgeIds.has(e.id) &&
      (stale.has(e.source) || stale.has(e.target)) &&
      drawn.has(e.source) &&
      drawn.has(e.target),
  );
  const namespaces = current.namespaces.map((g) => ({ ...g, members: [...g.members] }));
  for (const n of added) {
    if (n.namespace === undefined) continue;
    const group = namespaces.find((g) => g.namespace === n.namespace);
    if (group) group.members.push(n.id);
    else {
      const old = lastGood.namespaces.find((g) => g.namespace === n.namespace);
      if (old) namespaces.push({ ...old, members: [n.id] });
    }
  }
  return { nodes: [...current.nodes, ...added], edges: [...current.edges, ...edges], namespaces };
}
