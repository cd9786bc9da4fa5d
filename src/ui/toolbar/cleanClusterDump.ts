/**
 * Turns `kubectl get -o yaml` output into manifests fit for a repository: drops the fields the
 * API server writes (status, metadata.managedFields/resourceVersion/uid, the last-applied
 * annotation, optionally creationTimestamp), inside `kind: List` items too. Works on the yaml
 * Document model, so comments and the order of everything else are kept.
 */
import { isMap, isSeq, parseAllDocuments, type Document, type YAMLMap } from "yaml";

export interface CleanOptions {
  dropCreationTimestamp: boolean;
}

const SERVER_METADATA = ["managedFields", "resourceVersion", "uid", "generation", "selfLink"];
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** Throws when a document has a syntax error: re-printing it could lose what the user wrote. */
export function cleanClusterDump(text: string, options: CleanOptions): string {
  const parsed = parseAllDocuments(text, { logLevel: "error" });
  const documents = Array.isArray(parsed) ? parsed : [];
  const broken = documents.find((doc) => doc.errors.length > 0);
  if (broken)
    throw new Error(
      `fix the YAML syntax error first (${broken.errors[0]?.message.split("\n")[0] ?? "unknown"})`,
    );
  return documents.map((doc) => cleanDocument(doc, options)).join("");
}

function cleanDocument(doc: Document, options: CleanOptions): string {
  if (isMap(doc.contents)) cleanObject(doc.contents, options);
  // Every document after the first started with `---` in the source, so toString prints it again.
  return doc.toString({ lineWidth: 0 });
}

function cleanObject(object: YAMLMap, options: CleanOptions): void {
  object.delete("status");
  const metadata = object.get("metadata");
  if (isMap(metadata)) {
    for (const key of SERVER_METADATA) metadata.delete(key);
    if (options.dropCreationTimestamp) metadata.delete("creationTimestamp");
    const annotations = metadata.get("annotations");
    if (isMap(annotations)) {
      annotations.delete(LAST_APPLIED);
      if (annotations.items.length === 0) metadata.delete("annotations");
    }
  }
  // kubectl prints `kind: List`; the API server returns typed lists (HTTPRouteList); nested Lists
  // are cleaned by the recursion, as the engine flattens them.
  const kind: unknown = object.get("kind");
  if (typeof kind === "string" && kind.endsWith("List")) {
    const items = object.get("items");
    if (isSeq(items)) for (const item of items.items) if (isMap(item)) cleanObject(item, options);
  }
}
