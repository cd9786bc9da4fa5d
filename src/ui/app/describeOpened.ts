/**
 * The one notice after opening files: what was added (files, or how many from which zip) and every
 * file or entry that was left out, with the reason. Pure, so the wording is unit-tested.
 */
import type { OpenedFile } from "./combineFiles";

export interface OpenedSource {
  /** The file the user chose or dropped. */
  name: string;
  kind: "yaml" | "zip" | "other" | "unreadable";
  files: OpenedFile[];
  /** Zip entries left out: "entry: why". */
  skipped: string[];
  /** Why the file could not be read at all (a damaged zip, a read error). */
  error?: string;
}

export function isZipFileName(name: string): boolean {
  return /\.zip$/i.test(name);
}

export function describeOpened(
  sources: readonly OpenedSource[],
): { kind: "info" | "error"; message: string } | undefined {
  const added: string[] = [];
  for (const s of sources) {
    if (s.kind === "yaml") added.push(s.name);
    if (s.kind === "zip" && s.files.length > 0)
      added.push(`${s.files.length} file${s.files.length === 1 ? "" : "s"} from ${s.name}`);
  }
  const parts: string[] = [];
  if (added.length > 0)
    parts.push(`Added ${added.join(", ")} to the workspace (undo with Ctrl+Z).`);
  const others = sources.filter((s) => s.kind === "other").map((s) => s.name);
  if (others.length > 0)
    parts.push(`Skipped ${others.join(", ")}: only .yaml, .yml and .zip files are opened.`);
  for (const s of sources) {
    if (s.kind === "unreadable")
      parts.push(
        `Could not open ${s.name}: ${s.error ?? "unknown error"}. Nothing from it was added.`,
      );
    if (s.kind === "zip" && s.files.length === 0)
      parts.push(`${s.name} holds no YAML files to open.`);
    if (s.skipped.length > 0) parts.push(`Skipped in ${s.name}: ${listSome(s.skipped)}.`);
  }
  if (parts.length === 0) return undefined;
  const failed = added.length === 0 && sources.some((s) => s.kind === "unreadable");
  return { kind: failed ? "error" : "info", message: parts.join(" ") };
}

/** The first few of a list that a hostile archive can make thousands long, and how many more. */
export function listSome(items: readonly string[], shown = 10, separator = "; "): string {
  if (items.length <= shown) return items.join(separator);
  const rest = items.length - shown;
  return `${items.slice(0, shown).join(separator)}${separator}and ${rest.toLocaleString("en-US")} more`;
}
