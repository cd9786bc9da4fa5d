/**
 * Rewrites the yaml library's parse errors in the user's terms and adds the hints that matter
 * most: `key:value` without a space after the colon is not a mapping entry in YAML, and a Helm
 * template (`{{ … }}`) must be rendered before it is YAML.
 */
import type { YAMLError } from "yaml";

export interface DescribedYamlError {
  message: string;
  hint?: string;
}

const FRIENDLIER: Partial<Record<string, DescribedYamlError>> = {
  TAB_AS_INDENT: {
    message: "Tabs are not allowed for indentation in YAML",
    hint: "Replace the tab at the start of this line with spaces.",
  },
  MULTILINE_IMPLICIT_KEY: { message: "A mapping key runs over more than one line" },
  DUPLICATE_KEY: {
    message: "The same key appears twice in one mapping",
    hint: "Remove one of the two entries; the API server refuses objects with duplicate keys.",
  },
};

// `type:RegularExpression` at the start of an entry: a word, a colon, then no space.
const MISSING_SPACE_AFTER_COLON = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*):([^\s:/][^\s#]*)/;

export function describeYamlError(error: YAMLError, lineText: string): DescribedYamlError {
  const friendly = FRIENDLIER[error.code];
  const base =
    friendly?.message ??
    error.message.replace(/\s+at line \d+, column \d+.*$/s, "").replace(/\.$/, "");
  if (isTemplateLine(lineText))
    return { message: `YAML syntax error: ${base}. ${TEMPLATE.message}`, hint: TEMPLATE.hint };
  if (error.code === "BLOCK_AS_IMPLICIT_KEY") return describeNestedMapping(lineText);
  const missingSpace = findMissingSpaceAfterColon(lineText);
  if (missingSpace) {
    return {
      message: `YAML syntax error: ${base}. \`${missingSpace.text}\` has no space after the colon, so YAML reads it as one word instead of the key \`${missingSpace.key}\`.`,
      hint: `Add a space after the colon: \`${missingSpace.key}: ${missingSpace.value}\`.`,
    };
  }
  return {
    message: `YAML syntax error: ${base}.`,
    ...(friendly?.hint ? { hint: friendly.hint } : {}),
  };
}

/** Said of a line holding a template action, wherever the YAML it breaks fails. */
export const TEMPLATE: Required<DescribedYamlError> = {
  message:
    "This line is Go template syntax (`{{ … }}`), as in a Helm chart's templates/ folder: a template is not YAML until it is rendered.",
  hint: "Render the chart and check its output: `helm template RELEASE CHART -f values.yaml | gwsim check -` (or paste the rendered manifests).",
};

// `{{ .Values.x }}`, `{{- if … }}`: an action of Go's text/template, which Helm charts are written in.
export function isTemplateLine(lineText: string): boolean {
  const open = lineText.indexOf("{{");
  return open >= 0 && lineText.indexOf("}}", open + 2) > open;
}

// `key: value` followed by a deeper-indented `other: x`, or two `key:` on one line.
function describeNestedMapping(lineText: string): DescribedYamlError {
  if (/:\s.*:(\s|$)/.test(lineText.replace(/#.*$/, ""))) {
    return {
      message:
        "YAML syntax error: this line holds two `key:` parts, and a mapping cannot start inside a value on the same line.",
      hint: "Put the inner mapping on its own, more indented line, or quote the value if the colon belongs to it.",
    };
  }
  return {
    message:
      "YAML syntax error: this value is followed by a line indented deeper than its key, so YAML cannot tell where the value ends.",
    hint: "Indent the next line exactly like this key (or, if it belongs under it, move this value onto its own block).",
  };
}

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
