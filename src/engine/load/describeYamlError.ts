/**
 * Rewrites the yaml library's parse errors in the user's terms and adds the hints that matter
 * most: `key:value` without a space after the colon is not a mapping entry in YAML, and a Helm
 * template (`{{ … }}`) must be rendered before it is YAML.
 */
import type { YAMLError } from "yaml";
import { findMissingSpaceAfterColon, isTemplateLine, TEMPLATE } from "./yamlSlips";

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
