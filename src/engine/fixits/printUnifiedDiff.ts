/**
 * A unified diff (as `diff -u` prints it, 3 lines of context) between two versions of one file:
 * how the designer previews a fix-it before applying it. Lines are compared after trimming the
 * common head and tail, so a small edit in a large file costs only the changed middle.
 */
const CONTEXT = 3;
/** Above this many cells the middle is shown as one replaced block instead of a minimal diff. */
const MAX_LCS_CELLS = 4_000_000;

type Op = { kind: " " | "-" | "+"; line: string };

export function printUnifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((line): Op => ({ kind: " ", line })),
    ...diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line): Op => ({ kind: " ", line })),
  ];
  return [`--- a/${file}`, `+++ b/${file}`, ...printHunks(ops)].join("\n") + "\n";
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function diffMiddle(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_LCS_CELLS)
    return [
      ...a.map((line): Op => ({ kind: "-", line })),
      ...b.map((line): Op => ({ kind: "+", line })),
    ];
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: " ", line: a[i] ?? "" });
      i++;
      j++;
    } else if (
      i < a.length &&
      (j === b.length || (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))
    ) {
      // Deletions before insertions, as diff -u prints a replaced line.
      out.push({ kind: "-", line: a[i] ?? "" });
      i++;
    } else {
      out.push({ kind: "+", line: b[j] ?? "" });
      j++;
    }
  }
  return out;
}

function printHunks(ops: Op[]): string[] {
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]?.kind === " ") {
      k++;
      continue;
    }
    // A hunk: from CONTEXT lines before the first change to CONTEXT lines after the last change
    // that is followed by fewer than 2*CONTEXT unchanged lines.
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    while (end < ops.length) {
      let run = 0;
      while (end + run < ops.length && ops[end + run]?.kind === " ") run++;
      if (end + run >= ops.length || run > 2 * CONTEXT) {
        end = Math.min(ops.length, end + Math.min(run, CONTEXT));
        break;
      }
      end += run;
      while (end < ops.length && ops[end]?.kind !== " ") end++;
    }
    const before = ops.slice(0, start);
    const oldStart = before.filter((o) => o.kind !== "+").length + 1;
    const newStart = before.filter((o) => o.kind !== "-").length + 1;
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.kind !== "+").length;
    const newCount = hunk.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    k = end;
  }
  return out;
}

/** diff -u prints "start,count", just "start" for one line, and "start-1,0" for an empty side. */
function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return `${count === 0 ? start - 1 : start},${count}`;
}
