/**
 * Checks a parsed document's tree before it is converted to JSON: mapping keys must be scalars
 * (Kubernetes objects are JSON; collection keys are invalid there, and the yaml library converts
 * deeply nested ones in super-linear time), and nesting must stay within the limit. Iterative, so
 * a hostile depth cannot overflow the stack.
 */
import { isAlias, isCollection, isMap, isPair, isSeq, type Document, type Node } from "yaml";

export type DocumentProblem =
  { kind: "complex-key"; offset: number } | { kind: "too-deep"; offset: number };

export function inspectDocument(
  doc: Document.Parsed,
  maxDepth: number,
): DocumentProblem | undefined {
  // Parallel stacks of collections only: this visits every node of every document, so it avoids
  // an allocation per node and never pushes scalars.
  const nodes: unknown[] = [doc.contents];
  const depths: number[] = [0];
  for (let top = nodes.pop(); top !== undefined || nodes.length > 0; top = nodes.pop()) {
    const depth = depths.pop() ?? 0;
    if (!isCollection(top)) continue;
    if (depth > maxDepth) return { kind: "too-deep", offset: top.range?.[0] ?? 0 };
    if (isSeq(top)) {
      for (const item of top.items) {
        if (!isCollection(item)) continue;
        nodes.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    if (!isMap(top)) continue;
    for (const pair of top.items) {
      if (!isPair(pair)) continue;
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (isCollection(key))
        return { kind: "complex-key", offset: (pair.key as Node).range?.[0] ?? 0 };
      if (!isCollection(pair.value)) continue;
      nodes.push(pair.value);
      depths.push(depth + 1);
    }
  }
  return undefined;
}
