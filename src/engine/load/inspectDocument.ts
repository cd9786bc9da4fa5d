/**
 * Checks a parsed document's tree before it is converted to JSON: mapping keys must be scalars
 * (Kubernetes objects are JSON; collection keys are invalid there, and the yaml library converts
 * deeply nested ones in super-linear time), and nesting must stay within the limit. Iterative, so
 * a hostile depth cannot overflow the stack.
 */
import type { Document, Node } from "yaml";
import { isAlias, isCollection, isMap, isPair, isSeq } from "./yamlNodeTypes";

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
  const visit = (child: unknown, depth: number): DocumentProblem | undefined => {
    if (isPair(child)) {
      const key = isAlias(child.key) ? child.key.resolve(doc) : child.key;
      if (isCollection(key))
        return { kind: "complex-key", offset: (child.key as Node).range?.[0] ?? 0 };
      child = child.value;
    }
    if (!isCollection(child)) return undefined;
    nodes.push(child);
    depths.push(depth + 1);
    return undefined;
  };
  for (let top = nodes.pop(); top !== undefined || nodes.length > 0; top = nodes.pop()) {
    const depth = depths.pop() ?? 0;
    if (!isCollection(top)) continue;
    if (depth > maxDepth) return { kind: "too-deep", offset: top.range?.[0] ?? 0 };
    // A mapping's items are pairs; so are a sequence's under `!!pairs` and `!!omap`, whose keys
    // become object keys all the same.
    if (!isSeq(top) && !isMap(top)) continue;
    for (const item of top.items) {
      const problem = visit(item, depth);
      if (problem) return problem;
    }
  }
  return undefined;
}
