/**
 * An edit that removes or replaces a node carrying an anchor (`&b`) leaves every alias (`*b`) to
 * it unresolved: the file no longer parses, and kubectl refuses it. Such an edit is refused with
 * a reason instead. Only splices whose replaced text holds a `&` can drop an anchor, so the
 * re-parse is limited to those, and to the one document the splice touched (anchors never cross
 * documents).
 */
import { isNode, visit, type Alias, type Document } from "yaml";
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

/**
 * Throws EditError when `splice` writes inside a node whose anchor an alias repeats: the change
 * would show up at the alias too, which is not the edit the designer asked for. Only documents
 * holding both an anchor and an alias marker are parsed for it.
 */
export function requireNoSharedNodeEdited(before: string, splice: Splice): void {
  // Every edit passes here: look for an anchor in the text around the splice (up to the nearest
  // `---` lines) before splitting the whole text into documents.
  const from = before.lastIndexOf("\n---", splice.start);
  const to = before.indexOf("\n---", splice.end);
  if (!before.slice(Math.max(from, 0), to < 0 ? before.length : to).includes("&")) return;
  for (const [start, end] of documentChunks(before)) {
    if (splice.start < start || splice.start > end) continue;
    const chunk = before.slice(start, end);
    if (!chunk.includes("&") || !chunk.includes("*")) return;
    const at = splice.start - start;
    const stop = splice.end - start;
    for (const doc of parseDocuments(chunk)) {
      const used = new Set<string>();
      visit(doc, {
        Alias(_, node: Alias) {
          used.add(node.source);
        },
      });
      let shared: string | undefined;
      visit(doc, (_, node) => {
        if (!isNode(node) || node.anchor === undefined || !used.has(node.anchor)) return undefined;
        const [from, , to] = node.range ?? [0, 0, 0];
        // Strictly inside: replacing or removing the whole node is requireAliasesKept's case.
        if (from < at && stop <= to && !(from === at && stop === to)) {
          shared = node.anchor;
          return visit.BREAK;
        }
        return undefined;
      });
      if (shared !== undefined)
        throw new EditError(
          `the edit changes the value anchored as &${shared}, which the alias *${shared} repeats elsewhere in this document (both would change); write the alias out in full first`,
        );
    }
    return;
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
