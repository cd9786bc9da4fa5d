/**
 * Splits the workspace into one file per object for the "folders" export: each document's own
 * source text (comments inside it kept), `kind: List` items (nested Lists too) re-serialised one by one, plus a
 * kustomization.yaml listing every file, so `kubectl apply -k` takes the folder as it is.
 */
import {
  isMap,
  isNode,
  isSeq,
  LineCounter,
  Pair,
  parseAllDocuments,
  Scalar,
  stringify,
  type YAMLMap,
} from "yaml";
import type { ObjectSummary } from "../../engine";

export interface SplitFile {
  path: string;
  text: string;
}

type SplitObject = Pick<ObjectSummary, "kind" | "namespace" | "name" | "docIndex" | "line">;

export const CLUSTER_FOLDER = "_cluster";

export function splitWorkspace(text: string, objects: readonly SplitObject[]): SplitFile[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, logLevel: "error" });
  const documents = Array.isArray(docs) ? docs : [];
  const used = new Set<string>();
  const files: SplitFile[] = [];
  for (const object of objects) {
    const doc = documents[object.docIndex];
    if (!doc) continue;
    const body = isListDocument(doc.contents)
      ? listItemText(doc.contents, object.line, lineCounter)
      : documentText(text, documents[object.docIndex - 1]?.range[2] ?? 0, doc.range[2]);
    if (body === undefined) continue;
    files.push({ path: uniquePath(filePath(object), used), text: body });
  }
  files.push({ path: "kustomization.yaml", text: printKustomization(files.map((f) => f.path)) });
  return files;
}

function filePath(object: SplitObject): string {
  const folder = object.namespace ? safeSegment(object.namespace) : CLUSTER_FOLDER;
  return `${folder}/${safeSegment(object.kind.toLowerCase())}-${safeSegment(object.name)}.yaml`;
}

/** Names come from user YAML: keep them from escaping their folder or breaking file systems. */
function safeSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return cleaned === "" ? "_" : cleaned;
}

function uniquePath(path: string, used: Set<string>): string {
  let candidate = path;
  for (let n = 2; used.has(candidate); n++) candidate = path.replace(/\.yaml$/, `-${n}.yaml`);
  used.add(candidate);
  return candidate;
}

/** From the end of the previous document, so comments before this one come along; minus `---`. */
function documentText(text: string, start: number, end: number): string {
  const slice = text.slice(start, end).replace(/^---[^\n]*\n/, "");
  return slice.endsWith("\n") ? slice : `${slice}\n`;
}

/** `kind: List` or a typed list (HTTPRouteList), whose items the engine loads one by one. */
function isListDocument(contents: unknown): contents is YAMLMap {
  if (!isMap(contents)) return false;
  const kind: unknown = contents.get("kind");
  return typeof kind === "string" && kind.endsWith("List") && isSeq(contents.get("items", true));
}

function listItemText(list: YAMLMap, line: number, lineCounter: LineCounter): string | undefined {
  const items = list.get("items", true);
  if (!isSeq(items)) return undefined;
  // The object's line is where its item starts, which is also the line where the previous item's
  // range ends (at the next `- `): the item is the last one starting at or before that line.
  let item: unknown;
  for (const node of items.items) {
    const range = isNode(node) ? node.range : undefined;
    if (!range || lineCounter.linePos(range[0]).line > line) continue;
    if (line <= lineCounter.linePos(range[1]).line) item = node;
  }
  if (item === undefined) return undefined;
  // The engine flattens a List inside a List, as kubectl does: the object is an item of the inner
  // one, and writing the whole inner List would put its other objects in this file too.
  if (isListDocument(item)) return listItemText(item, line, lineCounter);
  return stringify(withListKind(list, item));
}

/**
 * Items of a typed list (HTTPRouteList, as the API server returns it) carry no apiVersion/kind:
 * the engine gives them the list's, and so must their file, or it would not load on its own.
 */
function withListKind(list: YAMLMap, item: unknown): unknown {
  const listKind = String(list.get("kind"));
  if (listKind === "List" || !isMap(item) || item.has("kind")) return item;
  const copy = item.clone() as YAMLMap;
  const kind = new Pair(new Scalar("kind"), new Scalar(listKind.slice(0, -"List".length)));
  const apiVersion: unknown = list.get("apiVersion");
  copy.items.unshift(kind);
  if (typeof apiVersion === "string" && !copy.has("apiVersion"))
    copy.items.unshift(new Pair(new Scalar("apiVersion"), new Scalar(apiVersion)));
  return copy;
}

export function printKustomization(paths: readonly string[]): string {
  const resources = paths.map((p) => `  - ${p}`).join("\n");
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${resources}\n`;
}
