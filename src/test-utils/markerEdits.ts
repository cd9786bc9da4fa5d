/**
 * Edits that split or join documents, for the property tests of the incremental pass (the loader,
 * the revision cache, the page's receiver): a `---` typed at the start of a line (a document split,
 * or a new empty one) renumbers every later document, and so does one deleted (two joined).
 * `i` picks the place; the text comes back unchanged when it has no marker to delete.
 */
import fc from "fast-check";

/** `text` with a line `---` inserted before its line `i` (modulo the line count + 1). */
export function withMarkerTyped(text: string, i: number): string {
  const lines = text.split("\n");
  lines.splice(i % (lines.length + 1), 0, "---");
  return lines.join("\n");
}

/** `text` without its `i`-th marker line (modulo their count), `---` followed by spaces or tabs too. */
export function withMarkerDeleted(text: string, i: number): string {
  const lines = text.split("\n");
  const markers = lines.flatMap((line, k) => (/^---[ \t]*$/.test(line) ? [k] : []));
  if (markers.length === 0) return text;
  lines.splice(markers[i % markers.length] as number, 1);
  return lines.join("\n");
}

/** Either edit at a random place, for a property test's `fc.oneof` of edits. */
export const markerEdit: fc.Arbitrary<(text: string) => string> = fc
  .tuple(fc.boolean(), fc.nat())
  .map(
    ([typed, i]) =>
      (text) =>
        typed ? withMarkerTyped(text, i) : withMarkerDeleted(text, i),
  );
