/**
 * Splits YAML text into document regions by its `---` markers, line-wise. Used only to tell
 * which document a syntax error sits in, so objects of that document can be shown as stale.
 * A `---` at column 0 always starts a document in YAML (it cannot occur inside a block scalar),
 * so a line scan is exact for that; the engine's loader remains the authority on content.
 */
const MARKER = /^---(?:[ \t]|$)/;
const CONTENT = /^[ \t]*[^\s#]/;

/** Returns, for each 1-based line, the 0-based document region it belongs to (index 0 unused). */
export function computeDocumentRegions(text: string): number[] {
  const lines = text.split(/\r\n|\r|\n/);
  const regions: number[] = [0];
  let region = 0;
  let sawContent = false;
  for (const line of lines) {
    if (MARKER.test(line)) {
      // A marker after only comments/blank lines opens the first document rather than a second.
      if (sawContent) region += 1;
      sawContent = true;
    } else if (CONTENT.test(line)) {
      sawContent = true;
    }
    regions.push(region);
  }
  return regions;
}

export function regionOfLine(regions: readonly number[], line: number): number {
  return regions[Math.min(Math.max(line, 1), regions.length - 1)] ?? 0;
}
