/**
 * Finds the yaml node of one object in a multi-document text, by kind, namespace and name, the
 * way the loader identifies objects (namespace "default" when omitted; none when cluster-scoped;
 * the later of two duplicates wins).
 */
import { isMap, isSeq, parseAllDocuments, type Document, type YAMLMap, type YAMLSeq } from "yaml";
import { CLUSTER_SCOPED_KINDS } from "../api/kinds";
import { documentChunks } from "../load/guardDocuments";
import type { ObjectSelector } from "./editOps";
import { QUIET_YAML } from "../load/quietYaml";

export interface ObjectNode {
  root: YAMLMap;
  docIndex: number;
  /** The document's own text range, `---` included; the first document starts at offset 0. */
  docStart: number;
  docEnd: number;
  /** Set when the object is an item of a `kind: List`. */
  list?: { items: YAMLSeq; index: number; listRoot: YAMLMap };
}

export interface LocatedObject {
  node: ObjectNode;
  /** The text the node's offsets refer to: one document of the whole text, starting at chunkStart. */
  chunkText: string;
  chunkStart: number;
}

/**
 * Finds the object, parsing only the documents whose text mentions its name as a whole token
 * (route-1 is not mentioned by route-10's document): on a large file this is the difference
 * between parsing one document and parsing them all for every edit or form read. When no
 * document mentions the name literally (escapes in a quoted name), everything is parsed.
 */
export function locateObject(text: string, selector: ObjectSelector): LocatedObject | undefined {
  let found: LocatedObject | undefined;
  let candidates = 0;
  const chunks = documentChunks(text);
  for (const [start, end] of chunks) {
    const chunkText = text.slice(start, end);
    if (!mentionsName(chunkText, selector.name)) continue;
    candidates++;
    const node = findObjectNode(parseDocuments(chunkText), selector);
    if (node) found = { node, chunkText, chunkStart: start };
  }
  if (found) return found;
  if (candidates === 0) {
    const node = findObjectNode(parseDocuments(text), selector);
    return node ? { node, chunkText: text, chunkStart: 0 } : undefined;
  }
  // Other documents mention the name (a backendRef to it, say) while the object's own writes it
  // with escapes ("r\u002dx"): look at the documents holding a backslash too.
  for (const [start, end] of chunks) {
    const chunkText = text.slice(start, end);
    if (!chunkText.includes("\\") || mentionsName(chunkText, selector.name)) continue;
    const node = findObjectNode(parseDocuments(chunkText), selector);
    if (node) found = { node, chunkText, chunkStart: start };
  }
  return found;
}

/**
 * Whether the name occurs in the text with no name character (letter, digit, `-`, `.`, `_`)
 * right before or after it: however it is written unescaped (plain, quoted, in a flow mapping),
 * an object's own metadata.name is such an occurrence.
 */
export function mentionsName(text: string, name: string): boolean {
  if (name === "") return true;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isNameChar(text.charCodeAt(at - 1)) && !isNameChar(text.charCodeAt(at + name.length)))
      return true;
  }
  return false;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 45 || // -
    code === 46 || // .
    code === 95 // _
  );
}

export function parseDocuments(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text, { ...QUIET_YAML, keepSourceTokens: true });
  return Array.isArray(docs) ? docs : [];
}

export function findObjectNode(
  docs: readonly Document.Parsed[],
  selector: ObjectSelector,
): ObjectNode | undefined {
  let found: ObjectNode | undefined;
  docs.forEach((doc, docIndex) => {
    if (doc.errors.length > 0 || !isMap(doc.contents)) return;
    const root = doc.contents;
    const [rangeStart = 0, , rangeEnd = 0] = doc.range;
    const place = { docIndex, docStart: docIndex === 0 ? 0 : rangeStart, docEnd: rangeEnd };
    if (listItemsOf(root)) {
      const inList = findInList(root, selector);
      if (inList) found = { ...inList, ...place };
    } else if (matches(root, selector)) {
      found = { root, ...place };
    }
  });
  return found;
}

function listItemsOf(node: YAMLMap): YAMLSeq | undefined {
  const items = node.get("items", true);
  const kind: unknown = node.get("kind");
  return typeof kind === "string" && kind.endsWith("List") && isSeq(items) ? items : undefined;
}

/**
 * Lists nested in a List are searched too, in the loader's (and kubectl's) breadth-first order,
 * so that of two duplicates the one found last is the one the loader keeps.
 */
function findInList(
  listRoot: YAMLMap,
  selector: ObjectSelector,
): Pick<ObjectNode, "root" | "list"> | undefined {
  let found: Pick<ObjectNode, "root" | "list"> | undefined;
  const queue: YAMLMap[] = [listRoot];
  for (let next = 0; next < queue.length; next++) {
    const list = queue[next] as YAMLMap;
    const items = listItemsOf(list);
    if (!items) continue;
    const kind = String(list.get("kind"));
    items.items.forEach((item, index) => {
      if (!isMap(item)) return;
      if (listItemsOf(item)) queue.push(item);
      else if (matches(item, selector, kind === "List" ? undefined : kind.slice(0, -4)))
        found = { root: item, list: { items, index, listRoot: list } };
    });
  }
  return found;
}

function matches(node: YAMLMap, selector: ObjectSelector, impliedKind?: string): boolean {
  const kind: unknown = node.get("kind") ?? impliedKind;
  if (kind !== selector.kind || node.getIn(["metadata", "name"]) !== selector.name) return false;
  const declared = node.getIn(["metadata", "namespace"]);
  const cluster = CLUSTER_SCOPED_KINDS.has(selector.kind);
  const namespace = cluster
    ? undefined
    : typeof declared === "string" && declared !== ""
      ? declared
      : "default";
  const wanted = cluster ? undefined : (selector.namespace ?? "default");
  return namespace === wanted;
}

/** Whether block sequences under a key are indented in this document (kubectl does not indent them). */
export function detectIndentSeq(text: string, start: number, end: number): boolean {
  const lines = text.slice(start, end).split("\n");
  for (let i = 1; i < lines.length; i++) {
    const dash = /^(\s*)- /.exec(lines[i] ?? "");
    const key = /^(\s*)[^\s#-][^:]*:\s*(#.*)?$/.exec(lines[i - 1] ?? "");
    if (dash && key) return (dash[1] ?? "").length > (key[1] ?? "").length;
  }
  return true;
}
