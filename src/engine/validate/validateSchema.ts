/**
 * The one schema-driven walk over an object as written. It reports what the API server's OpenAPI
 * validation would reject (type, required, enum, pattern, bounds, list sizes, duplicate list-map
 * keys) and what it would silently prune (unknown fields), and in the same pass builds the
 * object's *typed view*: a fresh copy in which every field has its declared type or is absent.
 * Every later stage (resolve, status, routing, simulate, lint, …) reads only the typed view, so
 * none of them can meet a number where the schema says string, a `null`, a mapping where a list
 * belongs, a YAML tag's Symbol, a Date, or a cycle made of aliases. What the walk drops always
 * has an issue at its location, so nothing is lost silently.
 *
 * - null is "unset" (as for the API server); a value of the wrong type is dropped;
 * - a list keeps its length for items that are mappings or lists (a wrong-typed one becomes
 *   empty), so `rules[2]` is still the third rule the user wrote; wrong-typed scalars are dropped;
 * - enum, pattern, bounds and lengths are reported but the value is kept (it has the right type,
 *   and status explains what a controller does with it);
 * - fields the CRD does not declare are dropped (the API server prunes them); experimental-channel
 *   fields are typed with their own schema; maps keyed by the user (labels, options) are
 *   null-prototype objects, so `labels[key]` can never reach Object.prototype;
 * - `type`-less or property-less schemas (status, ownerReferences) keep plain JSON data.
 */
import { findMissingSpaceAfterColon } from "../load/yamlSlips";
import { compileSchemaPattern } from "../match/regex";
import type { FieldPath } from "../types";
import type { JsonSchema } from "./crdSchemas";
import { isObject, printPath, type ValidationIssue } from "./validationIssue";
import { setOwn } from "../collections/setOwn";
import { needEngineModule } from "../modules/engineModules";

export interface SchemaContext {
  /** Fields that exist only in the experimental-channel CRDs for this kind, with their schemas. */
  experimentalFields: ReadonlyMap<string, JsonSchema>;
}

export interface TypedResult {
  /** The typed view (undefined when the value itself is absent or of the wrong type). */
  value: unknown;
  issues: ValidationIssue[];
}

/** Enum values only the experimental-channel CRDs accept (spec digest §0, §4). */
const EXPERIMENTAL_VALUES: ReadonlySet<string> = new Set(["ExternalAuth"]);

const patternCache = new Map<string, ((value: string) => boolean) | null>();

function compilePattern(pattern: string): ((value: string) => boolean) | null {
  let test = patternCache.get(pattern);
  if (test === undefined) {
    const compiled = compileSchemaPattern(pattern);
    test = compiled === undefined ? null : rememberingMatches(compiled);
    patternCache.set(pattern, test);
  }
  return test;
}

/** Values longer than this are tested every time (rarely repeated, and kept out of the memo). */
const MAX_REMEMBERED_VALUE = 64;
/** Values remembered per pattern; the memo starts over when full, so it stays bounded. */
const MAX_REMEMBERED = 1024;

/**
 * `test` with a bounded memo of its answers. A workspace repeats most of the values a pattern
 * checks (a Gateway's name in every parentRef, the same Service names, header names, kinds),
 * and the RE2 matcher, linear as it is, costs a microsecond or more per value.
 */
export function rememberingMatches(test: (value: string) => boolean): (value: string) => boolean {
  let memo = new Map<string, boolean>();
  return (value) => {
    if (value.length > MAX_REMEMBERED_VALUE) return test(value);
    const known = memo.get(value);
    if (known !== undefined) return known;
    const answer = test(value);
    if (memo.size >= MAX_REMEMBERED) memo = new Map();
    memo.set(value, answer);
    return answer;
  };
}

/** Validates `value` against `schema` and builds its typed view in one walk. */
export function typeAndValidate(
  value: unknown,
  schema: JsonSchema,
  path: FieldPath,
  ctx: SchemaContext,
): TypedResult {
  const issues: ValidationIssue[] = [];
  // One path, pushed and popped along the walk: an issue takes a copy of it (at), so the walk
  // allocates no path per field of a large object that has nothing to report.
  const typed = walk(value, planOf(schema), [...path], ctx, issues);
  return {
    value: typed,
    // Nearly every object is valid: its empty list is handed on rather than copied.
    issues: issues.length === 0 ? issues : issues.map((issue) => ({ ...issue, fromSchema: true })),
  };
}

export function validateSchema(
  value: unknown,
  schema: JsonSchema,
  path: FieldPath,
  ctx: SchemaContext,
): ValidationIssue[] {
  return typeAndValidate(value, schema, path, ctx).issues;
}

function walk(
  value: unknown,
  plan: SchemaPlan,
  path: (string | number)[],
  ctx: SchemaContext,
  out: ValidationIssue[],
): unknown {
  // The API server treats `field: null` as unset.
  if (value === null || value === undefined) return undefined;
  if (plan.type === undefined) return plainData(value, []);
  if (!hasType(value, plan)) {
    out.push(typeIssue(value, plan.type, at(path)));
    return undefined;
  }
  if (plan.enum !== undefined && !plan.enum.includes(value))
    out.push(enumIssue(value, plan.enum, at(path)));
  if (typeof value === "string") {
    if (plan.checksStrings) checkString(value, plan, path, out);
    return value;
  }
  if (typeof value === "number") {
    if (plan.checksNumbers) checkNumber(value, plan, path, out);
    return value;
  }
  if (Array.isArray(value)) return checkArray(value, plan, path, ctx, out);
  if (isObject(value)) return checkObject(value, plan, path, ctx, out);
  return value;
}

/**
 * What the walk reads of one schema, read once per schema and kept in one shape. The walk visits
 * every field of every object; reading `type`, `enum`, `pattern`, bounds and `properties` off the
 * schemas themselves (hundreds of objects of as many shapes) made each read a megamorphic property
 * lookup, and each mapping a WeakMap lookup for its properties. A plan links to its children's
 * plans, made the first time the walk needs them, so below the top the walk looks nothing up.
 */
class SchemaPlan {
  readonly type: JsonSchema["type"];
  /** `type` as a number: hasType runs for every value of every object. */
  readonly typeCode: TypeCode;
  readonly enum: unknown[] | undefined;
  /** Whether checkString / checkNumber can find anything (a bound or a pattern is set). */
  readonly checksStrings: boolean;
  readonly checksNumbers: boolean;
  readonly minLength: number | undefined;
  readonly maxLength: number | undefined;
  readonly pattern: string | undefined;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  readonly listMapKeys: string[] | undefined;
  readonly uniqueItems: boolean;
  readonly required: readonly string[];
  readonly maxProperties: number | undefined;
  /** Whether the schema declares `properties` (then a mapping's typed view has Object.prototype). */
  readonly hasProperties: boolean;
  readonly additionalFalse: boolean;
  private itemsPlan: SchemaPlan | null | undefined;
  private propertyPlans: Map<string, SchemaPlan> | null | undefined;
  private additionalPlan: SchemaPlan | null | undefined;
  private patternTest: ((value: string) => boolean) | null | undefined;

  constructor(readonly schema: JsonSchema) {
    this.type = schema.type || undefined;
    this.typeCode = typeCodeOf(this.type);
    this.enum = schema.enum || undefined;
    this.minLength = schema.minLength;
    this.maxLength = schema.maxLength;
    this.pattern = schema.pattern || undefined;
    this.checksStrings =
      this.minLength !== undefined || this.maxLength !== undefined || this.pattern !== undefined;
    this.minimum = schema.minimum;
    this.maximum = schema.maximum;
    this.checksNumbers = this.minimum !== undefined || this.maximum !== undefined;
    this.minItems = schema.minItems;
    this.maxItems = schema.maxItems;
    this.listMapKeys = schema["x-kubernetes-list-map-keys"] || undefined;
    this.uniqueItems = schema.uniqueItems === true;
    this.required = schema.required ?? NO_FIELDS;
    this.maxProperties = schema.maxProperties;
    this.hasProperties = !!schema.properties;
    this.additionalFalse = schema.additionalProperties === false;
  }

  /** The plan of `items`, or undefined when the schema has none. */
  items(): SchemaPlan | undefined {
    if (this.itemsPlan === undefined)
      this.itemsPlan = this.schema.items ? planOf(this.schema.items) : null;
    return this.itemsPlan ?? undefined;
  }

  /**
   * The plan of property `key`, or undefined when the schema does not declare it. A Map: a field
   * name is one hash lookup, which cannot reach a prototype key (`constructor`, `__proto__`)
   * whatever the user wrote.
   */
  property(key: string): SchemaPlan | undefined {
    let plans = this.propertyPlans;
    if (plans === undefined) {
      const properties = this.schema.properties;
      plans = properties ? new Map() : null;
      if (plans !== null && properties) {
        for (const name of Object.keys(properties))
          plans.set(name, planOf(properties[name] as JsonSchema));
      }
      this.propertyPlans = plans;
    }
    return plans === null ? undefined : plans.get(key);
  }

  /** The plan of additionalProperties when it is a schema. */
  additional(): SchemaPlan | undefined {
    if (this.additionalPlan === undefined) {
      const extra = this.schema.additionalProperties;
      this.additionalPlan = isObject(extra) ? planOf(extra as JsonSchema) : null;
    }
    return this.additionalPlan ?? undefined;
  }

  /** The pattern's test, compiled once (null when the pattern cannot be compiled). */
  matcher(): ((value: string) => boolean) | null {
    if (this.patternTest === undefined)
      this.patternTest = this.pattern === undefined ? null : compilePattern(this.pattern);
    return this.patternTest;
  }
}

/**
 * Plans by schema, looked up only where a walk starts (and for an experimental field): below, a
 * plan holds its children's. Keyed weakly: a caller may pass a schema made for the call.
 */
const plans = new WeakMap<JsonSchema, SchemaPlan>();

function planOf(schema: JsonSchema): SchemaPlan {
  let plan = plans.get(schema);
  if (plan === undefined) {
    plan = new SchemaPlan(schema);
    plans.set(schema, plan);
  }
  return plan;
}

/**
 * A copy made only of JSON data: strings, finite numbers, booleans, null, lists and mappings.
 * Dates become their ISO text; anything else a YAML tag can make (Symbols, binary) and alias
 * cycles are left out, so the copy always survives structuredClone and JSON.stringify.
 */
export function plainData(value: unknown, ancestors: object[]): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== "object" || ancestors.includes(value)) return undefined;
  ancestors.push(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    for (const item of value) {
      const child = plainData(item, ancestors);
      if (child !== undefined) list.push(child);
    }
    copy = list;
  } else if (isObject(value)) {
    const map: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const child = plainData(value[key], ancestors);
      if (child !== undefined) setOwn(map, key, child);
    }
    copy = map;
  }
  ancestors.pop();
  return copy;
}

/** A list that is only that: no extra fields, no other prototype (a typed view may be the list itself). */
function isPlainList(value: unknown[]): boolean {
  return Object.getPrototypeOf(value) === Array.prototype;
}

/** A copy of the walk's current path, for an issue to keep. */
function at(path: readonly (string | number)[], ...more: (string | number)[]): FieldPath {
  const copy = path.slice();
  for (const segment of more) copy.push(segment);
  return copy;
}

/** Walks `value` with `segment` pushed onto the walk's path. */
function walkAt(
  value: unknown,
  plan: SchemaPlan,
  path: (string | number)[],
  segment: string | number,
  ctx: SchemaContext,
  out: ValidationIssue[],
): unknown {
  // No finally: an exception ends the whole walk, and the path with it.
  path.push(segment);
  const typed = walk(value, plan, path, ctx, out);
  path.pop();
  return typed;
}

/** The schema types hasType tells apart; OTHER compares `typeof` with the type's name. */
const OBJECT = 0;
const ARRAY = 1;
const INTEGER = 2;
const NUMBER = 3;
const STRING = 4;
const BOOLEAN = 5;
const OTHER = 6;
type TypeCode = 0 | 1 | 2 | 3 | 4 | 5 | 6;

function typeCodeOf(type: JsonSchema["type"]): TypeCode {
  switch (type) {
    case "object":
      return OBJECT;
    case "array":
      return ARRAY;
    case "integer":
      return INTEGER;
    case "number":
      return NUMBER;
    case "string":
      return STRING;
    case "boolean":
      return BOOLEAN;
    default:
      return OTHER;
  }
}

/**
 * Whether `value` has the plan's type. By the plan's type code: the schema's type names, parsed
 * from JSON, are not the engine's own strings, so a switch on them compared characters.
 */
function hasType(value: unknown, plan: SchemaPlan): boolean {
  switch (plan.typeCode) {
    case OBJECT:
      return isObject(value) && !(value instanceof Date);
    case ARRAY:
      return Array.isArray(value);
    case INTEGER:
      return typeof value === "number" && Number.isInteger(value);
    case NUMBER:
      return typeof value === "number" && Number.isFinite(value);
    case STRING:
      return typeof value === "string";
    case BOOLEAN:
      return typeof value === "boolean";
    default:
      return typeof value === plan.type;
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date)
    return `the timestamp ${Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()} (a YAML timestamp; quote it to make it a string)`;
  if (isObject(value)) return "a mapping";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "number") return `number ${String(value)}`;
  if (typeof value === "symbol") return "a YAML tag that is no value (e.g. `!!merge` on a scalar)";
  if (typeof value === "boolean") return `boolean ${String(value)}`;
  return typeof value;
}

/**
 * The value as a JSON string literal, shortened when long (print/capValue.ts, through the
 * on-demand diagnostic words: only an issue being reported quotes a value).
 */
export function quote(value: string): string {
  return needEngineModule("diagnosticWords").capQuoted(value);
}

function typeIssue(value: unknown, type: string, path: FieldPath): ValidationIssue {
  const expected =
    {
      object: "a mapping",
      array: "a list",
      integer: "an integer",
      number: "a number",
      string: "a string",
      boolean: "true or false",
    }[type] ?? type;
  const issue: ValidationIssue = {
    code: "schema.type",
    path,
    message: `${printPath(path)}: must be ${expected}, got ${describeValue(value)}.`,
  };
  const missingSpace =
    typeof value === "string" && type === "object" ? findMissingSpaceAfterColon(value) : undefined;
  if (missingSpace) {
    issue.message = `${printPath(path)}: must be a mapping, got the string ${JSON.stringify(value)}: without a space after the colon YAML reads \`${missingSpace.text}\` as one word.`;
    issue.hint = `Add a space after the colon: \`${missingSpace.key}: ${missingSpace.value}\`.`;
  } else if (
    typeof value === "string" &&
    (type === "integer" || type === "number") &&
    /^\d+$/.test(value)
  ) {
    issue.hint = `Remove the quotes: ${value} is written as a string.`;
  } else if (type === "array" && isObject(value)) {
    issue.hint = "Start each entry with `- ` to make a list.";
  }
  return issue;
}

function enumIssue(value: unknown, allowed: unknown[], path: FieldPath): ValidationIssue {
  const names = allowed.map((a) => JSON.stringify(a)).join(", ");
  const shown = typeof value === "string" ? quote(value) : String(value);
  if (typeof value === "string" && EXPERIMENTAL_VALUES.has(value)) {
    return {
      code: "schema.enum",
      path,
      message: `${printPath(path)}: ${shown} is an experimental-channel value: the standard-channel CRDs (v1.6.1) refuse it; supported values there: ${names}.`,
      hint: `Install the experimental-channel CRDs in the cluster to use ${value}, or use a standard-channel value.`,
    };
  }
  const issue: ValidationIssue = {
    code: "schema.enum",
    path,
    message: `${printPath(path)}: Unsupported value ${shown}: supported values: ${names}.`,
  };
  const suggestion =
    typeof value === "string"
      ? needEngineModule("diagnosticWords").suggestValue(
          value,
          allowed.filter((a): a is string => typeof a === "string"),
        )
      : undefined;
  if (suggestion)
    issue.hint = `Did you mean "${suggestion.value}"?${suggestion.why ? ` (${suggestion.why}.)` : ""}`;
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

function checkString(
  value: string,
  plan: SchemaPlan,
  walkPath: FieldPath,
  out: ValidationIssue[],
): void {
  // A string has between half its UTF-16 length (all surrogate pairs) and its UTF-16 length in
  // code points: when both bounds are met either way, they need no count, nor the path a copy.
  if (
    (plan.minLength === undefined || Math.ceil(value.length / 2) >= plan.minLength) &&
    (plan.maxLength === undefined || value.length <= plan.maxLength)
  ) {
    if (plan.pattern === undefined || value.length === 0) return;
    const matches = plan.matcher();
    if (!matches || matches(value)) return;
  }
  const schema = plan.schema;
  const path = at(walkPath);
  const length = codePointLength(value);
  if (schema.minLength !== undefined && length < schema.minLength) {
    out.push({
      code: "schema.length",
      path,
      message:
        schema.minLength === 1
          ? `${printPath(path)}: must not be empty.`
          : `${printPath(path)}: must be at least ${schema.minLength} characters, got ${length}.`,
    });
  }
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    // Over the limit the API server stops here too: no pattern runs on an oversized value.
    out.push({
      code: "schema.length",
      path,
      message: `${printPath(path)}: may have at most ${schema.maxLength} characters, got ${length}.`,
    });
    return;
  }
  if (schema.pattern && length > 0) {
    const matches = compilePattern(schema.pattern);
    if (matches && !matches(value)) {
      out.push({
        code: "schema.pattern",
        path,
        message: `${printPath(path)}: ${quote(value)} does not match the required format ${schema.pattern}.`,
        ...patternHint(value, path, matches),
      });
    }
  }
}

function patternHint(
  value: string,
  path: FieldPath,
  matches: (text: string) => boolean,
): { hint?: string } {
  const field = path[path.length - 1];
  // Only a value that lower case makes valid: "grafana.${SECRET_DOMAIN}" lowered is still wrong.
  if (
    (field === "hostname" || typeof field === "number") &&
    /[A-Z]/.test(value) &&
    matches(value.toLowerCase())
  ) {
    return { hint: `Hostnames are lower-case: use ${JSON.stringify(value.toLowerCase())}.` };
  }
  if ((field === "hostname" || typeof field === "number") && /:\d+$/.test(value)) {
    return { hint: "Hostnames carry no port; set the port on the listener instead." };
  }
  return {};
}

function checkNumber(
  value: number,
  plan: SchemaPlan,
  walkPath: FieldPath,
  out: ValidationIssue[],
): void {
  const schema = plan.schema;
  const below = schema.minimum !== undefined && value < schema.minimum;
  const above = schema.maximum !== undefined && value > schema.maximum;
  if (!below && !above) return;
  const path = at(walkPath);
  const bound = below ? `at least ${schema.minimum}` : `at most ${schema.maximum}`;
  const issue: ValidationIssue = {
    code: "schema.range",
    path,
    message: `${printPath(path)}: must be ${bound}, got ${value}.`,
  };
  if (path[path.length - 1] === "weight" && above) {
    issue.hint = `Weights are relative: keep each at or below ${schema.maximum} and scale the others of the rule alike (e.g. 80 and 20 split like 800000 and 200000).`;
  } else if (schema.minimum !== undefined && schema.maximum !== undefined) {
    issue.hint = `Use a value from ${schema.minimum} to ${schema.maximum}.`;
  }
  out.push(issue);
}

function checkArray(
  value: unknown[],
  plan: SchemaPlan,
  path: (string | number)[],
  ctx: SchemaContext,
  out: ValidationIssue[],
): unknown[] {
  if (plan.minItems !== undefined && value.length < plan.minItems) {
    out.push({
      code: "schema.items",
      path: at(path),
      message: `${printPath(path)}: must have at least ${plan.minItems} item(s), got ${value.length}.`,
    });
  }
  if (plan.maxItems !== undefined && value.length > plan.maxItems) {
    out.push({
      code: "schema.items",
      path: at(path),
      message: `${printPath(path)}: may have at most ${plan.maxItems} items, got ${value.length}.`,
    });
  }
  // Entries are compared by their typed view: it is plain data (an alias cycle in the raw value
  // would make JSON.stringify throw) and it is what the API server would compare. Only lists that
  // are compared keep it.
  const keys = plan.listMapKeys;
  // A duplicate takes two entries: a list of one (most of them) has nothing to compare.
  const byIndex: unknown[] | undefined =
    (keys || plan.uniqueItems) && value.length > 1 ? [] : undefined;
  const items = plan.items();
  // Undefined while every entry's typed view is the entry itself (the list is then its own typed
  // view); started, with the entries before, at the first entry that differs.
  let typed: unknown[] | undefined = isPlainList(value) ? undefined : [];
  for (let i = 0; i < value.length; i++) {
    const child = items ? walkAt(value[i], items, path, i, ctx, out) : plainData(value[i], []);
    byIndex?.push(child);
    if (typed === undefined && (child === undefined || child !== value[i]))
      typed = value.slice(0, i);
    if (typed === undefined) continue;
    // A wrong-typed entry of a list of mappings (or lists) keeps its place, empty, so indexes
    // still name what the user wrote; a wrong-typed scalar entry is left out.
    if (child !== undefined) typed.push(child);
    else if (items?.type === "object") typed.push({});
    else if (items?.type === "array") typed.push([]);
  }
  const result = typed ?? value;
  if (byIndex === undefined) return result;
  const seen = new Map<string, number>();
  byIndex.forEach((item, i) => {
    const identity = keys
      ? isObject(item)
        ? JSON.stringify(keys.map((k) => item[k]))
        : undefined
      : item === undefined
        ? undefined
        : JSON.stringify(item);
    if (identity === undefined) return;
    const first = seen.get(identity);
    if (first === undefined) seen.set(identity, i);
    else {
      const what = keys
        ? keys.map((k) => `${k} ${JSON.stringify(isObject(item) ? item[k] : undefined)}`).join(", ")
        : JSON.stringify(item);
      out.push({
        code: "schema.rule",
        path: at(path, i),
        message: `${printPath(at(path, i))}: Duplicate value: ${what.length > 200 ? `${what.slice(0, 200)}…` : what} is already at ${printPath(at(path, first))}.`,
        hint: "Remove or merge the duplicate entry.",
        duplicateEntry: true,
      });
    }
  });
  return result;
}

function checkObject(
  value: Record<string, unknown>,
  plan: SchemaPlan,
  path: (string | number)[],
  ctx: SchemaContext,
  out: ValidationIssue[],
): Record<string, unknown> {
  // Indexed loops and for…in below: this runs for every mapping of every object, and an
  // iterator, a `?? []` list or an Object.keys array per mapping was a tenth of what a large
  // analysis allocated.
  const requiredFields = plan.required;
  for (let r = 0; r < requiredFields.length; r++) {
    const required = requiredFields[r] as string;
    if (value[required] === undefined || value[required] === null) {
      out.push({
        code: "schema.required",
        path: at(path, required),
        message: `${printPath(at(path, required))}: Required value.`,
        hint: `Add \`${required}\`${path.length ? ` under \`${printPath(path)}\`` : ""}.`,
      });
    }
  }
  const count = plan.maxProperties === undefined ? 0 : countOwnKeys(value);
  if (plan.maxProperties !== undefined && count > plan.maxProperties) {
    out.push({
      code: "schema.items",
      path: at(path),
      message: `${printPath(path)}: may have at most ${plan.maxProperties} entries, got ${count}.`,
    });
  }
  // Whether the typed view would hold exactly the mapping's own fields: then the mapping is its
  // own typed view (the walk never changes it), and a large workspace is not copied field by field.
  // The copy is started only at the first field that differs, with the fields before it (each its
  // own typed view), so a mapping that is its own typed view allocates no copy at all.
  let typed: Record<string, unknown> | undefined =
    Object.getPrototypeOf(value) === (plan.hasProperties ? Object.prototype : null)
      ? undefined
      : emptyTyped(plan);
  const additional = plan.additional();
  // for…in lists own keys in Object.keys order, then inherited enumerable ones, which hasOwn
  // skips (a key set on Object.prototype is never read as a field).
  let i = -1;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    i++;
    const child = value[key];
    const property = plan.property(key);
    const experimental = property ? undefined : ctx.experimentalFields.get(key);
    let result: unknown;
    if (property) result = walkAt(child, property, path, key, ctx, out);
    else if (additional) result = walkAt(child, additional, path, key, ctx, out);
    else if (plan.additionalFalse) {
      out.push(
        needEngineModule("diagnosticWords").unknownFieldIssue(key, plan.schema, at(path, key), ctx),
      );
      if (experimental) result = walkAt(child, planOf(experimental), path, key, ctx, out);
    } else result = plainData(child, [value]);
    if (typed === undefined && (result === undefined || result !== child))
      typed = copyFields(value, i, emptyTyped(plan));
    if (typed !== undefined && result !== undefined) setOwn(typed, key, result);
  }
  return typed ?? value;
}

const NO_FIELDS: readonly string[] = [];

/** Keys come from the user: a map keyed by them (labels, options) has no prototype at all. */
function emptyTyped(plan: SchemaPlan): Record<string, unknown> {
  return plan.hasProperties ? {} : (Object.create(null) as Record<string, unknown>);
}

/** `into` with the first `count` own keys of `value` set to their values, in order. */
function copyFields(
  value: Record<string, unknown>,
  count: number,
  into: Record<string, unknown>,
): Record<string, unknown> {
  let copied = 0;
  for (const key in value) {
    if (copied === count) break;
    if (!Object.hasOwn(value, key)) continue;
    setOwn(into, key, value[key]);
    copied++;
  }
  return into;
}

/** Object.keys(value).length, without the array. */
function countOwnKeys(value: Record<string, unknown>): number {
  let count = 0;
  for (const key in value) if (Object.hasOwn(value, key)) count++;
  return count;
}
