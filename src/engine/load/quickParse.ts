/**
 * A fast reader for the YAML that Kubernetes manifests are nearly always written in: one document
 * of block mappings and sequences, single-line plain and quoted scalars, single-line flow
 * collections and comments. It builds the plain value directly (what `Document.toJS()` gives)
 * plus where the root object starts and ends, about ten times faster than the `yaml` library's
 * Document, which keeps a node object per value.
 *
 * It never guesses: anything outside that subset (anchors, aliases, tags, block scalars,
 * multi-line scalars or flow collections, tabs, CR line ends, directives, duplicate or complex
 * keys, odd keys such as `__proto__` or `<<`, anything that would be a syntax error) makes it
 * give up (`undefined`), and the loader parses the chunk with the `yaml` library as before. Plain
 * scalars that may be numbers, booleans or nulls are resolved by coreScalar.ts, which reads them
 * exactly as the `yaml` library's core schema does (so this reader never loads `yaml`). The full Document, with its node ranges, is built later and
 * only for a document that needs a location (a diagnostic) or an edit.
 *
 * equivalence: quickParse.test.ts compares it with the `yaml` library on every fixture, every
 * conformance manifest and generated input.
 */
import { NOT_PLAIN_SCALAR, NUMBER_LIKE, resolveCoreScalar } from "./coreScalar";
import { findFlow, forgetFlows, foundFlowEnd, rememberFlow } from "./sharedFlows";

export interface QuickDocument {
  /** The document's value, as `Document.toJS()` would give it: always a mapping here. */
  value: Record<string, unknown>;
  /** 0-based line and column (in the chunk) of the root mapping's first key. */
  startLine: number;
  startColumn: number;
  /** 0-based line of the root mapping's last content line. */
  endLine: number;
}

/** Whether the text holds a tab, CR, other control character or byte-order mark. */
function hasUnusualCharacters(text: string): boolean {
  return UNUSUAL_CHARACTER.test(text);
}

/**
 * Every control character but the newline, C1 controls and the byte-order mark. One character
 * class, so the scan is linear, and the regex engine's scan is several times faster than a
 * charCodeAt loop over every document of a large workspace.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const UNUSUAL_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff]/;

/** Thrown (never escapes) when the text leaves the subset this reader handles. */
const GIVE_UP: unique symbol = Symbol("quick-parse-gives-up");

/** Deeper documents go to the full parser, which enforces the nesting limit with a diagnostic. */
const MAX_QUICK_DEPTH = 64;
/** YAML limits implicit keys to 1024 characters. */
const MAX_KEY_LENGTH = 1024;

export function quickParseDocument(text: string): QuickDocument | undefined {
  // CR line ends, tabs, control characters and byte-order marks need the full parser's rules.
  if (hasUnusualCharacters(text)) return undefined;
  try {
    return new QuickReader(text).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  } finally {
    releaseItems();
  }
}

/**
 * The entries of the sequences being read, innermost last: a sequence pushes its entries here
 * (its nested sequences push theirs above and take them off before it goes on) and copies them
 * out at its end into a list of their exact length. A list grown by push has room for 17 entries
 * after its first, and most lists in a manifest hold one or two: kept for the whole analysis,
 * the spare room was 40% of a loaded route's memory, and a list per sequence grown by push then
 * copied to its exact length was the largest allocation of loading. This one is grown once.
 */
const pendingItems: unknown[] = [];
/** How many entries of pendingItems are in use. */
let pendingCount = 0;
/** How far pendingItems was filled since it was last cleared. */
let pendingHighWater = 0;

function pushItem(item: unknown): void {
  pendingItems[pendingCount++] = item;
  if (pendingCount > pendingHighWater) pendingHighWater = pendingCount;
}

/** The entries pushed since `base`, as a list of their own, taken off pendingItems. */
function takeItems(base: number): unknown[] {
  const items = pendingItems.slice(base, pendingCount);
  pendingCount = base;
  return items;
}

/** Drops the document's values from pendingItems (also after giving up halfway). */
function releaseItems(): void {
  pendingItems.fill(undefined, 0, pendingHighWater);
  pendingCount = 0;
  pendingHighWater = 0;
}

function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;

class QuickReader {
  private pos = 0;
  /** Line number (0-based) of the line `pos` is on. */
  private line = 0;
  /** Offset where the current line starts. */
  private lineStart = 0;
  /** Last content line seen (not blank, not a comment). */
  private lastContentLine = -1;
  /**
   * Whether the last value read was an empty one (`key:` or `-` with nothing after): the full
   * parser stretches such a value over the comment lines after it, which moves the object's end.
   */
  private lastValueEmpty = false;
  /** Comment lines (any, and indented ones) since the last content line. */
  private commentAfterContent = false;
  private indentedCommentAfterContent = false;
  /** Where isKeyAhead last found a plain key, and that key's colon. */
  private keyStart = -1;
  private keyColon = -1;

  constructor(private readonly text: string) {}

  document(): QuickDocument | undefined {
    let indent = this.nextContentLine();
    if (indent === 0 && this.text.startsWith("---", this.pos)) {
      const after = this.text.charCodeAt(this.pos + 3);
      if (!(Number.isNaN(after) || after === SPACE || after === NEWLINE)) giveUp();
      this.pos += 3;
      this.finishLine();
      indent = this.nextContentLine();
    }
    if (indent < 0) giveUp();
    const startLine = this.line;
    const startColumn = this.pos - this.lineStart;
    if (!this.isKeyAhead()) giveUp();
    const value = this.blockMap(indent, 0);
    if (this.pos < this.text.length) giveUp();
    if (this.indentedCommentAfterContent || (this.commentAfterContent && this.lastValueEmpty))
      giveUp();
    return { value, startLine, startColumn, endLine: this.lastContentLine };
  }

  /**
   * Moves to the first line from `pos` (a line start) holding content, past blank and comment
   * lines, and returns its indentation (`pos` then points at the content), or -1 at the end.
   * Comments after the last content line are noted: the full parser counts an indented one
   * (or any after an empty value) into the object's range, so document() gives up on those.
   */
  private nextContentLine(): number {
    const text = this.text;
    while (this.pos < text.length) {
      let p = this.pos;
      while (text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      if (c === NEWLINE || Number.isNaN(c)) {
        this.nextLine(p);
        continue;
      }
      if (c === HASH) {
        this.commentAfterContent = true;
        if (p > this.pos) this.indentedCommentAfterContent = true;
        const eol = text.indexOf("\n", p);
        this.nextLine(eol < 0 ? text.length : eol);
        continue;
      }
      this.pos = p;
      this.lastContentLine = this.line;
      this.commentAfterContent = false;
      this.indentedCommentAfterContent = false;
      return p - this.lineStart;
    }
    return -1;
  }

  /** `eol` is the offset of the newline (or the end of the text). */
  private nextLine(eol: number): void {
    if (eol >= this.text.length) {
      this.pos = this.text.length;
      return;
    }
    this.pos = eol + 1;
    this.line++;
    this.lineStart = this.pos;
  }

  /** After a value: only spaces and a comment may follow on the line. */
  private finishLine(): void {
    const text = this.text;
    const from = this.pos;
    let p = from;
    while (text.charCodeAt(p) === SPACE) p++;
    const c = text.charCodeAt(p);
    if (c === HASH) {
      if (p === from) giveUp();
      const eol = text.indexOf("\n", p);
      this.nextLine(eol < 0 ? text.length : eol);
      return;
    }
    if (c === NEWLINE || Number.isNaN(c)) {
      this.nextLine(p);
      return;
    }
    giveUp();
  }

  /** Whether a `key:` starts at `pos` (a block mapping entry rather than a scalar). */
  private isKeyAhead(): boolean {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    // A flow collection used as a key is a complex key: the value path gives up on it.
    if (c === 91 || c === 123) return false;
    if (c === 34 || c === 39) {
      const end = quotedEnd(text, this.pos);
      let p = end;
      while (text.charCodeAt(p) === SPACE) p++;
      return text.charCodeAt(p) === COLON && isBreakOrSpace(text.charCodeAt(p + 1));
    }
    for (let p = nextSpecial(text, this.pos); p < text.length; p = nextSpecial(text, p + 1)) {
      const ch = text.charCodeAt(p);
      if (ch === NEWLINE) return false;
      if (ch === COLON && isBreakOrSpace(text.charCodeAt(p + 1))) {
        // blockKey, which reads this key next, starts from the colon found here.
        this.keyStart = this.pos;
        this.keyColon = p;
        return true;
      }
      if (ch === HASH && text.charCodeAt(p - 1) === SPACE) return false;
    }
    return false;
  }

  private isSeqEntryAhead(): boolean {
    return (
      this.text.charCodeAt(this.pos) === DASH && isBreakOrSpace(this.text.charCodeAt(this.pos + 1))
    );
  }

  /** A block mapping whose keys sit at column `indent`; `pos` is at its first key. */
  private blockMap(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_QUICK_DEPTH) giveUp();
    const map: Record<string, unknown> = {};
    for (;;) {
      const entryStart = this.pos;
      const key = this.blockKey();
      if (Object.hasOwn(map, key)) giveUp();
      map[key] = this.blockValue(indent, depth);
      const next = this.nextContentLine();
      if (next < indent) return map;
      // Every entry consumes text; one that did not would be read again forever.
      if (this.pos <= entryStart) giveUp();
      if (next > indent || this.isSeqEntryAhead()) giveUp();
      if (!this.isKeyAhead()) giveUp();
    }
  }

  /** A key and its colon; `pos` ends after the colon. */
  private blockKey(): string {
    const text = this.text;
    const start = this.pos;
    let key: string;
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) {
      key = this.quoted();
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
    } else {
      if (!isPlainStart(text, start, false)) giveUp();
      let p = start;
      if (this.keyStart === start) p = this.keyColon;
      else while (!(text.charCodeAt(p) === COLON && isBreakOrSpace(text.charCodeAt(p + 1)))) p++;
      let end = p;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      key = scalarAt(text, start, end);
      // Keys that YAML would read as numbers, booleans or null become strings in a way the
      // full parser owns.
      if (mayBeNonString(key)) giveUp();
      this.pos = p;
    }
    if (this.pos - start > MAX_KEY_LENGTH || key === "__proto__" || key === "<<") giveUp();
    if (text.charCodeAt(this.pos) !== COLON) giveUp();
    this.pos++;
    return key;
  }

  /** The value after `key:` of a mapping at `indent`; `pos` ends at a line start. */
  private blockValue(indent: number, depth: number): unknown {
    const text = this.text;
    while (text.charCodeAt(this.pos) === SPACE) this.pos++;
    const c = text.charCodeAt(this.pos);
    if (c === NEWLINE || c === HASH || Number.isNaN(c)) {
      if (c === HASH && text.charCodeAt(this.pos - 1) !== SPACE) giveUp();
      this.finishLine();
      const next = this.nextContentLine();
      if (next > indent) return this.blockNode(next, depth + 1);
      // A sequence may sit at its key's indentation.
      if (next === indent && this.isSeqEntryAhead()) return this.blockSeq(indent, depth + 1);
      this.backToLineStart();
      this.lastValueEmpty = true;
      return null;
    }
    const value = this.inlineValue(depth);
    this.finishLine();
    return value;
  }

  /**
   * nextContentLine moved onto a line that belongs to an outer collection; the caller's loop
   * calls nextContentLine again, which finds the same line.
   */
  private backToLineStart(): void {
    // At the end of the text there is no such line: going back would read the last line again
    // (a text ending in `- b:` without a newline looped, growing a list until memory ran out).
    if (this.pos < this.text.length) this.pos = this.lineStart;
  }

  /** Whatever starts at `pos` on a line indented `indent`: a sequence, a mapping or a scalar. */
  private blockNode(indent: number, depth: number): unknown {
    if (this.isSeqEntryAhead()) return this.blockSeq(indent, depth);
    if (this.isKeyAhead()) return this.blockMap(indent, depth);
    const value = this.inlineValue(depth);
    this.finishLine();
    return value;
  }

  /** A block sequence whose dashes sit at column `indent`; `pos` is at its first dash. */
  private blockSeq(indent: number, depth: number): unknown[] {
    if (depth > MAX_QUICK_DEPTH) giveUp();
    const text = this.text;
    const base = pendingCount;
    for (;;) {
      const entryStart = this.pos;
      this.pos++; // the dash
      while (text.charCodeAt(this.pos) === SPACE) this.pos++;
      const c = text.charCodeAt(this.pos);
      if (c === NEWLINE || c === HASH || Number.isNaN(c)) {
        this.finishLine();
        const next = this.nextContentLine();
        if (next > indent) pushItem(this.blockNode(next, depth + 1));
        else {
          this.backToLineStart();
          this.lastValueEmpty = true;
          pushItem(null);
        }
      } else {
        // A compact mapping or sequence starts on the dash's line, at this column.
        pushItem(this.blockNode(this.pos - this.lineStart, depth + 1));
      }
      const next = this.nextContentLine();
      if (next < indent) return takeItems(base);
      // Every item consumes text; one that did not would be read again forever.
      if (this.pos <= entryStart) giveUp();
      if (next > indent) giveUp();
      if (!this.isSeqEntryAhead()) {
        // The mapping this sequence is the value of continues (indentless sequence).
        this.backToLineStart();
        return takeItems(base);
      }
    }
  }

  /** A scalar or flow collection that must end on this line. */
  private inlineValue(depth: number): unknown {
    this.lastValueEmpty = false;
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === 34 || c === 39) return this.quoted();
    if (c === 91 || c === 123) return this.sharedFlow(depth + 1);
    if (!isPlainStart(text, this.pos, false)) giveUp();
    const start = this.pos;
    let p = start;
    for (p = nextSpecial(text, p); p < text.length; p = nextSpecial(text, p + 1)) {
      const ch = text.charCodeAt(p);
      if (ch === NEWLINE) break;
      if (ch === HASH && text.charCodeAt(p - 1) === SPACE) break;
      // `a: b: c` is an error; `a: b:` too.
      if (ch === COLON && isBreakOrSpace(text.charCodeAt(p + 1))) giveUp();
    }
    let end = p;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    this.pos = end;
    return plainAt(text, start, end);
  }

  /**
   * A value's flow collection, shared with any earlier one on a line of the same text in this load
   * (sharedFlows.ts): a repeat is not read again. Nested collections are read as part of theirs.
   */
  private sharedFlow(depth: number): unknown {
    const start = this.pos;
    const known = findFlow(this.text, start, MAX_QUICK_DEPTH - depth + 1);
    if (known !== undefined) {
      this.pos = foundFlowEnd;
      return known;
    }
    const value = this.flow(depth);
    rememberFlow(this.text, start, this.pos, value);
    return value;
  }

  /** A flow collection on one line; `pos` is at its opening bracket and ends after the closing one. */
  private flow(depth: number): unknown {
    if (depth > MAX_QUICK_DEPTH) giveUp();
    const text = this.text;
    const open = text.charCodeAt(this.pos);
    const close = open === 91 ? 93 : 125;
    this.pos++;
    // A `[…]` gathers its entries on pendingItems; a `{…}` builds its mapping.
    const isSeq = open === 91;
    const base = pendingCount;
    const map: Record<string, unknown> | undefined = isSeq ? undefined : {};
    this.skipFlowSpaces();
    if (text.charCodeAt(this.pos) === close) {
      this.pos++;
      return isSeq ? [] : map;
    }
    for (;;) {
      if (isSeq) {
        pushItem(this.flowItem(depth));
        this.skipFlowSpaces();
        // `[a: b]` holds single-pair mappings: left to the full parser.
        if (text.charCodeAt(this.pos) === COLON) giveUp();
      } else if (map !== undefined) {
        const keyStart = text.charCodeAt(this.pos);
        if (keyStart === 91 || keyStart === 123) giveUp();
        const key = this.flowItem(depth);
        if (
          typeof key !== "string" ||
          key === "__proto__" ||
          key === "<<" ||
          Object.hasOwn(map, key)
        )
          giveUp();
        if (keyStart !== 34 && keyStart !== 39 && mayBeNonString(key)) giveUp();
        this.skipFlowSpaces();
        if (text.charCodeAt(this.pos) !== COLON || text.charCodeAt(this.pos + 1) !== SPACE)
          giveUp();
        this.pos += 2;
        this.skipFlowSpaces();
        const v = text.charCodeAt(this.pos);
        if (v === 44 || v === close) giveUp();
        map[key] = this.flowItem(depth);
        this.skipFlowSpaces();
      }
      const c = text.charCodeAt(this.pos);
      this.pos++;
      if (c === close) return isSeq ? takeItems(base) : map;
      if (c !== 44) giveUp();
      this.skipFlowSpaces();
      // A trailing comma is valid YAML, but rare: the full parser reads it.
      const after = text.charCodeAt(this.pos);
      if (after === close || after === 44) giveUp();
    }
  }

  private skipFlowSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  private flowItem(depth: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === 34 || c === 39) return this.quoted();
    if (c === 91 || c === 123) return this.flow(depth + 1);
    if (!isPlainStart(text, this.pos, true)) giveUp();
    const start = this.pos;
    let p = start;
    for (;;) {
      p = nextSpecial(text, p);
      const ch = text.charCodeAt(p);
      if (Number.isNaN(ch) || ch === NEWLINE) giveUp();
      if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
      if (ch === HASH && text.charCodeAt(p - 1) === SPACE) giveUp();
      if (ch === COLON) {
        const next = text.charCodeAt(p + 1);
        if (
          next === SPACE ||
          next === 44 ||
          next === 93 ||
          next === 125 ||
          next === NEWLINE ||
          Number.isNaN(next)
        )
          break;
      }
      p++;
    }
    let end = p;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    if (end === start) giveUp();
    this.pos = end;
    return plainAt(text, start, end);
  }

  /** A single-line quoted scalar at `pos`; `pos` ends after the closing quote. */
  private quoted(): string {
    const text = this.text;
    const quote = text.charCodeAt(this.pos);
    let out = "";
    let p = this.pos + 1;
    let from = p;
    for (;;) {
      const ch = text.charCodeAt(p);
      if (Number.isNaN(ch) || ch === NEWLINE) giveUp();
      if (quote === 39 && ch === 39) {
        if (text.charCodeAt(p + 1) !== 39) break;
        out += text.slice(from, p + 1);
        p += 2;
        from = p;
        continue;
      }
      if (quote === 34 && ch === 34) break;
      if (quote === 34 && ch === 92) {
        out += text.slice(from, p);
        const escaped = unescape(text, p + 1);
        out += escaped.text;
        p = escaped.next;
        from = p;
        continue;
      }
      p++;
    }
    this.pos = p + 1;
    // Without escapes, the characters between the quotes are the value.
    return out === "" ? scalarAt(text, from, p) : out + text.slice(from, p);
  }
}

/** Offset just after the quoted scalar starting at `start` (or of the line end when unclosed). */
function quotedEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let p = start + 1; p < text.length; p++) {
    const ch = text.charCodeAt(p);
    if (ch === NEWLINE) return p;
    if (quote === 34 && ch === 92) {
      p++;
      continue;
    }
    if (ch === quote) {
      if (quote === 39 && text.charCodeAt(p + 1) === 39) {
        p++;
        continue;
      }
      return p + 1;
    }
  }
  return text.length;
}

const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [48, "\0"],
  [97, "\x07"],
  [98, "\b"],
  [101, "\x1b"],
  [102, "\f"],
  [110, "\n"],
  [114, "\r"],
  [116, "\t"],
  [118, "\v"],
  [78, "\u0085"],
  [95, "\u00a0"],
  [76, "\u2028"],
  [80, "\u2029"],
  [32, " "],
  [34, '"'],
  [47, "/"],
  [92, "\\"],
]);

function unescape(text: string, at: number): { text: string; next: number } {
  const c = text.charCodeAt(at);
  const simple = SIMPLE_ESCAPES.get(c);
  if (simple !== undefined) return { text: simple, next: at + 1 };
  const digits = c === 120 ? 2 : c === 117 ? 4 : c === 85 ? 8 : 0;
  if (digits === 0) giveUp();
  const hex = text.slice(at + 1, at + 1 + digits);
  if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
  const code = Number.parseInt(hex, 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) giveUp();
  return { text: String.fromCodePoint(code), next: at + 1 + digits };
}

/**
 * 1 at the characters the scans of a line stop at (line break, `#`, `:`, `,`, brackets and
 * braces): nextSpecial skips every other character with one table lookup instead of a comparison
 * per kind of character.
 */
const SPECIAL = new Uint8Array(128);
for (const ch of "\n#:,[]{}") SPECIAL[ch.charCodeAt(0)] = 1;

/** The first offset from `p` holding a SPECIAL character, or the text's length. */
function nextSpecial(text: string, p: number): number {
  const length = text.length;
  while (p < length) {
    const c = text.charCodeAt(p);
    if (c < 128 && SPECIAL[c] === 1) return p;
    p++;
  }
  return length;
}

function isBreakOrSpace(c: number): boolean {
  return c === SPACE || c === NEWLINE || Number.isNaN(c);
}

/**
 * Whether a plain scalar may start at `at`: not with an indicator (`- `, `? `, `: `, `,[]{}#&*!|>'"%@` and
 * backquote), and in flow context `-?:` need a safe character after them.
 */
function isPlainStart(text: string, at: number, inFlow: boolean): boolean {
  const c = text.charCodeAt(at);
  if (c === DASH || c === 63 || c === COLON) {
    const next = text.charCodeAt(at + 1);
    if (isBreakOrSpace(next)) return false;
    return !(inFlow && (next === 44 || next === 91 || next === 93 || next === 123 || next === 125));
  }
  return !(c < 128 && INDICATORS[c] === 1);
}

/** 1 at the char codes of the indicators: a table lookup per scalar instead of a Set's hashing. */
const INDICATORS = new Uint8Array(128);
for (const ch of ",[]{}#&*!|>'\"%@`") INDICATORS[ch.charCodeAt(0)] = 1;

/** 1 at the char codes a plain scalar that may be a number (or `~`, null) starts with: `-+.0-9~`. */
const NUMBER_OR_NULL_START = new Uint8Array(128);
for (const ch of "-+.0123456789~") NUMBER_OR_NULL_START[ch.charCodeAt(0)] = 1;

/**
 * Whether the core schema may read the plain scalar as something else than a string: it is
 * empty, starts with one of `-+.0-9~`, or is a null or boolean word (`null`, `Null`, `NULL`,
 * `true`, `True`, `TRUE`, `false`, `False`, `FALSE`). Called for every key and plain value, so it
 * looks at the first character and the length before comparing any word, and compares words
 * rather than hashing the scalar into a set: `name`, a key of every object, is turned away by its
 * first comparison.
 */
export function mayBeNonString(plain: string): boolean {
  if (plain === "") return true;
  const c = plain.charCodeAt(0);
  if (c < 128 && NUMBER_OR_NULL_START[c] === 1) return true;
  const length = plain.length;
  if (length === 4) {
    if (c === 110 || c === 78) return plain === "null" || plain === "Null" || plain === "NULL";
    if (c === 116 || c === 84) return plain === "true" || plain === "True" || plain === "TRUE";
    return false;
  }
  return (
    length === 5 &&
    (c === 102 || c === 70) &&
    (plain === "false" || plain === "False" || plain === "FALSE")
  );
}

/**
 * The plain scalar between `start` and `end`, resolved. Most values that are not strings are
 * ports, weights and counts: digits only, which the core schema reads as a decimal int (`007` is
 * 7; octal needs `0o`). Those are read in place, without a slice or the schema's tests; a run
 * longer than MAX_SAFE_DIGITS may exceed 2^53, and is left to parseInt so it rounds as before.
 */
function plainAt(text: string, start: number, end: number): unknown {
  const length = end - start;
  if (length > 0 && length <= MAX_SAFE_DIGITS) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === end) return value;
  }
  return resolvePlain(scalarAt(text, start, end));
}

/** Up to 15 digits, every value is below 2^53 and the in-place reading is exact. */
const MAX_SAFE_DIGITS = 15;

function resolvePlain(plain: string): unknown {
  if (!mayBeNonString(plain)) return plain;
  if (plain === "null" || plain === "Null" || plain === "NULL" || plain === "~") return null;
  if (plain === "true" || plain === "True" || plain === "TRUE") return true;
  if (plain === "false" || plain === "False" || plain === "FALSE") return false;
  if (!NUMBER_LIKE.test(plain)) return plain;
  const value = resolveCoreScalar(plain);
  return value === NOT_PLAIN_SCALAR ? giveUp() : value;
}

/**
 * Manifests repeat most of their keys and values (apiVersion, kind, namespace, `name`, `port`,
 * a Gateway's name, `PathPrefix`, a Service's name on every backendRef…). Read as a slice each,
 * every one is a string of its own, about 50 bytes kept as long as the analysis, and every key is
 * looked up again in V8's string table when it becomes a property name. Instead, the text between
 * two offsets is first looked for among the strings this load already read, in a table indexed
 * by a hash of its length and a few of its characters and compared in place: a
 * value or key met before costs no allocation and is held once. A slot holds the last string
 * hashed to it (direct-mapped: one-off values such as route names only evict each other's slot),
 * so the table is bounded, and it is emptied when a load ends (`forgetScalars`, by the loader) so
 * it keeps no text alive after its analysis.
 */
const SCALAR_SLOTS = 8192;
const MAX_SHARED_LENGTH = 64;
const scalarSlots: (string | undefined)[] = new Array<string | undefined>(SCALAR_SLOTS).fill(
  undefined,
);

/** `text.slice(start, end)`, as a string this load already holds when it read the same before. */
export function scalarAt(text: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 0 || length > MAX_SHARED_LENGTH) return text.slice(start, end);
  // Characters at fixed places of the string itself (never outside it), so equal strings meet.
  const last = end - 1;
  let h = Math.imul(length ^ 0x811c9dc5, 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start + (length > 1 ? 1 : 0)), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start + (length >> 1)), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(last - (length > 2 ? 1 : 0)), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(last), 0x01000193);
  const slot = (h ^ (h >>> 13)) & (SCALAR_SLOTS - 1);
  const known = scalarSlots[slot];
  if (known !== undefined && known.length === length && sameAt(text, start, known)) return known;
  const fresh = text.slice(start, end);
  scalarSlots[slot] = fresh;
  return fresh;
}

/**
 * Whether `text` holds `known` at `start` (its length already checked). A loop: for strings this
 * short it is several times faster than startsWith, which is a call into the runtime.
 */
function sameAt(text: string, start: number, known: string): boolean {
  for (let i = 0; i < known.length; i++)
    if (text.charCodeAt(start + i) !== known.charCodeAt(i)) return false;
  return true;
}

/**
 * Empties the tables scalarAt and sharedFlow read: their strings would keep their text alive, and
 * their values belong to the load that read them.
 */
export function forgetScalars(): void {
  scalarSlots.fill(undefined);
  forgetFlows();
}
