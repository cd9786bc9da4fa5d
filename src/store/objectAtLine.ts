/**
 * The editor's link between the cursor and the selection (ui/editor/bindings/selection.ts): which
 * object a key or a line names. A module of its own so that it comes with the editor's chunk,
 * which loads on demand, rather than with the first one's selectors (selectors.ts).
 */
import type { ObjectSummary, ResourceKey } from "../engine";
import type { GwsimState } from "./types";

/** The object a key names, from the current analysis or, when stale, from the last sighting. */
export const selectObject =
  (key: ResourceKey | undefined) =>
  (s: GwsimState): ObjectSummary | undefined => {
    if (key === undefined) return undefined;
    return (
      s.analysis?.objects.find((o) => o.key === key) ??
      s.stale.find((e) => e.object.key === key)?.object
    );
  };

/** The object whose document spans a 1-based line of the current analysis' text. */
export function findObjectAtLine(
  objects: readonly ObjectSummary[],
  line: number,
): ObjectSummary | undefined {
  let best: ObjectSummary | undefined;
  for (const o of objects) {
    if (line < o.line || line > o.endLine) continue;
    // Items of a `kind: List` nest inside the list's span: the innermost (shortest) wins.
    if (!best || o.endLine - o.line < best.endLine - best.line) best = o;
  }
  return best;
}
