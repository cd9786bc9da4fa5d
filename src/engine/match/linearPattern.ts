/**
 * A small linear-time matcher for the regular expressions the vendored CRDs' `pattern`s are
 * written in, so that checking them does not need re2js (45 KB of the engine worker's first
 * JavaScript). It answers what RE2 answers (JSON Schema's search semantics: a match anywhere in the
 * value) for the subset of RE2 syntax it parses, and refuses every other pattern (undefined), which
 * the caller then hands to re2js.
 *
 * The subset: literals, `\` before ASCII punctuation, `\xHH`, `.`, classes `[...]`/`[^...]` of
 * literals and ranges, groups `(...)`, `|`, `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` and the anchors
 * `^` and `$` (text start and end, as RE2 without the multi-line flag). Matching simulates the
 * compiled automaton over all its states at once (Thompson's construction, no backtracking), so its
 * time is linear in the value for a given pattern.
 */

/** A parsed pattern; exported for the tests that generate values from it. */
export type PatternNode =
  | { kind: "set"; ranges: readonly number[]; negated: boolean }
  | { kind: "begin" }
  | { kind: "end" }
  | { kind: "concat"; items: readonly PatternNode[] }
  | { kind: "alt"; options: readonly PatternNode[] }
  | { kind: "repeat"; item: PatternNode; min: number; max: number };

/** `max` of a repeat without an upper bound. */
export const UNBOUNDED = -1;
/** RE2's own limit on a counted repetition. */
const MAX_REPEAT = 1000;
/** Instructions a pattern may compile to; past this the pattern is left to re2js. */
const MAX_PROGRAM = 20_000;
const NEWLINE = 0x0a;

class Unsupported extends Error {}

/** The pattern's syntax tree, or undefined when it is outside the subset (or not valid RE2). */
export function parseLinearPattern(source: string): PatternNode | undefined {
  try {
    const parser = new Parser(source);
    const node = parser.alternation();
    if (!parser.atEnd()) throw new Unsupported();
    return node;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Parser {
  private readonly chars: readonly string[];
  private at = 0;

  constructor(source: string) {
    this.chars = Array.from(source);
  }

  atEnd(): boolean {
    return this.at >= this.chars.length;
  }

  private peek(): string | undefined {
    return this.chars[this.at];
  }

  private take(): string {
    const c = this.chars[this.at++];
    if (c === undefined) throw new Unsupported();
    return c;
  }

  alternation(): PatternNode {
    const options = [this.concatenation()];
    while (this.peek() === "|") {
      this.at++;
      options.push(this.concatenation());
    }
    return options.length === 1 ? (options[0] as PatternNode) : { kind: "alt", options };
  }

  private concatenation(): PatternNode {
    const items: PatternNode[] = [];
    for (let c = this.peek(); c !== undefined && c !== "|" && c !== ")"; c = this.peek()) {
      items.push(this.repetition());
    }
    return items.length === 1 ? (items[0] as PatternNode) : { kind: "concat", items };
  }

  private repetition(): PatternNode {
    const item = this.atom();
    const bounds = this.quantifier();
    if (bounds === undefined) return item;
    // RE2 refuses a repeated anchor or a second operator; lazy `?` is left to re2js too.
    if (item.kind === "begin" || item.kind === "end") throw new Unsupported();
    const next = this.peek();
    if (next === "*" || next === "+" || next === "?" || next === "{") throw new Unsupported();
    return { kind: "repeat", item, min: bounds[0], max: bounds[1] };
  }

  private quantifier(): [number, number] | undefined {
    switch (this.peek()) {
      case "*":
        this.at++;
        return [0, UNBOUNDED];
      case "+":
        this.at++;
        return [1, UNBOUNDED];
      case "?":
        this.at++;
        return [0, 1];
      case "{": {
        this.at++;
        const min = this.number();
        let max = min;
        if (this.peek() === ",") {
          this.at++;
          max = this.peek() === "}" ? UNBOUNDED : this.number();
        }
        if (this.take() !== "}") throw new Unsupported();
        if (min > MAX_REPEAT || max > MAX_REPEAT || (max !== UNBOUNDED && max < min)) {
          throw new Unsupported();
        }
        return [min, max];
      }
      default:
        return undefined;
    }
  }

  private number(): number {
    let digits = "";
    for (let c = this.peek(); c !== undefined && c >= "0" && c <= "9"; c = this.peek()) {
      digits += this.take();
    }
    if (digits === "" || digits.length > 4) throw new Unsupported();
    return Number(digits);
  }

  private atom(): PatternNode {
    const c = this.take();
    switch (c) {
      case "(": {
        if (this.peek() === "?") throw new Unsupported();
        const inner = this.alternation();
        if (this.take() !== ")") throw new Unsupported();
        return inner;
      }
      case "[":
        return this.characterClass();
      case ".":
        return { kind: "set", ranges: [NEWLINE, NEWLINE], negated: true };
      case "^":
        return { kind: "begin" };
      case "$":
        return { kind: "end" };
      case "\\": {
        const code = this.escape();
        return { kind: "set", ranges: [code, code], negated: false };
      }
      case ")":
      case "]":
      case "{":
      case "}":
      case "*":
      case "+":
      case "?":
        throw new Unsupported();
      default: {
        const code = c.codePointAt(0) as number;
        return { kind: "set", ranges: [code, code], negated: false };
      }
    }
  }

  /** After a `\`: an escaped ASCII punctuation character or `\xHH`; anything else is re2js's. */
  private escape(): number {
    const c = this.take();
    if (c === "x") {
      const hex = this.take() + this.take();
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new Unsupported();
      return parseInt(hex, 16);
    }
    if (/^[!-/:-@[-`{-~]$/.test(c)) return c.codePointAt(0) as number;
    throw new Unsupported();
  }

  private characterClass(): PatternNode {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    // A leading `]` or any `[` inside (POSIX classes) is left to re2js.
    if (this.peek() === "]") throw new Unsupported();
    const ranges: number[] = [];
    let first = true;
    for (;;) {
      const c = this.take();
      if (c === "]") break;
      if (c === "[") throw new Unsupported();
      // An unescaped `-` only first or last, where every RE2 dialect reads it as a literal.
      if (c === "-" && !first && this.peek() !== "]") throw new Unsupported();
      const lo = this.classMember(c);
      let hi = lo;
      if (c !== "-" && this.peek() === "-" && this.chars[this.at + 1] !== "]") {
        this.at++;
        const end = this.take();
        if (end === "[" || end === "]" || end === "-") throw new Unsupported();
        hi = this.classMember(end);
        if (hi < lo) throw new Unsupported();
      }
      ranges.push(lo, hi);
      first = false;
    }
    if (ranges.length === 0) throw new Unsupported();
    return { kind: "set", ranges, negated };
  }

  private classMember(c: string): number {
    return c === "\\" ? this.escape() : (c.codePointAt(0) as number);
  }
}

const OP_SET = 0;
const OP_SPLIT = 1;
const OP_JUMP = 2;
const OP_BEGIN = 3;
const OP_END = 4;
const OP_MATCH = 5;

/** A compiled set: ASCII by table, the rest by its ranges. */
interface CodeSet {
  ascii: Uint8Array;
  ranges: readonly number[];
  negated: boolean;
}

class Program {
  readonly ops: number[] = [];
  readonly targets: number[] = [];
  readonly alternatives: number[] = [];
  readonly sets: (CodeSet | undefined)[] = [];

  emit(op: number, target = 0, alternative = 0, set?: CodeSet): number {
    if (this.ops.length >= MAX_PROGRAM) throw new Unsupported();
    this.ops.push(op);
    this.targets.push(target);
    this.alternatives.push(alternative);
    this.sets.push(set);
    return this.ops.length - 1;
  }

  node(node: PatternNode): void {
    switch (node.kind) {
      case "set":
        this.emit(OP_SET, 0, 0, codeSet(node.ranges, node.negated));
        return;
      case "begin":
        this.emit(OP_BEGIN);
        return;
      case "end":
        this.emit(OP_END);
        return;
      case "concat":
        for (const item of node.items) this.node(item);
        return;
      case "alt": {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          if (i === node.options.length - 1) {
            this.node(option);
            return;
          }
          const split = this.emit(OP_SPLIT);
          this.targets[split] = split + 1;
          this.node(option);
          jumps.push(this.emit(OP_JUMP));
          this.alternatives[split] = this.ops.length;
        });
        for (const jump of jumps) this.targets[jump] = this.ops.length;
        return;
      }
      case "repeat":
        this.repeat(node.item, node.min, node.max);
        return;
    }
  }

  private repeat(item: PatternNode, min: number, max: number): void {
    for (let i = 0; i < min; i++) this.node(item);
    if (max === UNBOUNDED) {
      const split = this.emit(OP_SPLIT);
      this.targets[split] = split + 1;
      this.node(item);
      this.emit(OP_JUMP, split);
      this.alternatives[split] = this.ops.length;
      return;
    }
    // Each optional copy may end the repetition: x{0,2} is (x(x)?)?.
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      const split = this.emit(OP_SPLIT);
      this.targets[split] = split + 1;
      splits.push(split);
      this.node(item);
    }
    for (const split of splits) this.alternatives[split] = this.ops.length;
  }
}

function codeSet(ranges: readonly number[], negated: boolean): CodeSet {
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) ascii[code] = inRanges(ranges, code) !== negated ? 1 : 0;
  return { ascii, ranges, negated };
}

function inRanges(ranges: readonly number[], code: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if (code >= (ranges[i] as number) && code <= (ranges[i + 1] as number)) return true;
  }
  return false;
}

function inSet(set: CodeSet, code: number): boolean {
  return code < 128 ? set.ascii[code] === 1 : inRanges(set.ranges, code) !== set.negated;
}

/**
 * A function telling whether the pattern matches anywhere in a value (RE2's answer), or undefined
 * when the pattern is outside the subset this module parses.
 */
export function compileLinearPattern(source: string): ((value: string) => boolean) | undefined {
  const tree = parseLinearPattern(source);
  if (tree === undefined) return undefined;
  const program = new Program();
  try {
    program.node(tree);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  program.emit(OP_MATCH);
  return simulator(program);
}

/**
 * The automaton's states that run at once, as one state of a deterministic automaton built while
 * matching (each set of states is computed once, then its transitions on ASCII characters are
 * remembered), so a value costs one table lookup per character once the pattern is warm.
 */
interface StateSet {
  /** The reading states in the set. */
  readonly threads: readonly number[];
  /** The match is reached in the text's interior (so the search has found one). */
  readonly matched: boolean;
  /** The match is reached when the text ends here (through `$`). */
  readonly matchedAtEnd: boolean;
  /** Its index among the remembered sets, -1 when there were too many to remember it. */
  readonly id: number;
  /** Transitions on ASCII characters: the index of the next set, -1 until computed. */
  readonly next: Int32Array | undefined;
}

/** Sets remembered per pattern; past this they are computed for each character (still linear). */
const MAX_STATE_SETS = 4096;

function simulator(program: Program): (value: string) => boolean {
  const ops = Int8Array.from(program.ops);
  const targets = Int32Array.from(program.targets);
  const alternatives = Int32Array.from(program.alternatives);
  const sets = program.sets;
  // Whether a match may start after the text's first position (it may not when every way
  // through the pattern begins with `^`): then the search starts a thread at every position.
  const restarts = reachesPastBegin(ops, targets, alternatives);
  const marks = new Uint32Array(ops.length);
  let generation = 0;
  const states: StateSet[] = [];
  const known = new Map<string, number>();

  /** Reading states and whether the match is reached, following every non-reading step. */
  const close = (seeds: readonly number[], atBegin: boolean, atEnd: boolean) => {
    generation++;
    const threads: number[] = [];
    let matched = false;
    const stack = seeds.slice();
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (marks[pc] === generation) continue;
      marks[pc] = generation;
      switch (ops[pc]) {
        case OP_SET:
          threads.push(pc);
          break;
        case OP_SPLIT:
          stack.push(alternatives[pc] as number, targets[pc] as number);
          break;
        case OP_JUMP:
          stack.push(targets[pc] as number);
          break;
        case OP_BEGIN:
          if (atBegin) stack.push(pc + 1);
          break;
        case OP_END:
          if (atEnd) stack.push(pc + 1);
          break;
        case OP_MATCH:
          matched = true;
          break;
      }
    }
    threads.sort((a, b) => a - b);
    return { threads, matched };
  };

  const stateFor = (seeds: readonly number[], atBegin: boolean): StateSet => {
    const inside = close(seeds, atBegin, false);
    const matchedAtEnd = inside.matched || close(seeds, atBegin, true).matched;
    const key = `${inside.matched ? 1 : 0}${matchedAtEnd ? 1 : 0}${inside.threads.join(",")}`;
    const at = known.get(key);
    if (at !== undefined) return states[at] as StateSet;
    const remembered = states.length < MAX_STATE_SETS;
    const state: StateSet = {
      threads: inside.threads,
      matched: inside.matched,
      matchedAtEnd,
      id: remembered ? states.length : -1,
      next: remembered ? new Int32Array(128).fill(-1) : undefined,
    };
    if (remembered) {
      known.set(key, states.length);
      states.push(state);
    }
    return state;
  };

  const step = (from: StateSet, code: number): StateSet => {
    const seeds: number[] = [];
    for (const pc of from.threads) if (inSet(sets[pc] as CodeSet, code)) seeds.push(pc + 1);
    if (restarts) seeds.push(0);
    return stateFor(seeds, false);
  };

  const initial = stateFor([0], true);

  return (value) => {
    const length = value.length;
    let state = initial;
    let position = 0;
    while (position < length) {
      if (state.matched) return true;
      if (state.threads.length === 0 && !restarts) return false;
      const code = value.codePointAt(position) as number;
      position += code > 0xffff ? 2 : 1;
      const next = state.next;
      if (code < 128 && next !== undefined) {
        const known = next[code] as number;
        if (known >= 0) {
          state = states[known] as StateSet;
          continue;
        }
        const computed = step(state, code);
        if (computed.id >= 0) next[code] = computed.id;
        state = computed;
      } else {
        state = step(state, code);
      }
    }
    return state.matched || state.matchedAtEnd;
  };
}

/** True when some path from the start reaches a reading state or the match without passing `^`. */
function reachesPastBegin(ops: Int8Array, targets: Int32Array, alternatives: Int32Array): boolean {
  const seen = new Uint8Array(ops.length);
  const stack = [0];
  while (stack.length > 0) {
    const pc = stack.pop() as number;
    if (seen[pc] === 1) continue;
    seen[pc] = 1;
    switch (ops[pc]) {
      case OP_SET:
      case OP_MATCH:
        return true;
      case OP_SPLIT:
        stack.push(targets[pc] as number, alternatives[pc] as number);
        break;
      case OP_JUMP:
        stack.push(targets[pc] as number);
        break;
      case OP_END:
        stack.push(pc + 1);
        break;
    }
  }
  return false;
}
