/** The Export menu's actions: the workspace text as a file or on the clipboard, as-is or cleaned. */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download synchronously; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function cleanedText(text: string, dropCreationTimestamp: boolean): Promise<string> {
  // Loaded on demand: the yaml library stays out of the initial bundle.
  const { cleanClusterDump } = await import("./cleanClusterDump");
  return cleanClusterDump(text, { dropCreationTimestamp });
}
