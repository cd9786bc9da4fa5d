/**
 * Several opened files become one workspace text: each file's documents follow a
 * `# file: <name>` comment, separated by `---`. One text keeps a single source of truth, one
 * Monaco model and one undo history; the comment keeps the origin visible and survives export.
 */
import { escapeControls } from "../common/displayText";

export interface OpenedFile {
  name: string;
  text: string;
}

export function combineFiles(files: readonly OpenedFile[]): string {
  return files
    .map((f) => withFileComment(f.name, stripLeadingMarker(ensureNewline(f.text))))
    .join("---\n");
}

/**
 * A file exported by "Download as folders" already starts with the comment of the name it was
 * opened under; adding it again would grow every export/re-import cycle by one line.
 */
function withFileComment(name: string, text: string): string {
  // The name comes from the user's disk or a stranger's zip: it must stay inside its comment line.
  const comment = `# file: ${escapeControls(name)}\n`;
  return text.startsWith(comment) ? text : `${comment}${text}`;
}

/** Appends opened files to the current workspace text as further documents. */
export function appendFiles(current: string, files: readonly OpenedFile[]): string {
  if (files.length === 0) return current;
  const added = combineFiles(files);
  if (current.trim() === "") return added;
  return `${ensureNewline(current)}---\n${added}`;
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") || text === "" ? text : `${text}\n`;
}

/** A file that starts with `---` would otherwise open an empty document after our separator. */
function stripLeadingMarker(text: string): string {
  return text.replace(/^---[ \t]*\r?\n/, "");
}

export function isYamlFileName(name: string): boolean {
  return /\.(ya?ml)$/i.test(name);
}
