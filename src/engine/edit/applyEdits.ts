/**
 * applyEdits(text, ops) → new text, touching only what each edit must: every other document, and
 * every untouched line of the edited one (comments, quoting, blank lines, key order), stays
 * byte-identical. Each edit is one splice planned on a fresh parse of the current text, so later
 * edits see the earlier ones.
 */
import type { YAMLMap } from "yaml";
import type { FieldPath } from "../types";
import type { ChangedLines, EditOp, EditResult, FailedEdit } from "./editOps";
import { detectIndentSeq, locateObject, type ObjectNode } from "./findObjectNode";
import {
  EditError,
  planAppend,
  planRemove,
  planSet,
  type Splice,
  type SpliceContext,
} from "./planSplice";
import { requireAliasesKept, requireNoSharedNodeEdited } from "./keepsAliases";
import { orderObjectKeys, renderBlock } from "./renderYaml";

export function applyEdits(text: string, ops: readonly EditOp[]): EditResult {
  let current = text;
  let changed: [number, number][] = [];
  const failed: FailedEdit[] = [];
  ops.forEach((op, index) => {
    // A step may need several splices (a rename of name and namespace); each plans on the text
    // the previous one produced, and the edit applies all or none.
    let next = current;
    let nextChanged = changed;
    try {
      for (const step of expandEdit(op)) {
        const splice = matchLineEndings(next, planEdit(next, step));
        requireNoSharedNodeEdited(next, splice);
        const edited = next.slice(0, splice.start) + splice.text + next.slice(splice.end);
        requireAliasesKept(next, edited, splice);
        next = edited;
        nextChanged = trackChange(nextChanged, splice);
      }
    } catch (error) {
      failed.push({ index, op, reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    current = next;
    changed = nextChanged;
  });
  return { text: current, changedLines: toLines(current, changed), failed };
}

// Files written on Windows keep their CRLF line endings in the lines an edit adds.
function matchLineEndings(text: string, splice: Splice): Splice {
  if (!text.includes("\r\n")) return splice;
  return { ...splice, text: splice.text.replace(/\r?\n/g, "\r\n") };
}

function expandEdit(op: EditOp): EditOp[] {
  if (op.op !== "renameObject") return [op];
  const steps: EditOp[] = [
    { op: "setField", target: op.target, path: ["metadata", "name"], value: op.name },
  ];
  if (op.namespace !== undefined) {
    const renamed = { ...op.target, name: op.name };
    steps.push({
      op: "setField",
      target: renamed,
      path: ["metadata", "namespace"],
      value: op.namespace,
    });
  }
  return steps;
}

function planEdit(text: string, op: EditOp): Splice {
  if (op.op === "addObject") return planAddObject(text, op.object);
  const located = locateObject(text, op.target);
  if (!located)
    throw new EditError(
      `${op.target.kind} ${op.target.namespace ? `${op.target.namespace}/` : ""}${op.target.name} is not in the text`,
    );
  const { node, chunkText, chunkStart } = located;
  if (op.op === "removeObject" && !node.list)
    return planRemoveDocument(text, chunkStart + node.docStart, chunkStart + node.docEnd);
  const ctx: SpliceContext = {
    text: chunkText,
    style: { indentSeq: detectIndentSeq(chunkText, node.docStart, node.docEnd) },
  };
  const splice = planInObject(ctx, node, op);
  return { start: splice.start + chunkStart, end: splice.end + chunkStart, text: splice.text };
}

/** Plans an edit inside one object; offsets are relative to ctx.text. */
function planInObject(
  ctx: SpliceContext,
  target: ObjectNode,
  op: Exclude<EditOp, { op: "addObject" }>,
): Splice {
  const root = target.root;
  switch (op.op) {
    case "addParentRef":
      return planAppend(ctx, root, ["spec", "parentRefs"], compact({ ...op.parentRef }));
    case "removeParentRef":
      return planRemove(ctx, root, ["spec", "parentRefs", op.index]);
    case "addBackendRef":
      return planAddBackendRef(ctx, root, op.ruleIndex, compact({ ...op.backendRef }));
    case "removeBackendRef":
      return planRemove(ctx, root, ["spec", "rules", op.ruleIndex, "backendRefs", op.backendIndex]);
    case "setBackendWeight":
      requireExisting(root, ["spec", "rules", op.ruleIndex, "backendRefs", op.backendIndex]);
      return planSet(
        ctx,
        root,
        ["spec", "rules", op.ruleIndex, "backendRefs", op.backendIndex, "weight"],
        op.weight,
      );
    case "removeObject":
      if (!target.list) throw new EditError("a whole document is removed by planRemoveDocument");
      return planRemove(ctx, target.list.listRoot, ["items", target.list.index]);
    case "renameObject":
      throw new EditError("renameObject is expanded before planning");
    case "setField":
      if (op.path.length === 0) throw new EditError("setField needs a path");
      return planSet(ctx, root, op.path, op.value);
    case "removeField":
      return planRemove(ctx, root, op.path);
  }
}

function planAddBackendRef(
  ctx: SpliceContext,
  root: YAMLMap,
  ruleIndex: number,
  backendRef: Record<string, unknown>,
): Splice {
  const rules = root.getIn(["spec", "rules"], true) as { items?: unknown[] } | undefined;
  const count = rules && Array.isArray(rules.items) ? rules.items.length : 0;
  if (ruleIndex > count || ruleIndex < 0)
    throw new EditError(`rule ${ruleIndex} does not exist (the route has ${count})`);
  if (ruleIndex === count)
    return planAppend(ctx, root, ["spec", "rules"], { backendRefs: [backendRef] });
  return planAppend(ctx, root, ["spec", "rules", ruleIndex, "backendRefs"], backendRef);
}

function planRemoveDocument(text: string, start: number, end: number): Splice {
  // The document's own `...` end marker and the directives before it (`%YAML 1.2`) go with it:
  // a directive left over in front of a `...` or of nothing is a syntax error.
  const endMarker = /^\.\.\.[ \t]*(#[^\r\n]*)?(\r?\n|$)/.exec(text.slice(end));
  if (endMarker) end += endMarker[0].length;
  start = directivesStart(text, start);
  // A byte-order mark belongs to the file: removing its first document keeps it.
  if (start === 0 && text.startsWith("\uFEFF")) start = 1;
  // Removing the first document would leave the next one opening with a bare `---`: take it too.
  const nextMarker =
    start === 0 || (start === 1 && text.startsWith("\uFEFF"))
      ? /^---[ \t]*(\r?\n|$)/.exec(text.slice(end))
      : null;
  return { start, end: end + (nextMarker?.[0].length ?? 0), text: "" };
}

/** Where the run of directive lines (`%…`) that ends right before `start` begins. */
function directivesStart(text: string, start: number): number {
  let at = start;
  while (at > 0) {
    let lineStart = text.lastIndexOf("\n", at - 2) + 1;
    // A byte-order mark stays: it belongs to the file, not to the document.
    if (lineStart === 0 && text.startsWith("\uFEFF")) lineStart = 1;
    if (lineStart >= at || text[lineStart] !== "%") break;
    at = lineStart;
  }
  return at;
}

function planAddObject(text: string, object: Record<string, unknown>): Splice {
  const body = `${renderBlock(orderObjectKeys(object), 0, { indentSeq: true })}\n`;
  if (text.trim() === "") return { start: 0, end: text.length, text: body };
  const base = text.endsWith("\n") ? "" : "\n";
  // A trailing `---` already opens an empty document: fill it instead of adding another marker.
  const marker = /(^|\n)---[ \t]*\n?$/.test(text) ? "" : "---\n";
  return { start: text.length, end: text.length, text: `${base}${marker}${body}` };
}

function requireExisting(root: YAMLMap, path: FieldPath): void {
  if (!root.hasIn(path)) throw new EditError(`${path.join(".")} does not exist`);
}

function compact(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

// ---------------------------------------------------------------- changed ranges

function trackChange(ranges: [number, number][], splice: Splice): [number, number][] {
  const delta = splice.text.length - (splice.end - splice.start);
  let start = splice.start;
  let end = splice.start + splice.text.length;
  const out: [number, number][] = [];
  for (const [s, e] of ranges) {
    if (e < splice.start) out.push([s, e]);
    else if (s > splice.end) out.push([s + delta, e + delta]);
    else {
      start = Math.min(start, s);
      end = Math.max(end, e + delta);
    }
  }
  out.push([start, end]);
  return out.sort((a, b) => a[0] - b[0]);
}

function toLines(text: string, ranges: [number, number][]): ChangedLines[] {
  const lineOf = (offset: number): number => {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  const lines: ChangedLines[] = [];
  for (const [s, e] of ranges) {
    const startLine = lineOf(s);
    const endLine = e > s ? lineOf(text[e - 1] === "\n" ? e - 1 : e) : startLine;
    const previous = lines[lines.length - 1];
    if (previous && startLine <= previous.endLine + 1)
      previous.endLine = Math.max(previous.endLine, endLine);
    else lines.push({ startLine, endLine });
  }
  return lines;
}
