/**
 * Gates in front of two monaco-yaml providers that Monaco calls after every keystroke. Each call
 * makes monaco-yaml's worker re-parse the whole workspace file (about 100 ms of CPU at 300
 * documents) although, for a keystroke, neither usually has anything new to say:
 * - folding ranges are asked for again once typing pauses for FOLDING_QUIET_MS (Monaco keeps the
 *   current folds moving with the text meanwhile), not after each keystroke;
 * - code actions: with monaco-yaml's validation off, its only actions are "convert string to
 *   folded/literal block string" on a quoted string longer than 80 characters or holding a line
 *   break. The worker is asked only when a line at or above the range could start such a string,
 *   so the lightbulb and Ctrl+. show exactly what they showed before.
 */

/** How long the text must stay unchanged before monaco-yaml recomputes the folding ranges. */
export const FOLDING_QUIET_MS = 1000;

/**
 * monaco-yaml's "convert to block string" looks at quoted strings whose value is longer than its
 * line width (80) or holds a line break. A quoted string's source is at least its value plus the
 * two quotes, so one on a line shorter than this cannot be longer than 80.
 */
const SHORT_LINE = 80;

/**
 * A line whose only quotes are one complete, escape-free quoted value where YAML starts a quoted
 * string (after the indentation, `- ` or `key: `): `key: "v"`, `- 'v'`, optionally followed by a
 * comment. That string ends on its own line and holds no line break.
 * Each part ends where the next one's first character begins: no backtracking between them.
 */
const ONE_CLOSED_QUOTED_VALUE =
  /^[ \t]*(?:-[ \t]+)*(?:[^"'#:\s-][^"'#:]*:[ \t]+)?(?:"[^"\\]*"|'[^']*')[ \t]*(?:#.*)?$/;

/** A line whose quotes are all inside a comment: `# don't`, `port: 80 # "http"`. */
const QUOTES_ONLY_IN_COMMENT = /^(?:[^"'#]*[ \t])?#/;

/**
 * Whether a quoted string that monaco-yaml could offer to convert may start on this line. Errs
 * towards true: a string left open, an escape, a quote inside a plain value, a flow collection.
 * A line inside a string or block scalar that started above is judged as if it started nothing:
 * the string's own first line is the one that counts.
 */
function mayStartLongQuotedString(line: string): boolean {
  if (!line.includes('"') && !line.includes("'")) return false;
  if (QUOTES_ONLY_IN_COMMENT.test(line)) return false;
  return line.length >= SHORT_LINE || !ONE_CLOSED_QUOTED_VALUE.test(line);
}

/**
 * The first line (1-based) where a quoted string that monaco-yaml could offer to convert may
 * start, or Infinity. A string that meets a range starts at or above the range's last line; it can
 * start in an earlier YAML document (the parser lets a string left open run across `---`).
 */
export function firstLongQuotedStringLine(
  lineCount: number,
  lineAt: (lineNumber: number) => string,
): number {
  for (let line = 1; line <= lineCount; line++)
    if (mayStartLongQuotedString(lineAt(line))) return line;
  return Infinity;
}

/** The parts of Monaco's types the gates use (the tests pass fakes). */
export interface GatedModel {
  getVersionId(): number;
  getLineCount(): number;
  getLineContent(lineNumber: number): string;
  onDidChangeContent(listener: () => void): { dispose(): void };
}
export interface GatedToken {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}
export interface GatedRange {
  endLineNumber: number;
}
type Awaitable<T> = T | PromiseLike<T>;

export interface FoldingProviderLike<M, C, T, R> {
  provideFoldingRanges(model: M, context: C, token: T): Awaitable<R[] | null | undefined>;
}
export interface CodeActionProviderLike<M, G, C, T, L> {
  provideCodeActions(model: M, range: G, context: C, token: T): Awaitable<L | null | undefined>;
}

export interface GateClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
const realClock: GateClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The answer to a cancelled request: a promise that never settles. Monaco's cancelable wrapper
 * has rejected already and holds no reference to it; nothing waits on it, so it is collected.
 */
const NEVER: Promise<never> = new Promise<never>(() => undefined);

/**
 * Folding ranges computed once the model has been quiet for `quietMs` since its last change (the
 * first request, when the model opens, is answered at once). A request Monaco cancels while it
 * waits (the next keystroke cancels it) is never answered: Monaco has already dropped it and has
 * a newer one on its way. Answering it, even with an empty list, would make Monaco's folding
 * controller compute indentation folds over the whole file as a fallback (its SyntaxRangeProvider
 * does so when a cancelled request leaves it no ranges), in the keystroke's own task, only to
 * throw them away.
 */
export function quietFoldingProvider<M extends GatedModel, C, T extends GatedToken, R>(
  inner: FoldingProviderLike<M, C, T, R>,
  quietMs = FOLDING_QUIET_MS,
  clock: GateClock = realClock,
): FoldingProviderLike<M, C, T, R> {
  const changedAt = new WeakMap<M, number>();
  const watched = new WeakSet<M>();
  const waitForQuiet = (model: M, token: T): Promise<void> =>
    new Promise((resolve) => {
      let timer: unknown;
      const cancelled = token.onCancellationRequested(() => done());
      function done() {
        clock.clearTimeout(timer);
        cancelled.dispose();
        resolve();
      }
      function check() {
        const left = (changedAt.get(model) ?? -Infinity) + quietMs - clock.now();
        if (left <= 0 || token.isCancellationRequested) done();
        else timer = clock.setTimeout(check, left);
      }
      check();
    });
  return {
    ...inner,
    async provideFoldingRanges(model, context, token) {
      if (!watched.has(model)) {
        watched.add(model);
        // Lives as long as the model: Monaco disposes a model's listeners with it.
        model.onDidChangeContent(() => changedAt.set(model, clock.now()));
      }
      await waitForQuiet(model, token);
      if (token.isCancellationRequested) return NEVER;
      return inner.provideFoldingRanges(model, context, token);
    },
  };
}

/**
 * Code actions asked of monaco-yaml only where it may have one (see the module comment). The
 * first line that may start such a string is found once per text version.
 */
export function blockStringCodeActionProvider<M extends GatedModel, G extends GatedRange, C, T, L>(
  inner: CodeActionProviderLike<M, G, C, T, L>,
): CodeActionProviderLike<M, G, C, T, L> {
  const scanned = new WeakMap<M, { version: number; firstLine: number }>();
  const firstLine = (model: M) => {
    const version = model.getVersionId();
    let known = scanned.get(model);
    if (known?.version !== version) {
      const lineAt = (line: number) => model.getLineContent(line);
      known = { version, firstLine: firstLongQuotedStringLine(model.getLineCount(), lineAt) };
      scanned.set(model, known);
    }
    return known.firstLine;
  };
  return {
    ...inner,
    provideCodeActions(model, range, context, token) {
      return firstLine(model) <= range.endLineNumber
        ? inner.provideCodeActions(model, range, context, token)
        : undefined;
    },
  };
}
