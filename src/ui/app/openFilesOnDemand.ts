/**
 * "Open files…", "Add files…" and a drop on the page: the code that reads the files (openFiles.ts,
 * with the zip reader's entry point and the notice's wording) loads on first use, and is fetched
 * after the first graph (AppLayout), since drawing the graph never needs it.
 */
import { useGwsimStore } from "../../store";
import type * as OpenFilesModule from "./openFiles";
import type { OpenMode } from "./openFiles";

export type { OpenMode };

let loading: Promise<typeof OpenFilesModule> | undefined;

/** A failed fetch is not kept: the next pick or drop tries again. */
export function loadOpenFiles(): Promise<typeof OpenFilesModule> {
  loading ??= import("./openFiles").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** openFiles once its code is here; a failed fetch is an error notice, and nothing is opened. */
export async function openFilesOnDemand(fileList: Iterable<File>, mode: OpenMode): Promise<void> {
  // Taken now: a drop's files and a file input's are gone once the event is over or it is reset.
  const files = [...fileList];
  let module: typeof OpenFilesModule;
  try {
    module = await loadOpenFiles();
  } catch (error) {
    useGwsimStore.getState().setNotice({
      kind: "error",
      message: `Could not load the code that reads files: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  await module.openFiles(files, mode);
}
