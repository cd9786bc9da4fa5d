/**
 * The Export menu's share-link and folder actions (zip writer, link encoder, request and settings
 * encoders): not needed before the first graph, so they load on demand, and are preloaded once
 * the first graph is shown (AppLayout) so a click does not wait for the network in practice.
 */
import type * as ExportFoldersModule from "../share/exportFolders";

type ExportFolders = typeof ExportFoldersModule;

let exportFolders: Promise<ExportFolders> | undefined;

export function loadExportActions(): Promise<ExportFolders> {
  // A failed fetch is not remembered: the next click tries again.
  exportFolders ??= import("../share/exportFolders").catch((error: unknown) => {
    exportFolders = undefined;
    throw error;
  });
  return exportFolders;
}
