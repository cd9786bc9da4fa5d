#!/usr/bin/env node
/**
 * Reads the Chrome trace `BENCH_UI_TRACE=file.json npm run bench:ui` writes and says where each
 * keystroke's main-thread time went: `node bench/ui/keystrokeTrace.mjs file.json`.
 *
 * A keystroke is the span between the page's `bench:keydown` and `bench:painted` marks. Every
 * top-level task of the page's main thread in it is put in one kind: the keydown task (Monaco's
 * typing, the store's update, the analysis sent), a rendering frame (after the answer: the frame
 * that shows the change, then the one the bench's `painted` mark lands in), the worker's answer
 * (postMessage: delta applied, markers, React's render and commit of the canvas), or other. CPU is
 * the trace's thread time (`tdur`), which load on a shared machine inflates less than wall time.
 * The sampled profile then gives, per kind, the functions with the most inclusive time (sampled,
 * so inflated by the tracing itself: compare proportions, not absolute values). An unminified
 * build (`vite build --minify false --outDir dist-bench-ui`) gives readable names. Each kind also
 * lists the browser's work in it by trace event (style, layout, paint, layerize, script), CPU ms
 * per keystroke.
 *
 * A third argument, function names separated by commas (`_updateBrackets,writeJournal`), also
 * prints, per name, the CPU per keystroke of the tasks in the spans whose samples ran it (the
 * whole task's CPU: exact for a task that does one thing, such as a timer; an upper bound for a
 * frame). Those names come from an unminified build.
 */
import { readFileSync } from "node:fs";

const [file, topArg, runningArg] = process.argv.slice(2);
if (!file) {
  console.error(
    "usage: node bench/ui/keystrokeTrace.mjs trace.json [functions per kind] [function,function…]",
  );
  process.exit(2);
}
const TOP = Number(topArg ?? 15);
const parsed = JSON.parse(readFileSync(file, "utf8"));
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
const mainThread = events.find((e) => e.name === "thread_name" && e.args.name === "CrRendererMain");
if (!mainThread) throw new Error("no renderer main thread in the trace");
const { pid, tid } = mainThread;
const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X");

const marks = events
  .filter((e) => e.pid === pid && (e.name === "bench:keydown" || e.name === "bench:painted"))
  .sort((a, b) => a.ts - b.ts);
const keystrokes = [];
for (let i = 0; i < marks.length; i++) {
  if (marks[i].name !== "bench:keydown") continue;
  const painted = marks.slice(i + 1).find((m) => m.name === "bench:painted");
  if (painted) keystrokes.push({ from: marks[i].ts, to: painted.ts });
}
if (keystrokes.length === 0) throw new Error("no bench:keydown … bench:painted marks in the trace");

const tasks = onMain.filter(
  (e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask",
);
const KEY_EVENTS = new Set(["keydown", "keypress", "textInput", "input"]);
const answerMarks = events.filter((e) => e.pid === pid && e.name === "gwsim:analysis-received");
/**
 * What a task is: the worker's answer (it holds the page's `gwsim:analysis-received` mark, so this
 * holds in a minified build too), the keydown, a rendering frame, the keyup, the document's
 * selectionchange, a timer, an idle callback, React's scheduler (by its function's name: an
 * unminified build), another message (Monaco's workers), or other.
 */
function kindOf(task) {
  const end = task.ts + task.dur;
  if (answerMarks.some((m) => m.ts >= task.ts && m.ts < end)) return "answer";
  const inside = onMain.filter((e) => e.ts >= task.ts && e.ts < end && e !== task);
  const dispatched = (types) =>
    inside.some((e) => e.name === "EventDispatch" && types.has(e.args?.data?.type));
  if (dispatched(KEY_EVENTS)) return "keydown";
  if (inside.some((e) => ["FireAnimationFrame", "Paint", "Layout"].includes(e.name)))
    return "frame";
  if (dispatched(new Set(["keyup"]))) return "keyup";
  if (dispatched(new Set(["selectionchange"]))) return "selectionchange";
  if (inside.some((e) => e.name === "FireIdleCallback")) return "idle callback";
  if (inside.some((e) => e.name === "TimerFire")) return "timer";
  if (
    inside.some(
      (e) => e.name === "FunctionCall" && e.args?.data?.functionName === "performWorkUntilDeadline",
    )
  )
    return "React's scheduler";
  if (inside.some((e) => e.name === "HandlePostMessage")) return "message (Monaco's workers)";
  return "other";
}

// The sampled CPU profile of the main thread.
const profile = events.find((e) => e.pid === pid && e.tid === tid && e.name === "Profile");
const nodes = new Map();
const samples = [];
for (const e of events) {
  if (!profile || e.name !== "ProfileChunk" || e.pid !== pid || e.id !== profile.id) continue;
  const cpuProfile = e.args.data.cpuProfile ?? {};
  for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node);
  const deltas = e.args.data.timeDeltas ?? [];
  let ts = samples.length > 0 ? samples[samples.length - 1].ts : profile.args.data.startTime;
  (cpuProfile.samples ?? []).forEach((id, k) => {
    ts += deltas[k] ?? 0;
    samples.push({ id, ts });
  });
}
const frameName = (cf) =>
  `${cf.functionName || "(anonymous)"} ${(cf.url || "").split("/").pop()}:${cf.lineNumber}`;

/**
 * The browser's own work inside a task, by trace event (CPU, nested events counted in each: a
 * Layout inside a FunctionCall is a layout the script forced).
 */
const CATEGORIES = new Set([
  "FunctionCall",
  "RunMicrotasks",
  "FireAnimationFrame",
  "TimerFire",
  "UpdateLayoutTree",
  "Layout",
  "PrePaint",
  "Paint",
  "Layerize",
  "Commit",
  "MinorGC",
  "MajorGC",
]);
const byKind = new Map();
const perKeystroke = [];
const runningNames = (runningArg ?? "").split(",").filter((name) => name !== "");
/** Per name in runningNames: the CPU of the measured tasks whose samples ran it. */
const runningCpu = new Map(runningNames.map((name) => [name, { cpu: 0, tasks: 0 }]));
const runs = (sample, name) => {
  for (let node = nodes.get(sample.id); node; node = nodes.get(node.parent))
    if (node.callFrame.functionName === name) return true;
  return false;
};
// The first keystroke opens the Problems panel (a relayout of every pane), and the trace's sampling
// profiler starts inside one of its tasks (a stall of a second, before the keydown mark): left out.
const measured = keystrokes.length > 1 ? keystrokes.slice(1) : keystrokes;
for (const { from, to } of measured) {
  let cpu = 0;
  const inWindow = tasks.filter((task) => task.ts + task.dur >= from && task.ts < to);
  const answerTask = inWindow.find((task) => kindOf(task) === "answer");
  let framesAfter = 0;
  for (const task of inWindow) {
    // Before the answer, the main thread's work delays it; after it, the frame that shows it.
    const phase = answerTask === undefined || task.ts < answerTask.ts ? "before" : "after";
    let taskKind = kindOf(task);
    // The first frame after the answer draws the squiggles and the graph (Monaco renders in its
    // animation frame callback); the bench's `painted` mark lands in the next one.
    if (phase === "after" && taskKind === "frame")
      taskKind = framesAfter++ === 0 ? "frame that shows it" : "frame after that";
    const kind = taskKind === "answer" ? "answer" : `${phase} the answer: ${taskKind}`;
    const entry = byKind.get(kind) ?? {
      cpu: 0,
      tasks: 0,
      categories: new Map(),
      functions: new Map(),
    };
    byKind.set(kind, entry);
    entry.cpu += (task.tdur ?? task.dur) / 1000;
    entry.tasks += 1;
    cpu += (task.tdur ?? task.dur) / 1000;
    for (const e of onMain) {
      if (e.ts < task.ts || e.ts >= task.ts + task.dur || e === task || !CATEGORIES.has(e.name))
        continue;
      entry.categories.set(e.name, (entry.categories.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
    }
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < task.ts + task.dur);
    for (const [name, running] of runningCpu) {
      if (!inTask.some((sample) => runs(sample, name))) continue;
      running.cpu += (task.tdur ?? task.dur) / 1000;
      running.tasks += 1;
    }
    inTask.forEach((sample, k) => {
      const next = k + 1 < inTask.length ? inTask[k + 1].ts : task.ts + task.dur;
      const ms = (next - sample.ts) / 1000;
      const seen = new Set();
      for (let node = nodes.get(sample.id); node; node = nodes.get(node.parent)) {
        const name = frameName(node.callFrame);
        if (seen.has(name) || name.startsWith("(root)")) continue;
        seen.add(name);
        entry.functions.set(name, (entry.functions.get(name) ?? 0) + ms);
      }
    });
  }
  perKeystroke.push({ wall: (to - from) / 1000, cpu });
}

const n = measured.length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => x.toFixed(1).padStart(6);
console.log(
  `${n} keystrokes (the first left out): wall median ${ms(median(perKeystroke.map((k) => k.wall)))} ms, ` +
    `main-thread CPU median ${ms(median(perKeystroke.map((k) => k.cpu)))} ms`,
);
for (const [kind, entry] of [...byKind].sort((a, b) => b[1].cpu - a[1].cpu)) {
  const categories = [...entry.categories]
    .sort((a, b) => b[1] - a[1])
    .map(([name, total]) => `${name} ${(total / n).toFixed(1)}`)
    .join(", ");
  console.log(
    `\n${kind}: ${ms(entry.cpu / n)} ms CPU in ${(entry.tasks / n).toFixed(1)} tasks per keystroke (${categories}); sampled inclusive time:`,
  );
  const top = [...entry.functions].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  for (const [name, total] of top) console.log(`  ${ms(total / n)}  ${name}`);
}

// Where the bench's `painted` mark lands against the frame before it (the frame that shows the
// change): after that frame's Paint, Layerize and Commit, in a later task, before the next frame.
const FRAME_STEPS = ["FireAnimationFrame", "Paint", "Layerize", "Commit"];
const hasFrameCallbacks = (task) =>
  onMain.some(
    (e) => e.name === "FireAnimationFrame" && e.ts >= task.ts && e.ts < task.ts + task.dur,
  );
const order = measured.map(({ to }) => {
  const frame = tasks.filter((t) => t.ts + t.dur <= to && hasFrameCallbacks(t)).pop();
  const next = tasks.find((t) => t.ts > to && hasFrameCallbacks(t));
  const steps = new Map();
  for (const e of onMain)
    if (frame && FRAME_STEPS.includes(e.name) && e.ts >= frame.ts && e.ts < frame.ts + frame.dur)
      steps.set(e.name, Math.max(steps.get(e.name) ?? 0, e.ts + e.dur));
  return {
    allBefore: FRAME_STEPS.every((name) => steps.has(name) && steps.get(name) <= to),
    afterCommit: (to - (steps.get("Commit") ?? Number.NaN)) / 1000,
    beforeNextFrame: next === undefined || to < next.ts,
  };
});
console.log(
  `\npainted mark: after its frame's ${FRAME_STEPS.join(", ")} in ${order.filter((o) => o.allBefore).length} of ${n} keystrokes, ` +
    `before the next frame in ${order.filter((o) => o.beforeNextFrame).length}; ` +
    `Commit end → mark median ${ms(median(order.map((o) => o.afterCommit)))} ms, ` +
    `max ${ms(order.reduce((max, o) => (o.afterCommit > max ? o.afterCommit : max), 0))} ms`,
);
for (const [name, { cpu, tasks: count }] of runningCpu)
  console.log(
    `\ntasks running ${name}: ${ms(cpu / n)} ms CPU in ${(count / n).toFixed(1)} tasks per keystroke`,
  );
