import { describe, expect, test } from "vitest";
import * as yaml from "yaml";
import * as ours from "./yamlNodeTypes";

const GUARDS = ["isAlias", "isMap", "isPair", "isScalar", "isSeq", "isCollection"] as const;

/** Every node of a document that has each kind (alias, map, pair, scalar, seq, the document). */
function samples(): unknown[] {
  const doc = yaml.parseDocument(
    "a: &x [1, {b: c}]\nd: *x\ne: !!str 1\nf: |\n  text\n? [k]\n: v\n",
  );
  const out: unknown[] = [doc, doc.contents, null, undefined, 0, "a", [], {}, () => 1];
  yaml.visit(doc, {
    Node: (_key, node) => void out.push(node),
    Pair: (_key, pair) => void out.push(pair),
  });
  out.push(new yaml.Scalar(1), new yaml.YAMLMap(), new yaml.YAMLSeq(), new yaml.Pair("k", "v"));
  out.push(new yaml.Alias("x"), { [Symbol.for("yaml.node.type")]: Symbol.for("yaml.map") });
  return out;
}

describe("the node guards read the yaml library's node marks", () => {
  test.each(GUARDS)("%s agrees with the library's on every kind of node", (guard) => {
    const nodes = samples();
    const mine = ours[guard] as (node: unknown) => boolean;
    const library = yaml[guard] as (node: unknown) => boolean;
    expect(nodes.map(mine)).toEqual(nodes.map(library));
    // Each guard says yes to something, so agreement is not all false.
    expect(nodes.some(mine)).toBe(true);
  });
});
