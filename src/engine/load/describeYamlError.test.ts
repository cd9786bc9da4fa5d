import { parseAllDocuments } from "yaml";
import { expect, test } from "vitest";
import { describeYamlError } from "./describeYamlError";
import { findMissingSpaceAfterColon } from "./yamlSlips";

function firstError(text: string) {
  const error = parseAllDocuments(text, { prettyErrors: false })[0]?.errors[0];
  if (!error) throw new Error("expected a YAML error");
  const lineStart = text.lastIndexOf("\n", error.pos[0] - 1) + 1;
  const lineEnd = text.indexOf("\n", error.pos[0]);
  return describeYamlError(error, text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd));
}

test("a key without a space after its colon gets the fix as the hint", () => {
  expect(firstError("path:\n  type:RegularExpression\n  value: /x\n")).toEqual({
    message:
      "YAML syntax error: A mapping key runs over more than one line. `type:RegularExpression` has no space after the colon, so YAML reads it as one word instead of the key `type`.",
    hint: "Add a space after the colon: `type: RegularExpression`.",
  });
});

test("an over-indented line after a value, and two keys on one line", () => {
  expect(firstError("metadata:\n  name: a\n   namespace: b\n").message).toContain(
    "followed by a line indented deeper than its key",
  );
  expect(firstError("a: b: c\n").message).toContain("two `key:` parts");
});

test("tabs and duplicate keys have their own wording; others keep the parser message", () => {
  expect(firstError("a:\n\tb: 1\n")).toEqual({
    message: "YAML syntax error: Tabs are not allowed for indentation in YAML.",
    hint: "Replace the tab at the start of this line with spaces.",
  });
  expect(firstError("a: 1\na: 2\n").message).toBe(
    "YAML syntax error: The same key appears twice in one mapping.",
  );
  expect(firstError('a: "x\n').message).toBe('YAML syntax error: Missing closing "quote.');
});

test("URLs, times and spaced keys are not mistaken for a missing space", () => {
  expect(findMissingSpaceAfterColon("url: http://x")).toBeUndefined();
  expect(findMissingSpaceAfterColon("- 12:30")).toBeUndefined();
  expect(findMissingSpaceAfterColon("- name:web")).toEqual({
    text: "name:web",
    key: "name",
    value: "web",
  });
});

test("a Helm or Go template line says to render the chart first", () => {
  const described = firstError("metadata:\n  name: x\n  {{- with .namespace }}\n  namespace: y\n");
  expect(described.hint).toContain("helm template");
  expect(described.message).toContain("Go template syntax");
  expect(firstError("spec:\n  name: {{ .Release.Name }}-gw\n").hint).toContain("helm template");
  // Braces that are YAML flow mappings are not a template.
  expect(firstError("a: {b: 1}\na: 2\n").hint).not.toContain("helm template");
});

test("shell lines copied around a heredoc, and a converter's boxed notice, are named as not YAML", () => {
  const heredoc = "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata: {name: a}\n";
  expect(firstError(heredoc)).toEqual({
    message:
      "YAML syntax error: A mapping key runs over more than one line. `kubectl apply -f - <<EOF` is shell (a command or the end of a heredoc), not YAML.",
    hint: "Check only the manifest: leave out the command line and the closing heredoc marker (`EOF`) copied with it.",
  });
  expect(firstError("apiVersion: v1\nkind: Service\nEOF\n").message).toContain("`EOF` is shell");
  expect(firstError("cat <<'YAML' | kubectl apply -f -\nkind: A\n").message).toContain("is shell");
  const banner = "┌─ WARN ──\n│  nginx.org/path-regex: not supported\n└─\napiVersion: v1\n";
  expect(firstError(banner).message).toContain("a tool's printed notice");
  // A key named like a command is YAML, not shell.
  expect(firstError("kubectl: 1\ncat: [\n").message).not.toContain("shell");
});
