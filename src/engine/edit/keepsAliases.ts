/**
 * An edit that removes or replaces a node carrying an anchor (`&b`) leaves every alias (`*b`) to
 * it unresolved: the file no longer parses, and kubectl refuses it. Such an edit is refused with
 * a reason instead. Only splices whose replaced text holds a `&` can drop an anchor, so the
 * re-parse is limited to those, and to the one document the splice touched (anchors never cross
 * documents).
 */
import { visit, type Alias, type Document } from "yaml";
import { documentChunks } from "../load/guardDocuments";
import { parseDocuments } from "./findObjectNode";
import { EditError, type Splice } from "./planSplice";

/** Throws EditError when `splice`, applied to `before` giving `after`, orphans an alias. */
export function requireAliasesKept(before: string, after: string, splice: Splice): void {
  if (!before.slice(splice.start, splice.end).includes("&")) return;
  const orphaned = orphansAt(after, splice.start);
  if (orphaned.size === 0) return;
  // An alias that was already broken before the edit is not the edit's doing.
  const already = orphansAt(before, splice.start);
  for (const name of orphaned) {
    if (already.has(name)) continue;
    throw new EditError(
      `the edit removes the anchor &${name} that the alias *${name} elsewhere in this document refers to; write the aliased value out in full first`,
    );
  }
}

/** Names of the unresolved aliases in the document of `text` that holds `offset`. */
function orphansAt(text: string, offset: number): Set<string> {
  const names = new Set<string>();
  for (const [start, end] of documentChunks(text)) {
    if (offset < start || offset > end) continue;
    for (const doc of parseDocuments(text.slice(start, end))) collectOrphans(doc, names);
    break;
  }
  return names;
}

function collectOrphans(doc: Document.Parsed, names: Set<string>): void {
  visit(doc, {
    Alias(_, node: Alias) {
      if (node.resolve(doc) === undefined) names.add(node.source);
    },
  });
}
