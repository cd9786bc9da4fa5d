/**
 * Two slips a YAML text makes often, found on a line: a Helm template action (`{{ … }}`), which is
 * not YAML until rendered, and `key:value` without a space after the colon, which YAML reads as
 * one word. The loader and the schema validator check every such line or value, so these stay in
 * the engine worker's first chunk; the words said of them (templateWords.ts, describeYamlError.ts)
 * load with the diagnostic words, when an input has such an error.
 */

// `{{ .Values.x }}`, `{{- if … }}`: an action of Go's text/template, which Helm charts are written in.
export function isTemplateLine(lineText: string): boolean {
  const open = lineText.indexOf("{{");
  return open >= 0 && lineText.indexOf("}}", open + 2) > open;
}

// `type:RegularExpression` at the start of an entry: a word, a colon, then no space.
const MISSING_SPACE_AFTER_COLON = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*):([^\s:/][^\s#]*)/;

export interface MissingSpace {
  text: string;
  key: string;
  value: string;
}

const MAX_QUOTED_WORD = 63;

export function findMissingSpaceAfterColon(text: string): MissingSpace | undefined {
  const m = MISSING_SPACE_AFTER_COLON.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  // URLs and times (`http://x`, `12:30`) are legitimate plain scalars, not missing spaces.
  if (/^\d+$/.test(m[1])) return undefined;
  // Quoting a long run of text back is printing the file (a password line, a key), not a hint.
  if (m[1].length > MAX_QUOTED_WORD || m[2].length > MAX_QUOTED_WORD) return undefined;
  return { text: `${m[1]}:${m[2]}`, key: m[1], value: m[2] };
}
