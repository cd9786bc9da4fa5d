/**
 * "Use this Gateway API": the workspace after the migration is the Gateway API YAML followed by
 * every document of the old workspace that is not an Ingress or IngressClass, kept verbatim
 * (Services, Secrets, other objects and their comments), so nothing the user wrote is lost.
 */
import { loadManifests } from "../load/loadManifests";
import type { SourceFile } from "../types";

export function buildMigratedWorkspace(
  sources: readonly SourceFile[],
  gatewayApiYaml: string,
): string {
  const parts = [gatewayApiYaml.replace(/\n*$/, "\n")];
  for (const source of sources) {
    const manifests = loadManifests([source]).manifests;
    const dropped = new Set(
      manifests
        .filter((m) => m.kind === "Ingress" || m.kind === "IngressClass")
        .map((m) => m.source.docIndex),
    );
    const docs = splitDocuments(source.text);
    docs.forEach((doc, i) => {
      if (!dropped.has(i) && /\S/.test(doc.replace(/^\s*#.*$/gm, "")))
        parts.push(doc.replace(/\n*$/, "\n"));
    });
  }
  return parts.join("---\n");
}

/**
 * Column-0 `---` separators, as the loader splits them; a chunk holding only comments (a file
 * header before the first `---`) belongs to the document after it, as YAML reads it.
 */
function splitDocuments(text: string): string[] {
  const chunks = text.split(/^---[^\S\n]*(?:#.*)?\n/m);
  const docs: string[] = [];
  let pending = "";
  chunks.forEach((chunk, i) => {
    if (i < chunks.length - 1 && !/\S/.test(chunk.replace(/^\s*#.*$/gm, ""))) pending += chunk;
    else {
      docs.push(pending + chunk);
      pending = "";
    }
  });
  return docs;
}
