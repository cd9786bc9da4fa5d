/**
 * One YAML document to a plain value behind the same guards as loadManifests: documents too large
 * or nested too deep never reach the parser, the parsed tree is inspected before conversion, alias
 * expansion is capped (billion laughs), and whatever the parser or the conversion still throws
 * (an unresolved alias, a stack overflow) becomes a located error. For files that are not
 * manifests, such as `gwsim test` case files.
 */
import { isMap, isScalar, parseDocument, visit, type Alias, type Document } from "yaml";
import { guardDocuments, positionIn } from "./guardDocuments";
import { inspectDocument } from "./inspectDocument";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./loadLimits";
import { QUIET_YAML } from "./quietYaml";

/**
 * "file:line:col" of the node at a path of keys and indexes, or of the nearest parent that exists.
 * `at: "key"` locates the last key itself rather than its value: a value in block style starts on
 * the next line, which is the wrong line for a message about the key (an unknown key, say).
 */
export type YamlLocator = (
  path: readonly (string | number)[],
  options?: { at?: "value" | "key" },
) => string;

export type YamlValueResult =
  { ok: true; value: unknown; locate: YamlLocator } | { ok: false; errors: string[] };

export function loadYamlValue(
  file: string,
  text: string,
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): YamlValueResult {
  const at = (offset: number, source: string): string => {
    const p = positionIn(source, offset);
    return `${file}:${p.line}:${p.col}`;
  };
  const guarded = guardDocuments(text, limits);
  if (guarded.refused.length > 0) {
    return {
      ok: false,
      errors: guarded.refused.map((r) =>
        r.reason === "too-large"
          ? `${at(r.start, text)}: the YAML document is ${r.size} bytes, over the ${limits.maxDocumentBytes}-byte limit; it was not read`
          : `${at(r.at, text)}: collections nest more than ${limits.maxNestingDepth} levels deep here; the document was not read`,
      ),
    };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, QUIET_YAML);
  } catch (error) {
    return {
      ok: false,
      errors: [
        `${file}: the YAML parser gave up on this file (${messageOf(error)}); it was not read`,
      ],
    };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return `${file}${pos ? `:${pos.line}:${pos.col}` : ""}: YAML syntax error: ${e.message.split("\n")[0] ?? ""}`;
      }),
    };
  }
  const problem = inspectDocument(doc, limits.maxNestingDepth);
  if (problem) {
    const what =
      problem.kind === "complex-key"
        ? "a mapping or list is used as a key here; only text keys are allowed"
        : `collections nest more than ${limits.maxNestingDepth} levels deep here`;
    return {
      ok: false,
      errors: [`${at(problem.offset, text)}: ${what}; the document was not read`],
    };
  }
  const keyRange = (path: readonly (string | number)[]): number | undefined => {
    const parent: unknown = doc.getIn(path.slice(0, -1), true);
    if (path.length === 0 || !isMap(parent)) return undefined;
    const last = path[path.length - 1];
    for (const pair of parent.items) {
      const key = pair.key;
      if (isScalar(key) && String(key.value) === String(last)) return key.range?.[0];
    }
    return undefined;
  };
  const locate: YamlLocator = (path, options) => {
    const keyAt = options?.at === "key" ? keyRange(path) : undefined;
    if (keyAt !== undefined) return at(keyAt, text);
    // The deepest node the path reaches: a missing key is located at the mapping that lacks it.
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range !== undefined) return at(range[0], text);
    }
    return `${file}:1:1`;
  };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: limits.maxAliasCount }), locate };
  } catch (error) {
    const start = doc.contents?.range?.[0] ?? 0;
    const message = messageOf(error);
    if (/excessive alias/i.test(message)) {
      return {
        ok: false,
        errors: [
          `${at(start, text)}: the document expands its anchors/aliases too many times (the shape of a "billion laughs" attack); it was not read`,
        ],
      };
    }
    const unresolved = /unresolved alias/i.test(message) ? firstUnresolvedAlias(doc) : undefined;
    if (unresolved) {
      return {
        ok: false,
        errors: [
          `${at(unresolved.range?.[0] ?? start, text)}: the alias *${unresolved.source} has no anchor &${unresolved.source} before it; define the anchor first, or write the value out`,
        ],
      };
    }
    return {
      ok: false,
      errors: [
        `${at(start, text)}: the document could not be converted (${message}); it was not read`,
      ],
    };
  }
}

function firstUnresolvedAlias(doc: Document.Parsed): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
