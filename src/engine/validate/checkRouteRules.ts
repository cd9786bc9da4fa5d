/**
 * CEL rules of the route CRDs (v1.6.1) that a JSON Schema cannot express. CEL runs on the
 * defaulted object, so the defaults are applied here too: a rule without matches has one
 * `PathPrefix /` match, a match without a path type is a PathPrefix.
 * @see /work/shared/spec/GATEWAY-API-SEMANTICS.md §4.6 and §6
 */
import { isIPAddress } from "../api/addressSyntax";
import { breaksHeaderValueRule, checkHeaderValue } from "./checkHeaderValue";
import { checkServicePort } from "./checkServicePort";
import { PARENT_REFS, checkSectionNames } from "./checkParentRefs";
import { parseDuration } from "./parseDuration";
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";
import { appendAll } from "../collections/appendAll";
import { emptyList } from "../collections/emptyList";
import { needEngineModule } from "../modules/engineModules";

type Path = (string | number)[];
const MAX_TOTAL_MATCHES = 128;

// Loops rather than forEach and findIndex here: every rule, backendRef and match of every route
// runs these checks, and a closure per call added up at 10,000 routes.

export function checkRoute(kind: string, spec: Record<string, unknown>): ValidationIssue[] {
  // A fresh list of checkSectionNames' own.
  const issues = checkSectionNames(spec, PARENT_REFS);
  const rules = asArray(spec.rules);
  // Made at the first named rule: most routes name none, and every route runs this.
  let ruleNames: Map<string, number> | undefined;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (!isObject(rule)) continue;
    if (typeof rule.name === "string") {
      const at = rulePath(r);
      ruleNames ??= new Map();
      const first = ruleNames.get(rule.name);
      if (first !== undefined) {
        // The spec: "This name MUST be unique within a Route if it is set." Only the experimental
        // channel's CRDs enforce it (CEL "Rule name must be unique within the route"); the standard
        // channel, which gwsim validates against, admits the route.
        issues.push({
          code: "schema.experimental-rule",
          path: [...at, "name"],
          message: `${printPath([...at, "name"])}: rule name "${rule.name}" is also spec.rules[${first}].name; the spec says a rule name "MUST be unique within a Route". The standard-channel CRDs admit it, the experimental-channel CRDs refuse the route.`,
          hint: "Rename one of the rules (policies and status messages refer to rules by name).",
        });
      } else ruleNames.set(rule.name, r);
    }
    // Paths are built only where a rule can break: every rule of every route runs these checks.
    const backendRefs = asArray(rule.backendRefs);
    for (let b = 0; b < backendRefs.length; b++) {
      const ref = backendRefs[b];
      if (isObject(ref) && (ref.port === undefined || ref.port === null))
        appendAll(issues, checkServicePort(ref, [...rulePath(r), "backendRefs", b]));
    }
    if (kind === "HTTPRoute") checkHttpRule(rule, r, issues);
    if (kind === "GRPCRoute") appendAll(issues, checkGrpcRule(rule, rulePath(r)));
  }
  if (kind === "HTTPRoute" || kind === "GRPCRoute")
    appendAll(issues, checkTotalMatches(kind, rules));
  if (kind === "TLSRoute") appendAll(issues, checkNoIpHostnames(spec));
  return issues;
}

function checkTotalMatches(kind: string, rules: unknown[]): ValidationIssue[] {
  // HTTPRoute defaults an absent `matches` to one match; GRPCRoute has no such default.
  let total = 0;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const matches = isObject(rule) ? rule.matches : undefined;
    total += Array.isArray(matches) ? matches.length : kind === "HTTPRoute" ? 1 : 0;
  }
  if (total <= MAX_TOTAL_MATCHES) return emptyList();
  return [
    {
      code: "schema.rule",
      path: ["spec", "rules"],
      message: `spec.rules: the total number of matches across all rules in a route must be at most ${MAX_TOTAL_MATCHES}; this ${kind} has ${total}.`,
      hint: "Split the route into several routes.",
    },
  ];
}

/** `spec.rules[r]`: built only where a rule has something to report or a filter to check. */
function rulePath(r: number): Path {
  return ["spec", "rules", r];
}

/** Adds the broken CEL rules of HTTPRoute rule `r` to `issues`. */
function checkHttpRule(rule: Record<string, unknown>, r: number, issues: ValidationIssue[]): void {
  const filters = asArray(rule.filters);
  // Most rules have no filters and valid matches: their path is never needed.
  const at = filters.length > 0 ? rulePath(r) : undefined;
  const backendRefs = asArray(rule.backendRefs);
  if (at !== undefined) {
    appendAll(issues, needEngineModule("routeFilters").checkFilters(filters, [...at, "filters"]));
    const redirect = findRedirect(filters);
    if (redirect >= 0 && backendRefs.length > 0) {
      issues.push({
        code: "schema.rule",
        path: [...at, "filters", redirect],
        message: `${printPath(at)}: RequestRedirect filter must not be used together with backendRefs.`,
        hint: "A redirect is answered by the gateway itself: remove the backendRefs, or move the redirect to its own rule.",
      });
    }
    checkReplacePrefixMatch(rule, filters, [...at, "filters"], at, issues);
  }
  for (let b = 0; b < backendRefs.length; b++) {
    const ref = backendRefs[b];
    if (!isObject(ref)) continue;
    const refFilters = asArray(ref.filters);
    if (refFilters.length === 0) continue;
    const refAt = at ?? rulePath(r);
    const refPath = [...refAt, "backendRefs", b, "filters"];
    appendAll(issues, needEngineModule("routeFilters").checkFilters(refFilters, refPath));
    checkReplacePrefixMatch(rule, refFilters, refPath, refAt, issues);
  }
  const matches = asArray(rule.matches);
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m];
    if (!isObject(match)) continue;
    if (isObject(match.path)) checkPathValue(match.path, r, m, issues);
    const headers = asArray(match.headers);
    for (let h = 0; h < headers.length; h++) {
      const header = headers[h];
      if (isObject(header) && breaksHeaderValueRule(header.value))
        checkHeaderValue(
          header.value,
          [...(at ?? rulePath(r)), "matches", m, "headers", h, "value"],
          issues,
        );
    }
  }
  if (isObject(rule.timeouts))
    appendAll(issues, checkTimeouts(rule.timeouts, [...(at ?? rulePath(r)), "timeouts"]));
}

/** Index of the first RequestRedirect filter, or -1. */
function findRedirect(filters: readonly unknown[]): number {
  for (let f = 0; f < filters.length; f++) {
    const filter = filters[f];
    if (isObject(filter) && filter.requestRedirect !== undefined && filter.requestRedirect !== null)
      return f;
  }
  return -1;
}

/** ReplacePrefixMatch needs exactly one match, of type PathPrefix, to know which prefix to replace. */
function checkReplacePrefixMatch(
  rule: Record<string, unknown>,
  filters: unknown[],
  filtersPath: Path,
  rulePath: Path,
  issues: ValidationIssue[],
): void {
  filters.forEach((filter, f) => {
    if (!isObject(filter)) return;
    for (const member of ["requestRedirect", "urlRewrite"] as const) {
      const holder = filter[member];
      if (!isObject(holder) || !isObject(holder.path) || holder.path.type !== "ReplacePrefixMatch")
        continue;
      const matches = Array.isArray(rule.matches) ? rule.matches : [{}];
      const only = matches.length === 1 && isObject(matches[0]) ? matches[0] : undefined;
      const pathType =
        only === undefined
          ? undefined
          : isObject(only.path)
            ? (only.path.type ?? "PathPrefix")
            : "PathPrefix";
      if (pathType === "PathPrefix") continue;
      const found =
        matches.length !== 1
          ? `this rule has ${matches.length} matches`
          : `its match is of type ${JSON.stringify(pathType)} (spec.rules[${String(rulePath[2])}].matches[0].path.type)`;
      const filterName = member === "urlRewrite" ? "URLRewrite" : "RequestRedirect";
      issues.push({
        code: "schema.rule",
        path: [...filtersPath, f, member, "path", "type"],
        message: `${printPath([...filtersPath, f, member, "path", "type"])}: When using ${filterName} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified; ${found}.`,
        hint:
          matches.length === 1
            ? "Change the match to `type: PathPrefix`, or use `type: ReplaceFullPath` with `replaceFullPath:` for an exact path."
            : "Split the rule so that each rule with ReplacePrefixMatch has a single PathPrefix match.",
      });
    }
  });
}

/** One object for every path checked: a regex literal in the test made a RegExp per call. */
const ENCODED_SLASH = /%2f/i;
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

/**
 * The CEL rules on an Exact or PathPrefix value, in the CRD's order, each with its hint. The
 * hints are built only for a value that breaks a rule: every path match of every route runs these.
 */
const PATH_VALUE_RULES: readonly [(value: string) => boolean, string, (value: string) => string][] =
  [
    [
      (value) => !value.startsWith("/"),
      "value must be an absolute path and start with '/'",
      (value) => `Write ${JSON.stringify(`/${value}`)}.`,
    ],
    [(value) => value.includes("//"), "must not contain '//'", () => "Collapse the double slash."],
    [(value) => value.includes("/./"), "must not contain '/./'", () => "Remove the `.` segment."],
    [
      (value) => value.includes("/../"),
      "must not contain '/../'",
      () => "Remove the `..` segment.",
    ],
    [
      (value) => ENCODED_SLASH.test(value),
      "must not contain '%2f' or '%2F'",
      () => "Write the slash as `/`.",
    ],
    [
      (value) => value.includes("#"),
      "must not contain '#'",
      () => "Fragments are never sent to the server: remove it.",
    ],
    [(value) => value.endsWith("/.."), "must not end with '/..'", () => "Remove the `..` segment."],
    [(value) => value.endsWith("/."), "must not end with '/.'", () => "Remove the `.` segment."],
    [
      (value) => !PATH_CHARS.test(value),
      "must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$)",
      () => "Percent-encode the other characters, or use type: RegularExpression.",
    ],
  ];

/**
 * 1 at the characters PATH_CHARS allows on their own, except `.` and `%`: a path made only of
 * these, starting with `/` and without `//`, breaks none of PATH_VALUE_RULES (every other rule
 * needs a `.`, a `%`, a `#` or a double slash).
 */
const PLAIN_PATH_CHARS = new Uint8Array(128);
for (const ch of "-ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_~!$&'()*+,;=:@")
  PLAIN_PATH_CHARS[ch.charCodeAt(0)] = 1;

/**
 * Whether `value` passes every PATH_VALUE_RULES check, decided in one scan of its characters.
 * Nearly every path of every route is such a path: the nine checks, each a call and a search of
 * the string, ran for every path match of every analysis.
 */
export function isPlainPath(value: string): boolean {
  if (value.charCodeAt(0) !== 47) return false;
  let previous = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || PLAIN_PATH_CHARS[c] !== 1 || (c === 47 && previous === 47)) return false;
    previous = c;
  }
  return true;
}

/** Whether `value` breaks one of PATH_VALUE_RULES, each tested in turn (isPlainPath's reference). */
export function breaksPathValueRule(value: string): boolean {
  return PATH_VALUE_RULES.some((entry) => entry[0](value));
}

/** Adds the broken CEL rules of `rules[…].matches[matchIndex].path` to `issues`. */
function checkPathValue(
  path: Record<string, unknown>,
  ruleIndex: number,
  matchIndex: number,
  issues: ValidationIssue[],
): void {
  const type = path.type ?? "PathPrefix";
  if (type !== "Exact" && type !== "PathPrefix") return;
  const value = typeof path.value === "string" ? path.value : "/";
  if (isPlainPath(value)) return;
  for (let i = 0; i < PATH_VALUE_RULES.length; i++) {
    const entry = PATH_VALUE_RULES[i] as (typeof PATH_VALUE_RULES)[number];
    if (!entry[0](value)) continue;
    const rule = entry[1];
    const hint = entry[2];
    const at = [...rulePath(ruleIndex), "matches", matchIndex, "path", "value"];
    issues.push({
      code: "schema.rule" as const,
      path: at,
      message: `${printPath(at)}: ${JSON.stringify(value)} ${rule} when type is ${String(type)}.`,
      hint: hint(value),
    });
  }
}

function checkTimeouts(timeouts: unknown, at: Path): ValidationIssue[] {
  if (!isObject(timeouts)) return [];
  const request =
    typeof timeouts.request === "string" ? parseDuration(timeouts.request) : undefined;
  const backend =
    typeof timeouts.backendRequest === "string"
      ? parseDuration(timeouts.backendRequest)
      : undefined;
  if (request === undefined || backend === undefined || request === 0 || backend <= request)
    return [];
  return [
    {
      code: "schema.rule",
      path: [...at, "backendRequest"],
      message: `${printPath(at)}: backendRequest timeout cannot be longer than request timeout (${String(timeouts.backendRequest)} > ${String(timeouts.request)}).`,
      hint: "The request timeout covers every backend attempt: make backendRequest shorter, or raise request.",
    },
  ];
}

function checkGrpcRule(rule: Record<string, unknown>, at: Path): ValidationIssue[] {
  const filters = asArray(rule.filters);
  const issues =
    filters.length > 0
      ? needEngineModule("routeFilters").checkFilters(filters, [...at, "filters"])
      : [];
  asArray(rule.backendRefs).forEach((ref, b) => {
    if (isObject(ref) && asArray(ref.filters).length > 0)
      appendAll(
        issues,
        needEngineModule("routeFilters").checkFilters(ref.filters, [
          ...at,
          "backendRefs",
          b,
          "filters",
        ]),
      );
  });
  asArray(rule.matches).forEach((match, m) => {
    if (!isObject(match) || !isObject(match.method)) return;
    const method = match.method;
    if ((method.service ?? "") === "" && (method.method ?? "") === "") {
      issues.push({
        code: "schema.rule",
        path: [...at, "matches", m, "method"],
        message: `${printPath([...at, "matches", m, "method"])}: One or both of 'service' or 'method' must be specified.`,
        hint: "Add `service:` (e.g. com.example.User) and/or `method:` (e.g. Login), or remove `method`.",
      });
    }
  });
  return issues;
}

function checkNoIpHostnames(spec: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  asArray(spec.hostnames).forEach((h, i) => {
    // CEL isIP: a whole IPv4 or IPv6 address as netip parses it, not any text with a colon
    // ("http://a<" breaks the hostname pattern, not this rule).
    if (typeof h === "string" && isIPAddress(h)) {
      issues.push({
        code: "schema.rule",
        path: ["spec", "hostnames", i],
        message: `spec.hostnames[${i}]: Hostnames cannot contain an IP (${h}).`,
        hint: "Use a DNS name; TLS SNI never carries an IP address.",
      });
    }
  });
  return issues;
}
