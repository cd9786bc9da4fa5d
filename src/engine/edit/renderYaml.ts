/**
 * Renders new values as YAML text that fits where it is inserted: scalars keep the quoting style
 * of the value they replace, collections follow the document's indentation.
 */
import { stringify } from "yaml";

export interface RenderStyle {
  /** Whether block sequences under a key are indented (`key:\n  - a`) or not (`key:\n- a`). */
  indentSeq: boolean;
}

export function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === "object" && value !== null;
}

export function isEmptyCollection(value: unknown): boolean {
  return isCollection(value) && Object.keys(value).length === 0;
}

/** A scalar (or empty collection) on one line; `previousType` is the yaml Scalar.type it replaces. */
export function renderInline(value: unknown, previousType?: string): string {
  if (Array.isArray(value) && value.length === 0) return "[]";
  if (isCollection(value)) return Object.keys(value).length === 0 ? "{}" : renderFlow(value);
  if (typeof value === "string") {
    if (previousType === "QUOTE_DOUBLE") return JSON.stringify(value);
    if (previousType === "QUOTE_SINGLE" && !value.includes("\n"))
      return `'${value.replace(/'/g, "''")}'`;
  }
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, "");
  return text.includes("\n") ? JSON.stringify(String(value)) : text;
}

export function renderFlow(value: unknown): string {
  return stringify(value, {
    collectionStyle: "flow",
    flowCollectionPadding: false,
    lineWidth: 0,
  }).replace(/\n$/, "");
}

export function renderKey(key: string): string {
  return renderInline(key);
}

/** Lines of a block collection, each indented by `indent` spaces, without the final newline. */
export function renderBlock(value: unknown, indent: number, style: RenderStyle): string {
  const text = stringify(value, { indent: 2, indentSeq: style.indentSeq, lineWidth: 0 }).replace(
    /\n$/,
    "",
  );
  return text
    .split("\n")
    .map((line) => (line === "" ? line : " ".repeat(indent) + line))
    .join("\n");
}

/** `key: value` or `key:` plus an indented block, starting at the key (no leading indent). */
export function renderEntry(
  key: string,
  value: unknown,
  keyColumn: number,
  style: RenderStyle,
): string {
  if (!isCollection(value) || isEmptyCollection(value))
    return `${renderKey(key)}: ${renderInline(value)}`;
  const childIndent = keyColumn + (Array.isArray(value) && !style.indentSeq ? 0 : 2);
  return `${renderKey(key)}:\n${renderBlock(value, childIndent, style)}`;
}

/** A block sequence item, starting at its dash (no leading indent); continuation lines aligned. */
export function renderItem(value: unknown, dashColumn: number, style: RenderStyle): string {
  if (!isCollection(value) || isEmptyCollection(value)) return `- ${renderInline(value)}`;
  const lines = renderBlock(value, 0, style).split("\n");
  const pad = " ".repeat(dashColumn + 2);
  return lines
    .map((line, i) => (i === 0 ? `- ${line}` : line === "" ? line : pad + line))
    .join("\n");
}

/** The conventional key order of a Kubernetes object: apiVersion, kind, metadata, spec, the rest. */
export function orderObjectKeys(object: Record<string, unknown>): Record<string, unknown> {
  const first = ["apiVersion", "kind", "metadata", "spec"];
  const ordered: Record<string, unknown> = {};
  for (const key of first) if (key in object) ordered[key] = object[key];
  for (const [key, value] of Object.entries(object)) if (!(key in ordered)) ordered[key] = value;
  const metadata = ordered.metadata;
  if (typeof metadata === "object" && metadata !== null && !Array.isArray(metadata)) {
    const m = metadata as Record<string, unknown>;
    const meta: Record<string, unknown> = {};
    for (const key of ["name", "namespace", "labels", "annotations"])
      if (key in m) meta[key] = m[key];
    for (const [key, value] of Object.entries(m)) if (!(key in meta)) meta[key] = value;
    ordered.metadata = meta;
  }
  return ordered;
}
