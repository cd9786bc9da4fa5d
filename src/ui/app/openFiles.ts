import { useGwsimStore } from "../../store";
import { appendFiles, isYamlFileName, type OpenedFile } from "./combineFiles";
import { mayReplaceWorkspace } from "./namedWorkspaces";
import { describeOpened, isZipFileName, type OpenedSource } from "./describeOpened";
import { selectFirstObjectFromLine } from "./selectAdded";

/** Open: the files become the workspace (after asking, when work would be lost). Add: they join it. */
export type OpenMode = "open" | "add";

/**
 * Reads the chosen/dropped files and opens them as the workspace or appends their documents to
 * it: YAML files as they are, zip archives by their YAML entries. One notice says what was read
 * and what was left out.
 */
export async function openFiles(fileList: Iterable<File>, mode: OpenMode = "add"): Promise<void> {
  const sources: OpenedSource[] = [];
  for (const file of fileList) sources.push(await readSource(file));
  const opened: OpenedFile[] = sources.flatMap((s) => s.files);
  const store = useGwsimStore.getState();
  if (opened.length > 0 && mode === "open") {
    const names = opened.length === 1 ? `“${opened[0]?.name ?? ""}”` : `${opened.length} files`;
    if (!(await mayReplaceWorkspace(`Open ${names} in place of the current workspace?`))) return;
    store.replaceWorkspace(appendFiles("", opened), "file");
  } else if (opened.length > 0) {
    const current = useGwsimStore.getState().text;
    const text = appendFiles(current, opened);
    store.setText(text, "file");
    // Added documents land below the current ones, usually off-screen in the canvas and the
    // editor: show the first of them, so the person sees what they added.
    selectFirstObjectFromLine(lineAfterPrefix(text, current));
  }
  const notice = describeOpened(sources);
  if (notice) store.setNotice(notice);
}

/** The 1-based line where `text` stops repeating `current` (appendFiles keeps it as a prefix). */
function lineAfterPrefix(text: string, current: string): number {
  const prefix = text.startsWith(current) ? current : "";
  let line = 1;
  for (const ch of prefix) if (ch === "\n") line += 1;
  return line;
}

async function readSource(file: File): Promise<OpenedSource> {
  try {
    if (isYamlFileName(file.name))
      return {
        name: file.name,
        kind: "yaml",
        files: [{ name: file.name, text: await file.text() }],
        skipped: [],
      };
    if (!isZipFileName(file.name))
      return { name: file.name, kind: "other", files: [], skipped: [] };
    // Loaded on demand: most sessions never open a zip.
    const [{ readZip }, { zipYamlFiles }] = await Promise.all([
      import("../share/readZip"),
      import("./zipYamlFiles"),
    ]);
    const { files, skipped } = zipYamlFiles(
      await readZip(new Uint8Array(await file.arrayBuffer())),
    );
    return { name: file.name, kind: "zip", files, skipped };
  } catch (error) {
    return {
      name: file.name,
      kind: "unreadable",
      files: [],
      skipped: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
