/**
 * A small JSON Schema walker for the subset the CRD generator emits. It reports what the API
 * server's OpenAPI validation would reject (type, required, enum, pattern, bounds, list sizes,
 * duplicate list-map keys) and what it would silently prune (unknown fields).
 */
import { findMissingSpaceAfterColon } from '../load/describeYamlError';
import type { FieldPath } from '../types';
import type { JsonSchema } from './crdSchemas';
import { suggestValue } from './suggestValue';
import { isObject, printPath, type ValidationIssue } from './validationIssue';

export interface SchemaContext {
  /** Field names that exist only in the experimental-channel CRDs for this kind. */
  experimentalFields: ReadonlySet<string>;
}

/** Enum values only the experimental-channel CRDs accept (spec digest §0, §4). */
const EXPERIMENTAL_VALUES: ReadonlySet<string> = new Set(['ExternalAuth']);

const patternCache = new Map<string, RegExp | null>();

// CRD patterns are fixed strings from the vendored CRDs (trusted, ECMAScript-compatible), so plain
// RegExp is right here; user-supplied regexes go through match/regex.ts (RE2) instead.
function compilePattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return re;
}

export function validateSchema(value: unknown, schema: JsonSchema, path: FieldPath, ctx: SchemaContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  walk(value, schema, path, ctx, issues);
  return issues.map((issue) => ({ ...issue, fromSchema: true }));
}

function walk(value: unknown, schema: JsonSchema, path: FieldPath, ctx: SchemaContext, out: ValidationIssue[]): void {
  // The API server treats `field: null` as unset.
  if (value === null || value === undefined) return;
  if (schema.type && !hasType(value, schema.type)) {
    out.push(typeIssue(value, schema.type, path));
    return;
  }
  if (schema.enum && !schema.enum.includes(value)) out.push(enumIssue(value, schema.enum, path));
  if (typeof value === 'string') checkString(value, schema, path, out);
  if (typeof value === 'number') checkNumber(value, schema, path, out);
  if (Array.isArray(value)) checkArray(value, schema, path, ctx, out);
  else if (isObject(value)) checkObject(value, schema, path, ctx, out);
}

function hasType(value: unknown, type: NonNullable<JsonSchema['type']>): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function typeIssue(value: unknown, type: string, path: FieldPath): ValidationIssue {
  const expected = { object: 'a mapping', array: 'a list', integer: 'an integer', number: 'a number', string: 'a string', boolean: 'true or false' }[type] ?? type;
  const issue: ValidationIssue = { code: 'schema.type', path, message: `${printPath(path)}: must be ${expected}, got ${describeValue(value)}.` };
  const missingSpace = typeof value === 'string' && type === 'object' ? findMissingSpaceAfterColon(value) : undefined;
  if (missingSpace) {
    issue.message = `${printPath(path)}: must be a mapping, got the string ${JSON.stringify(value)}: without a space after the colon YAML reads \`${missingSpace.text}\` as one word.`;
    issue.hint = `Add a space after the colon: \`${missingSpace.key}: ${missingSpace.value}\`.`;
  } else if (typeof value === 'string' && (type === 'integer' || type === 'number') && /^\d+$/.test(value)) {
    issue.hint = `Remove the quotes: ${value} is written as a string.`;
  } else if (type === 'array' && isObject(value)) {
    issue.hint = 'Start each entry with `- ` to make a list.';
  }
  return issue;
}

function enumIssue(value: unknown, allowed: unknown[], path: FieldPath): ValidationIssue {
  const names = allowed.map((a) => JSON.stringify(a)).join(', ');
  if (typeof value === 'string' && EXPERIMENTAL_VALUES.has(value)) {
    return {
      code: 'schema.enum',
      path,
      message: `${printPath(path)}: ${JSON.stringify(value)} is an experimental-channel value: the standard-channel CRDs (v1.6.1) refuse it; supported values there: ${names}.`,
      hint: `Install the experimental-channel CRDs in the cluster to use ${value}, or use a standard-channel value.`,
    };
  }
  const issue: ValidationIssue = {
    code: 'schema.enum',
    path,
    message: `${printPath(path)}: Unsupported value ${JSON.stringify(value)}: supported values: ${names}.`,
  };
  const suggestion = typeof value === 'string' ? suggestValue(value, allowed.filter((a): a is string => typeof a === 'string')) : undefined;
  if (suggestion) issue.hint = `Did you mean "${suggestion.value}"?${suggestion.why ? ` (${suggestion.why}.)` : ''}`;
  return issue;
}

/** Length in code points, as the API server counts it; `[...value].length` without the array per string. */
function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

function checkString(value: string, schema: JsonSchema, path: FieldPath, out: ValidationIssue[]): void {
  if (schema.minLength === undefined && schema.maxLength === undefined && !schema.pattern) return;
  const length = codePointLength(value);
  if (schema.minLength !== undefined && length < schema.minLength) {
    out.push({
      code: 'schema.length',
      path,
      message: schema.minLength === 1 ? `${printPath(path)}: must not be empty.` : `${printPath(path)}: must be at least ${schema.minLength} characters, got ${length}.`,
    });
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    out.push({ code: 'schema.length', path, message: `${printPath(path)}: may have at most ${schema.maxLength} characters, got ${length}.` });
  }
  if (schema.pattern && length > 0) {
    const re = compilePattern(schema.pattern);
    if (re && !re.test(value)) {
      out.push({
        code: 'schema.pattern',
        path,
        message: `${printPath(path)}: ${JSON.stringify(value)} does not match the required format ${schema.pattern}.`,
        ...patternHint(value, path),
      });
    }
  }
}

function patternHint(value: string, path: FieldPath): { hint?: string } {
  const field = path[path.length - 1];
  if ((field === 'hostname' || typeof field === 'number') && /[A-Z]/.test(value)) {
    return { hint: `Hostnames are lower-case: use ${JSON.stringify(value.toLowerCase())}.` };
  }
  if ((field === 'hostname' || typeof field === 'number') && /:\d+$/.test(value)) {
    return { hint: 'Hostnames carry no port; set the port on the listener instead.' };
  }
  return {};
}

function checkNumber(value: number, schema: JsonSchema, path: FieldPath, out: ValidationIssue[]): void {
  const below = schema.minimum !== undefined && value < schema.minimum;
  const above = schema.maximum !== undefined && value > schema.maximum;
  if (!below && !above) return;
  const bound = below ? `at least ${schema.minimum}` : `at most ${schema.maximum}`;
  const issue: ValidationIssue = { code: 'schema.range', path, message: `${printPath(path)}: must be ${bound}, got ${value}.` };
  if (path[path.length - 1] === 'weight' && above) {
    issue.hint = `Weights are relative: keep each at or below ${schema.maximum} and scale the others of the rule alike (e.g. 80 and 20 split like 800000 and 200000).`;
  } else if (schema.minimum !== undefined && schema.maximum !== undefined) {
    issue.hint = `Use a value from ${schema.minimum} to ${schema.maximum}.`;
  }
  out.push(issue);
}

function checkArray(value: unknown[], schema: JsonSchema, path: FieldPath, ctx: SchemaContext, out: ValidationIssue[]): void {
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    out.push({ code: 'schema.items', path, message: `${printPath(path)}: must have at least ${schema.minItems} item(s), got ${value.length}.` });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    out.push({ code: 'schema.items', path, message: `${printPath(path)}: may have at most ${schema.maxItems} items, got ${value.length}.` });
  }
  if (schema.items) value.forEach((item, i) => walk(item, schema.items as JsonSchema, [...path, i], ctx, out));
  const keys = schema['x-kubernetes-list-map-keys'];
  const seen = new Map<string, number>();
  value.forEach((item, i) => {
    const identity = keys ? (isObject(item) ? JSON.stringify(keys.map((k) => item[k])) : undefined) : schema.uniqueItems ? JSON.stringify(item) : undefined;
    if (identity === undefined) return;
    const first = seen.get(identity);
    if (first === undefined) seen.set(identity, i);
    else {
      const what = keys ? keys.map((k) => `${k} ${JSON.stringify(isObject(item) ? item[k] : undefined)}`).join(', ') : JSON.stringify(item);
      out.push({ code: 'schema.rule', path: [...path, i], message: `${printPath([...path, i])}: Duplicate value: ${what} is already at ${printPath([...path, first])}.`, hint: 'Remove or merge the duplicate entry.', duplicateEntry: true });
    }
  });
}

function checkObject(value: Record<string, unknown>, schema: JsonSchema, path: FieldPath, ctx: SchemaContext, out: ValidationIssue[]): void {
  for (const required of schema.required ?? []) {
    if (value[required] === undefined || value[required] === null) {
      out.push({ code: 'schema.required', path: [...path, required], message: `${printPath([...path, required])}: Required value.`, hint: `Add \`${required}\`${path.length ? ` under \`${printPath(path)}\`` : ''}.` });
    }
  }
  const count = Object.keys(value).length;
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    out.push({ code: 'schema.items', path, message: `${printPath(path)}: may have at most ${schema.maxProperties} entries, got ${count}.` });
  }
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (property) walk(child, property, [...path, key], ctx, out);
    else if (isObject(schema.additionalProperties)) walk(child, schema.additionalProperties, [...path, key], ctx, out);
    else if (schema.additionalProperties === false) out.push(unknownFieldIssue(key, schema, [...path, key], ctx));
  }
}

function unknownFieldIssue(key: string, schema: JsonSchema, path: FieldPath, ctx: SchemaContext): ValidationIssue {
  const known = Object.keys(schema.properties ?? {});
  const base: ValidationIssue = { code: 'schema.unknown-field', path, atKey: true, message: '' };
  if (ctx.experimentalFields.has(key)) {
    return {
      ...base,
      message: `${printPath(path)}: \`${key}\` is an experimental-channel field; the standard-channel CRDs (v1.6.1) do not know it and the API server drops it.`,
      hint: 'Install the experimental-channel CRDs in the cluster to use it, or remove it. gwsim keeps it in the YAML.',
    };
  }
  const missingSpace = findMissingSpaceAfterColon(key);
  if (missingSpace && known.includes(missingSpace.key)) {
    return {
      ...base,
      code: 'schema.type',
      message: `${printPath(path)}: \`${key}\` is one word to YAML because there is no space after the colon, so \`${missingSpace.key}\` is not set.`,
      hint: `Add a space after the colon: \`${missingSpace.key}: ${missingSpace.value}\`.`,
    };
  }
  const suggestion = suggestValue(key, known);
  return {
    ...base,
    message: `${printPath(path)}: unknown field \`${key}\`; the API server drops it.`,
    hint: suggestion ? `Did you mean \`${suggestion.value}\`?` : `Known fields here: ${known.join(', ')}.`,
  };
}
