/**
 * The `yaml` library's node type guards, without importing the library: the engine worker loads
 * `yaml` on demand (modules/engineModules.ts), and importing even one guard from the package
 * puts all of it in the worker's first chunk. The library marks every node with a registered
 * symbol (`Symbol.for`, shared by every copy of the library), and its guards read that mark;
 * these read the same mark. yamlNodeTypes.test.ts checks them against the library's guards.
 */
import type { Alias, Pair, Scalar, YAMLMap, YAMLSeq } from "yaml";

const NODE_TYPE = Symbol.for("yaml.node.type");
const ALIAS = Symbol.for("yaml.alias");
const MAP = Symbol.for("yaml.map");
const PAIR = Symbol.for("yaml.pair");
const SCALAR = Symbol.for("yaml.scalar");
const SEQ = Symbol.for("yaml.seq");

function nodeType(node: unknown): unknown {
  return typeof node === "object" && node !== null
    ? (node as { [NODE_TYPE]?: unknown })[NODE_TYPE]
    : undefined;
}

export const isAlias = (node: unknown): node is Alias => nodeType(node) === ALIAS;
export const isMap = <K = unknown, V = unknown>(node: unknown): node is YAMLMap<K, V> =>
  nodeType(node) === MAP;
export const isPair = <K = unknown, V = unknown>(node: unknown): node is Pair<K, V> =>
  nodeType(node) === PAIR;
export const isScalar = <T = unknown>(node: unknown): node is Scalar<T> =>
  nodeType(node) === SCALAR;
export const isSeq = <T = unknown>(node: unknown): node is YAMLSeq<T> => nodeType(node) === SEQ;
export function isCollection<K = unknown, V = unknown>(
  node: unknown,
): node is YAMLMap<K, V> | YAMLSeq<V> {
  const type = nodeType(node);
  return type === MAP || type === SEQ;
}
