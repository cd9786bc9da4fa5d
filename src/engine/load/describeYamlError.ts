/**
 * Rewrites the yaml library's parse errors in the user's terms and adds the hints that matter
 * most: `key:value` without a space after the colon is not a mapping entry in YAML, and a Helm
 * template (`{{ … }}`) must be rendered before it is YAML.
 */
import type { YAMLError } from "yaml";
import { findMissingSpaceAfterColon, isTemplateLine } from "./yamlSlips";
import { TEMPLATE } from "./templateWords";

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
  const notYaml = describeNotYamlLine(lineText);
  if (notYaml)
    return { message: `YAML syntax error: ${base}. ${notYaml.message}`, hint: notYaml.hint };
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

// Lines copied along with a manifest from a how-to page or a tool's output: the shell command
// around a heredoc (`kubectl apply -f - <<EOF` … `EOF`, the way vendor docs show manifests), and
// the boxed notices ingress2gateway prints before its YAML.
const HEREDOC_OPENER = /<<-?\s*['"]?[A-Za-z_]\w*['"]?\s*$/;
const HEREDOC_END = /^\s*EOF\s*$/;
const SHELL_COMMAND = /^\s*(?:\$\s+)?(?:kubectl|cat|oc|tee)\s/;
const BOX_DRAWING = /^\s*[\u2500-\u257f]/;

function describeNotYamlLine(lineText: string): Required<DescribedYamlError> | undefined {
  if (SHELL_COMMAND.test(lineText) || HEREDOC_OPENER.test(lineText) || HEREDOC_END.test(lineText))
    return {
      message: `\`${shortened(lineText.trim())}\` is shell (a command or the end of a heredoc), not YAML.`,
      hint: "Check only the manifest: leave out the command line and the closing heredoc marker (`EOF`) copied with it.",
    };
  if (BOX_DRAWING.test(lineText))
    return {
      message: "This line is a tool's printed notice (a box of text), not YAML.",
      hint: "Remove the notice lines (a converter's warnings printed before its output) and check the manifests that follow.",
    };
  return undefined;
}

function shortened(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 80)}…`;
}
