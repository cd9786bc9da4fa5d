/**
 * Plans one text splice for a structural change inside one object, using the yaml AST only to
 * find offsets. Everything outside the splice stays byte-identical: comments, quoting, blank
 * lines, key order.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import type { FieldPath } from "../types";
import {
  isCollection,
  isEmptyCollection,
  renderBlock,
  renderEntry,
  renderFlow,
  renderInline,
  renderItem,
  renderKey,
  type RenderStyle,
} from "./renderYaml";

export interface Splice {
  start: number;
  end: number;
  text: string;
}

export interface SpliceContext {
  text: string;
  style: RenderStyle;
}

type Collection = YAMLMap | YAMLSeq;

/** One step of a path: the collection holding the value and the entry's position in it. */
interface Step {
  container: Collection;
  index: number;
  value: Node | null;
}

interface Walk {
  steps: Step[];
  rest: FieldPath;
}

export class EditError extends Error {}

function walk(root: Collection, path: FieldPath): Walk {
  const steps: Step[] = [];
  let current: Node | null = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    let step: Step | undefined;
    if (isMap(current) && typeof segment === "string") {
      const index = current.items.findIndex(
        (p) => isScalar(p.key) && String(p.key.value) === segment,
      );
      if (index >= 0)
        step = { container: current, index, value: asNode((current.items[index] as Pair).value) };
    } else if (isSeq(current) && typeof segment === "number" && segment < current.items.length) {
      step = { container: current, index: segment, value: asNode(current.items[segment]) };
    }
    if (!step) return { steps, rest: path.slice(i) };
    steps.push(step);
    current = step.value;
  }
  return { steps, rest: [] };
}

function asNode(value: unknown): Node | null {
  return typeof value === "object" && value !== null && "range" in value ? (value as Node) : null;
}

function isNullNode(node: Node | null): boolean {
  return (
    node === null || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1])
  );
}

/** {a: {b: value}} for ['a', 'b']; a 0 index makes a one-item list. */
function nest(path: FieldPath, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === "number") {
      if (segment !== 0)
        throw new EditError(`index ${segment} is past the end of a list that does not exist yet`);
      out = [out];
    } else out = { [segment as string]: out };
  }
  return out;
}

export function planSet(
  ctx: SpliceContext,
  root: Collection,
  path: FieldPath,
  value: unknown,
): Splice {
  const { steps, rest } = walk(root, path);
  const last = steps[steps.length - 1];
  if (rest.length === 0) {
    if (!last) throw new EditError("cannot replace the whole object with setField");
    return replaceValue(ctx, last, value);
  }
  const holder = last ? last.value : root;
  if (last && isNullNode(holder)) return replaceValue(ctx, last, nest(rest, value));
  const [head, ...tail] = rest;
  if (isMap(holder) && typeof head === "string")
    return insertEntry(ctx, holder, head, nest(tail, value));
  if (isSeq(holder) && head === holder.items.length)
    return appendItem(ctx, holder, nest(tail, value));
  throw new EditError(
    `path ${JSON.stringify(path)} does not fit the object (stopped at ${JSON.stringify(head)})`,
  );
}

export function planAppend(
  ctx: SpliceContext,
  root: Collection,
  path: FieldPath,
  item: unknown,
): Splice {
  const { steps, rest } = walk(root, path);
  const last = steps[steps.length - 1];
  if (rest.length === 0 && last && isSeq(last.value)) return appendItem(ctx, last.value, item);
  if (rest.length === 0 && last && !isNullNode(last.value))
    throw new EditError(`${path.join(".")} is not a list`);
  return planSet(ctx, root, path, [item]);
}

export function planRemove(ctx: SpliceContext, root: Collection, path: FieldPath): Splice {
  const { steps, rest } = walk(root, path);
  const last = steps[steps.length - 1];
  if (rest.length > 0 || !last) throw new EditError(`nothing at ${JSON.stringify(path)} to remove`);
  const { container, index } = last;
  if (container.items.length === 1 && steps.length >= 2) {
    // The last entry: leave an explicit empty collection rather than a dangling `key:` (null).
    return replaceValue(ctx, steps[steps.length - 2] as Step, isSeq(container) ? [] : {});
  }
  return removeEntry(ctx, container, index);
}

// ---------------------------------------------------------------- offsets

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

function isFirstOnLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === "";
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? "")) e--;
  return e;
}

function isFlow(node: Collection): boolean {
  return node.srcToken?.type === "flow-collection";
}

/** Where entry `index` begins: a map key, or a sequence item's dash. */
function entryStart(node: Collection, index: number): number {
  if (isMap(node)) {
    const pair = node.items[index] as Pair;
    const token = node.srcToken;
    const tokenStart =
      token && "items" in token
        ? token.items[index]?.start.find((t) => t.type === "explicit-key-ind")
        : undefined;
    return tokenStart?.offset ?? asNode(pair.key)?.range?.[0] ?? 0;
  }
  const token = node.srcToken;
  if (token && "items" in token) {
    const dash = token.items[index]?.start.find((t) => t.type === "seq-item-ind");
    if (dash) return dash.offset;
  }
  return asNode(node.items[index])?.range?.[0] ?? node.range?.[0] ?? 0;
}

function entryValueEnd(node: Collection, index: number): number {
  if (isMap(node)) {
    const pair = node.items[index] as Pair;
    return asNode(pair.value)?.range?.[1] ?? asNode(pair.key)?.range?.[1] ?? 0;
  }
  return asNode(node.items[index])?.range?.[1] ?? entryStart(node, index) + 1;
}

/** Just after the `:` of a map entry, or after the `-` of a sequence item. */
function valueSlotStart(step: Step): number {
  const token = step.container.srcToken;
  const item = token && "items" in token ? token.items[step.index] : undefined;
  if (isMap(step.container)) {
    const colon =
      item && "sep" in item ? item.sep?.find((t) => t.type === "map-value-ind") : undefined;
    if (!colon) throw new EditError("unsupported mapping entry (no `:`)");
    return colon.offset + 1;
  }
  const dash = item?.start.find((t) => t.type === "seq-item-ind");
  if (dash) return dash.offset + 1;
  throw new EditError("unsupported list item");
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

// ---------------------------------------------------------------- splices

function replaceValue(ctx: SpliceContext, step: Step, value: unknown): Splice {
  const old = step.value;
  if (old && isScalar(old) && !isNullNode(old) && !isCollection(value)) {
    const [start = 0, end = 0] = old.range ?? [];
    return { start, end, text: renderInline(value, old.type) };
  }
  const slot = valueSlotStart(step);
  const end = old && !isNullNode(old) ? trimEnd(ctx.text, slot, old.range?.[1] ?? slot) : slot;
  if (isFlow(step.container) || !isCollection(value) || isEmptyCollection(value)) {
    const inline =
      isFlow(step.container) && isCollection(value) && !isEmptyCollection(value)
        ? renderFlow(value)
        : renderInline(value);
    return { start: slot, end, text: ` ${inline}` };
  }
  const anchor = entryStart(step.container, step.index);
  const column = columnOf(ctx.text, anchor);
  if (isSeq(step.container)) {
    // `- ` then the block, continuation lines under the first one.
    return { start: slot, end, text: ` ${renderItem(value, column, ctx.style).slice(2)}` };
  }
  const childIndent = column + (Array.isArray(value) && !ctx.style.indentSeq ? 0 : 2);
  return { start: slot, end, text: `\n${renderBlock(value, childIndent, ctx.style)}` };
}

function insertEntry(ctx: SpliceContext, map: YAMLMap, key: string, value: unknown): Splice {
  const count = map.items.length;
  if (isFlow(map) || count === 0) {
    const close = flowEnd(map);
    return {
      start: close,
      end: close,
      text: `${count > 0 ? ", " : ""}${renderKey(key)}: ${renderInline(value)}`,
    };
  }
  const column = columnOf(ctx.text, entryStart(map, 0));
  const at = lineEndAfter(ctx.text, entryValueEnd(map, count - 1));
  const lead = at === ctx.text.length && !ctx.text.endsWith("\n") ? "\n" : "";
  return {
    start: at,
    end: at,
    text: `${lead}${" ".repeat(column)}${renderEntry(key, value, column, ctx.style)}\n`,
  };
}

function appendItem(ctx: SpliceContext, seq: YAMLSeq, value: unknown): Splice {
  const count = seq.items.length;
  if (isFlow(seq) || count === 0) {
    const close = flowEnd(seq);
    return { start: close, end: close, text: `${count > 0 ? ", " : ""}${renderInline(value)}` };
  }
  const column = columnOf(ctx.text, entryStart(seq, 0));
  const at = lineEndAfter(ctx.text, entryValueEnd(seq, count - 1));
  const lead = at === ctx.text.length && !ctx.text.endsWith("\n") ? "\n" : "";
  return {
    start: at,
    end: at,
    text: `${lead}${" ".repeat(column)}${renderItem(value, column, ctx.style)}\n`,
  };
}

function flowEnd(node: Collection): number {
  const token = node.srcToken;
  const end =
    token && token.type === "flow-collection"
      ? token.end.find((t) => t.type === "flow-map-end" || t.type === "flow-seq-end")
      : undefined;
  if (!end) throw new EditError("cannot find the end of this flow collection");
  return end.offset;
}

function removeEntry(ctx: SpliceContext, node: Collection, index: number): Splice {
  const count = node.items.length;
  const start = entryStart(node, index);
  if (isFlow(node)) {
    if (index < count - 1) return { start, end: entryStart(node, index + 1), text: "" };
    const previousEnd = entryValueEnd(node, index - 1);
    return { start: previousEnd, end: entryValueEnd(node, index), text: "" };
  }
  if (!isFirstOnLine(ctx.text, start)) {
    // The first key of a map that shares its line with a `- `: pull the next key up.
    return { start, end: entryStart(node, index + 1), text: "" };
  }
  const first = withLeadingComments(
    ctx.text,
    lineStart(ctx.text, start),
    columnOf(ctx.text, start),
  );
  return { start: first, end: lineEndAfter(ctx.text, entryValueEnd(node, index)), text: "" };
}

/** Comment lines directly above an entry, indented at least as deep, describe it and go with it. */
function withLeadingComments(text: string, start: number, column: number): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    const line = text.slice(previous, at - 1);
    const indent = line.length - line.trimStart().length;
    if (!line.trimStart().startsWith("#") || indent < column) break;
    at = previous;
  }
  return at;
}
