/**
 * Controller-time rule validation (spec §2.6): what a controller drops even though admission
 * could have let it through (gwsim reads raw YAML, so CEL never ran). Returns the first problem
 * of a rule, or undefined when the rule is valid. Backend problems never invalidate a rule.
 */
import { RouteReason } from "../api/conditions";
import { HTTP_METHODS } from "../api/spec";
import type { RouteKind } from "../api/kinds";
import { compileRegex } from "../match/regex";
import { asRecord, asRecords, asString } from "../resolve/read";

export interface RuleProblem {
  reason: RouteReason;
  message: string;
  /**
   * For a pattern that is not valid RE2: where it is written, inside the rule. The API server
   * admits any string there, so no validation diagnostic points at it; the status stage does.
   */
  regexAt?: (string | number)[];
}

const HTTP_FILTERS = new Set([
  "RequestHeaderModifier",
  "ResponseHeaderModifier",
  "RequestMirror",
  "RequestRedirect",
  "URLRewrite",
  "CORS",
  "ExtensionRef",
]);
/**
 * The enums of HTTPRequestRedirectFilter and HTTPPathModifier. Admission rejects other values, but
 * gwsim reads raw YAML: a controller that met one could not program the rule (it would otherwise
 * answer a redirect to `ftp://…` or with status 666), so the rule is dropped like an unknown path
 * match type (spec §2.6, "unknown enum values").
 */
const REDIRECT_SCHEMES = new Set(["http", "https"]);
const REDIRECT_STATUS_CODES = new Set([301, 302, 303, 307, 308]);
const PATH_MODIFIER_TYPES = new Set(["ReplaceFullPath", "ReplacePrefixMatch"]);

const GRPC_FILTERS = new Set([
  "RequestHeaderModifier",
  "ResponseHeaderModifier",
  "RequestMirror",
  "ExtensionRef",
]);

export function checkRuleValidity(
  kind: RouteKind,
  rule: Record<string, unknown>,
): RuleProblem | undefined {
  if (kind === "HTTPRoute") return checkHttpMatches(rule) ?? checkFilters(kind, rule);
  if (kind === "GRPCRoute") return checkGrpcMatches(rule) ?? checkFilters(kind, rule);
  return undefined;
}

function unsupported(message: string): RuleProblem {
  return { reason: RouteReason.UnsupportedValue, message };
}

/**
 * Compile errors by pattern (undefined: valid). Routes repeat the same few patterns, and compiling
 * RE2 is the costliest step of rule validation; the outcome depends on the pattern alone.
 */
const regexErrors = new Map<string, string | undefined>();
const REGEX_CACHE_LIMIT = 10_000;

function regexError(pattern: string): string | undefined {
  if (regexErrors.has(pattern)) return regexErrors.get(pattern);
  const compiled = compileRegex(pattern);
  const error = compiled.ok ? undefined : compiled.error;
  if (regexErrors.size >= REGEX_CACHE_LIMIT) regexErrors.clear();
  regexErrors.set(pattern, error);
  return error;
}

/** `at` (where the pattern is written, inside the rule) is called only for a problem. */
function checkRegex(
  what: string,
  pattern: string,
  at: () => (string | number)[],
): RuleProblem | undefined {
  const error = regexError(pattern);
  return error === undefined ? undefined : regexProblem(what, pattern, error, at());
}

function regexProblem(
  what: string,
  pattern: string,
  error: string,
  regexAt: (string | number)[],
): RuleProblem {
  return {
    reason: RouteReason.UnsupportedValue,
    message: `${what} ${JSON.stringify(pattern)} is not a valid RE2 regular expression: ${error}`,
    regexAt,
  };
}

/**
 * A header or query parameter condition. What it is called ("header NAME match") is spelt out only
 * for a problem: nearly every condition is valid, and a rule has many.
 */
function checkValueMatch(
  condition: "header" | "query parameter",
  m: Record<string, unknown>,
  defaultType: string,
  // Where it is written (matches[match][field][entry]), as numbers: a path is built only for a problem.
  match: number,
  field: "headers" | "queryParams",
  entry: number,
): RuleProblem | undefined {
  const type = asString(m["type"]) ?? defaultType;
  if (type === "RegularExpression") {
    const error = regexError(asString(m["value"]) ?? "");
    return error === undefined
      ? undefined
      : regexProblem(describeCondition(condition, m), asString(m["value"]) ?? "", error, [
          "matches",
          match,
          field,
          entry,
          "value",
        ]);
  }
  // HTTPHeaderMatch and HTTPQueryParamMatch know only Exact and RegularExpression.
  if (type !== "Exact")
    return unsupported(`${describeCondition(condition, m)} type "${type}" is not supported`);
  return undefined;
}

function describeCondition(condition: string, m: Record<string, unknown>): string {
  return `${condition} ${asString(m["name"]) ?? ""} match`;
}

// Indexed loops here and below: validity runs for every rule of every route, and the iterators
// of for-of over these short lists showed in allocation profiles.
function checkHttpMatches(rule: Record<string, unknown>): RuleProblem | undefined {
  const matches = asRecords(rule["matches"]);
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i] ?? {};
    const path = asRecord(match["path"]);
    if (path) {
      const type = asString(path["type"]) ?? "PathPrefix";
      if (type === "RegularExpression") {
        const p = checkRegex("path regex", asString(path["value"]) ?? "", () => [
          "matches",
          i,
          "path",
          "value",
        ]);
        if (p) return p;
      } else if (type !== "Exact" && type !== "PathPrefix")
        return unsupported(`path match type "${type}" is not supported`);
    }
    const p =
      checkValueMatches("header", asRecords(match["headers"]), i, "headers") ??
      checkValueMatches("query parameter", asRecords(match["queryParams"]), i, "queryParams");
    if (p) return p;
    const method = asString(match["method"]);
    if (method !== undefined && !(HTTP_METHODS as readonly string[]).includes(method))
      return unsupported(`method "${method}" is not supported`);
  }
  return undefined;
}

function checkValueMatches(
  condition: "header" | "query parameter",
  list: readonly Record<string, unknown>[],
  match: number,
  field: "headers" | "queryParams",
): RuleProblem | undefined {
  for (let i = 0; i < list.length; i++) {
    const p = checkValueMatch(condition, list[i] ?? {}, "Exact", match, field, i);
    if (p) return p;
  }
  return undefined;
}

function checkGrpcMatches(rule: Record<string, unknown>): RuleProblem | undefined {
  const matches = asRecords(rule["matches"]);
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i] ?? {};
    const method = asRecord(match["method"]);
    if (method) {
      const type = asString(method["type"]) ?? "Exact";
      if (type === "RegularExpression") {
        for (const part of ["service", "method"] as const) {
          const value = asString(method[part]);
          const p =
            value === undefined
              ? undefined
              : checkRegex(`gRPC ${part} regex`, value, () => ["matches", i, "method", part]);
          if (p) return p;
        }
      } else if (type !== "Exact")
        return unsupported(`gRPC method match type "${type}" is not supported`);
    }
    const p = checkValueMatches("header", asRecords(match["headers"]), i, "headers");
    if (p) return p;
  }
  return undefined;
}

/** The rule's filters, then each backendRef's, in that order: the first problem is reported. */
function checkFilters(kind: RouteKind, rule: Record<string, unknown>): RuleProblem | undefined {
  const own = checkFilterList(kind, asRecords(rule["filters"]), rule);
  if (own) return own;
  const backendRefs = asRecords(rule["backendRefs"]);
  for (let i = 0; i < backendRefs.length; i++) {
    const problem = checkFilterList(kind, asRecords(backendRefs[i]?.["filters"]), rule);
    if (problem) return problem;
  }
  return undefined;
}

function checkFilterList(
  kind: RouteKind,
  filters: readonly Record<string, unknown>[],
  rule: Record<string, unknown>,
): RuleProblem | undefined {
  // Most lists are empty: nothing to check, nothing to allocate.
  if (filters.length === 0) return undefined;
  const matches = asRecords(rule["matches"]);
  const allowed = kind === "GRPCRoute" ? GRPC_FILTERS : HTTP_FILTERS;
  const types = filters.map((f) => asString(f["type"]) ?? "");
  for (const type of types) {
    if (!allowed.has(type))
      return unsupported(`filter type "${type}" is not supported on a ${kind}`);
  }
  if (types.includes("RequestRedirect") && types.includes("URLRewrite")) {
    return {
      reason: RouteReason.IncompatibleFilters,
      message: "RequestRedirect and URLRewrite cannot be used together",
    };
  }
  for (const f of filters) {
    const redirect = asRecord(f["requestRedirect"]);
    const enumProblem = redirect ? checkRedirectEnums(redirect) : undefined;
    if (enumProblem) return enumProblem;
    const modifier = redirect?.["path"] ?? asRecord(f["urlRewrite"])?.["path"];
    const modifierType = asRecord(modifier)?.["type"];
    if (modifierType != null && !PATH_MODIFIER_TYPES.has(String(modifierType)))
      return unsupported(`path modifier type ${shown(modifierType)} is not supported`);
    if (modifierType === "ReplacePrefixMatch") {
      const only = matches.length === 1 ? asRecord(matches[0]?.["path"]) : undefined;
      if (matches.length !== 1 || (asString(only?.["type"]) ?? "PathPrefix") !== "PathPrefix") {
        return unsupported("ReplacePrefixMatch needs exactly one match, of type PathPrefix");
      }
    }
  }
  return undefined;
}

function checkRedirectEnums(redirect: Record<string, unknown>): RuleProblem | undefined {
  const scheme = redirect["scheme"];
  if (scheme != null && !(typeof scheme === "string" && REDIRECT_SCHEMES.has(scheme)))
    return unsupported(`redirect scheme ${shown(scheme)} is not supported`);
  const status = redirect["statusCode"];
  if (status != null && !(typeof status === "number" && REDIRECT_STATUS_CODES.has(status)))
    return unsupported(`redirect status code ${shown(status)} is not supported`);
  return undefined;
}

/** A value from the manifest for a message: short, whatever its type (it may be 200 KB or a map). */
function shown(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return Array.isArray(value) ? "a list" : "a mapping";
  return value.length <= 80 ? JSON.stringify(value) : `${JSON.stringify(value.slice(0, 80))}…`;
}
