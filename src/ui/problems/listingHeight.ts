/**
 * Whether the open Problems panel keeps its listing height. It grows to that height when it first
 * lists a problem and stays there while the user edits, even when the list empties again: typing
 * that breaks and fixes the only problem (a port, a name) would otherwise resize the graph and the
 * editor above it on every keystroke (a page relayout, Monaco's layout and a React Flow resize
 * with a forced layout; issue 11). A clean workspace arriving whole (an opened file, an example, a
 * restore) shows the one-line empty panel again.
 */
export function keepsListingHeight(
  keptBefore: boolean,
  problemCount: number,
  cleanWorkspaceArrivedWhole: boolean,
): boolean {
  if (problemCount > 0) return true;
  return keptBefore && !cleanWorkspaceArrivedWhole;
}
