/**
 * Named workspaces in IndexedDB (the database and its upgrade: workspaceStorage.ts). Only the
 * named-workspace actions use these, and they load on demand (namedWorkspacesOnDemand.ts), so
 * this code stays out of the first chunk.
 */
import {
  isSavedWorkspace,
  NAMED_STORE,
  run,
  WORKSPACE_FORMAT as FORMAT,
  type SavedWorkspace,
} from "./workspaceStorage";

export interface NamedWorkspace extends SavedWorkspace {
  name: string;
  /** ISO 8601 time of the save. */
  savedAt: string;
}

export interface NamedWorkspaceSummary {
  name: string;
  savedAt: string;
  lines: number;
  text: string;
}

/** Every named workspace, most recently saved first. */
export async function listNamedWorkspaces(): Promise<NamedWorkspaceSummary[]> {
  const all: unknown[] = await run(NAMED_STORE, "readonly", (s) => s.getAll());
  return all
    .filter(isNamedWorkspace)
    .map((w) => ({ name: w.name, savedAt: w.savedAt, lines: lineCount(w.text), text: w.text }))
    .sort((a, b) =>
      a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.name.localeCompare(b.name),
    );
}

/** Rejects when the record is missing or has an unexpected format. */
export async function loadNamedWorkspace(name: string): Promise<NamedWorkspace> {
  const value: unknown = await run(NAMED_STORE, "readonly", (s) => s.get(name));
  if (value === undefined) throw new Error(`there is no saved workspace named “${name}”`);
  if (!isNamedWorkspace(value))
    throw new Error(`the saved workspace “${name}” has an unexpected format`);
  return value;
}

export function saveNamedWorkspace(workspace: Omit<NamedWorkspace, "format">): Promise<unknown> {
  return run(NAMED_STORE, "readwrite", (s) => s.put({ format: FORMAT, ...workspace }));
}

export function deleteNamedWorkspace(name: string): Promise<unknown> {
  return run(NAMED_STORE, "readwrite", (s) => s.delete(name));
}

function lineCount(text: string): number {
  if (text === "") return 0;
  const breaks = text.split("\n").length - 1;
  return text.endsWith("\n") ? breaks : breaks + 1;
}

function isNamedWorkspace(value: unknown): value is NamedWorkspace {
  if (!isSavedWorkspace(value)) return false;
  const v = value as unknown as Record<string, unknown>;
  return typeof v.name === "string" && typeof v.savedAt === "string";
}
