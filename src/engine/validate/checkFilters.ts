/**
 * CEL rules on a list of HTTPRoute/GRPCRoute filters (rule level or backendRef level), plus the
 * header names a header modifier repeats: the CRD refuses exact repeats inside one action, the
 * spec has the first of equivalent names count (see checkHeaderNames).
 * @see /work/shared/spec/GATEWAY-API-SEMANTICS.md §4
 */
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";
import { appendAll } from "../collections/appendAll";
import { lookupTable } from "../collections/dict";
import { checkServicePort } from "./checkServicePort";
import { checkHeaderValue } from "./checkHeaderValue";

type Path = (string | number)[];

const MEMBER = lookupTable<string>({
  RequestHeaderModifier: "requestHeaderModifier",
  ResponseHeaderModifier: "responseHeaderModifier",
  RequestMirror: "requestMirror",
  RequestRedirect: "requestRedirect",
  URLRewrite: "urlRewrite",
  ExtensionRef: "extensionRef",
  CORS: "cors",
  ExternalAuth: "externalAuth",
});
const REPEATABLE = new Set(["RequestMirror", "ExtensionRef"]);

export function checkFilters(filters: unknown, path: Path): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const firstOfType = new Map<string, number>();
  const list = asArray(filters);
  list.forEach((raw, i) => {
    if (!isObject(raw) || typeof raw.type !== "string") return;
    const at = [...path, i];
    const type = raw.type;
    const member = MEMBER[type];
    if (member === undefined) return; // enum error already reported by the schema walk
    if (!REPEATABLE.has(type)) {
      const first = firstOfType.get(type);
      if (first !== undefined) {
        issues.push({
          code: "schema.rule",
          path: [...at, "type"],
          message: `${printPath(at)}: ${type} filter cannot be repeated (also at ${printPath([...path, first])}).`,
          hint: "Merge the two filters into one.",
        });
      } else firstOfType.set(type, i);
    }
    if (raw[member] === undefined || raw[member] === null) {
      issues.push({
        code: "schema.rule",
        path: [...at, member],
        message: `${printPath(at)}: filter.${member} must be specified for ${type} filter.type.`,
        hint: `Add \`${member}:\` with its settings next to \`type: ${type}\`.`,
      });
    }
    for (const [otherType, otherMember] of Object.entries(MEMBER)) {
      if (
        otherMember !== undefined &&
        otherType !== type &&
        raw[otherMember] !== undefined &&
        raw[otherMember] !== null
      ) {
        issues.push({
          code: "schema.rule",
          path: [...at, otherMember],
          message: `${printPath(at)}: filter.${otherMember} must be nil if the filter.type is not ${otherType} (type is ${type}).`,
          hint: `Use one filter entry per type: move \`${otherMember}\` into its own entry with \`type: ${otherType}\`.`,
        });
      }
    }
    appendAll(issues, checkFilterBody(raw, type, at));
  });
  if (firstOfType.has("RequestRedirect") && firstOfType.has("URLRewrite")) {
    const at = [...path, firstOfType.get("URLRewrite") as number];
    issues.push({
      code: "schema.rule",
      path: [...at, "type"],
      message: `${printPath(path)}: May specify either RequestRedirect or URLRewrite, but not both.`,
      hint: "A redirect answers the client itself, so there is nothing to rewrite: keep one of the two.",
    });
  }
  return issues;
}

function checkFilterBody(
  filter: Record<string, unknown>,
  type: string,
  at: Path,
): ValidationIssue[] {
  switch (type) {
    case "RequestHeaderModifier":
    case "ResponseHeaderModifier":
      return checkHeaderNames(filter[MEMBER[type] as string], [...at, MEMBER[type] as string]);
    case "RequestMirror":
      return checkMirror(filter.requestMirror, [...at, "requestMirror"]);
    case "RequestRedirect":
    case "URLRewrite":
      return checkPathModifier(filter[MEMBER[type] as string], [...at, MEMBER[type] as string]);
    case "CORS":
      return checkCors(filter.cors, [...at, "cors"]);
    default:
      return [];
  }
}

/**
 * Header names a header modifier repeats. What decides each case:
 * - The CRD: `set` and `add` are list-maps keyed by `name`, `remove` a list-type set, so the API
 *   server refuses an object repeating the exact same name inside one action (an error).
 * - HTTPHeader.name: "If multiple entries specify equivalent header names, the first entry with an
 *   equivalent name MUST be considered ... Subsequent entries with an equivalent header name MUST be
 *   ignored." So `X-Foo` after `x-foo`, or a name repeated in another action, is admitted and
 *   ignored (a warning; the rule stays accepted and simulate/headerModifier.ts skips the entry).
 * - HTTPHeaderFilter calls a filter naming a header in several actions invalid, but says nothing
 *   of what a controller then does, so that is said in the warning and not turned into a rejection.
 */
function checkHeaderNames(modifier: unknown, at: Path): ValidationIssue[] {
  if (!isObject(modifier)) return [];
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, { action: string; where: string; name: string }>();
  for (const action of ["set", "add", "remove"] as const) {
    asArray(modifier[action]).forEach((entry, i) => {
      if (action !== "remove" && isObject(entry))
        checkHeaderValue(entry.value, [...at, action, i, "value"], issues);
      const name = action === "remove" ? entry : isObject(entry) ? entry.name : undefined;
      if (typeof name !== "string") return;
      const where = printPath([...at, action, i]);
      const path = action === "remove" ? [...at, action, i] : [...at, action, i, "name"];
      const first = seen.get(name.toLowerCase());
      if (first === undefined) {
        seen.set(name.toLowerCase(), { action, where, name });
        return;
      }
      if (first.action === action && first.name === name) {
        const crd =
          action === "remove"
            ? "remove is a set of names (x-kubernetes-list-type: set)"
            : `${action} is a list keyed by name (x-kubernetes-list-map-keys: [name])`;
        issues.push({
          code: "schema.rule",
          path: [...at, action, i],
          message: `${where}: Duplicate value: header ${JSON.stringify(name)} is already at ${first.where}; ${crd}, so the API server refuses the object.`,
          hint: "Keep one entry for this header.",
        });
        return;
      }
      const spec =
        first.action === action
          ? 'HTTPHeader.name: "If multiple entries specify equivalent header names, the first entry with an equivalent name MUST be considered ... Subsequent entries with an equivalent header name MUST be ignored."'
          : 'HTTPHeaderFilter: "Only one action for a given header name is permitted" (the spec calls such a filter invalid but does not say what a controller does); HTTPHeader.name: the first entry with an equivalent name counts, later ones "MUST be ignored".';
      issues.push({
        code: "filter.header-repeated",
        path,
        message: `${where}: header ${JSON.stringify(name)} is already named at ${first.where} (header names are case-insensitive), so this entry is ignored and the rule is still accepted. ${spec}`,
        hint: `Keep one entry for this header: the ${first.action} at ${first.where} is the one that acts.`,
      });
    });
  }
  return issues;
}

/**
 * A header value the experimental-channel CRDs refuse: since v1.5 they give HTTPHeader.value and
 * HTTPHeaderMatch.value the RFC 7230 field-value pattern `^[!-~]+([\t ]?[!-~]+)*$` (printable
 * US-ASCII, single tabs or spaces between). The standard channel, which gwsim validates against,
 * stores the value, and a CR or LF in it would then reach the proxy's header handling. Checked
 * with a loop: the pattern's nested quantifiers backtrack exponentially in a JavaScript regex.
 */
function checkMirror(mirror: unknown, at: Path): ValidationIssue[] {
  if (!isObject(mirror)) return [];
  const issues: ValidationIssue[] = [];
  if (
    mirror.percent !== undefined &&
    mirror.percent !== null &&
    mirror.fraction !== undefined &&
    mirror.fraction !== null
  ) {
    issues.push({
      code: "schema.rule",
      path: [...at, "fraction"],
      message: `${printPath(at)}: Only one of percent or fraction may be specified in HTTPRequestMirrorFilter.`,
      hint: "Keep `percent` (0–100) or `fraction`, not both.",
    });
  }
  const fraction = mirror.fraction;
  if (isObject(fraction) && typeof fraction.numerator === "number") {
    const denominator = typeof fraction.denominator === "number" ? fraction.denominator : 100;
    if (fraction.numerator > denominator) {
      issues.push({
        code: "schema.rule",
        path: [...at, "fraction", "numerator"],
        message: `${printPath([...at, "fraction"])}: numerator must be less than or equal to denominator (${fraction.numerator} > ${denominator}).`,
      });
    }
  }
  appendAll(issues, checkServicePort(mirror.backendRef, [...at, "backendRef"]));
  return issues;
}

function checkPathModifier(holder: unknown, at: Path): ValidationIssue[] {
  if (!isObject(holder) || !isObject(holder.path)) return [];
  const path = holder.path;
  const issues: ValidationIssue[] = [];
  const pairs = [
    ["ReplaceFullPath", "replaceFullPath"],
    ["ReplacePrefixMatch", "replacePrefixMatch"],
  ] as const;
  for (const [type, field] of pairs) {
    const set = path[field] !== undefined && path[field] !== null;
    if (path.type === type && !set) {
      issues.push({
        code: "schema.rule",
        path: [...at, "path"],
        message: `${printPath([...at, "path"])}: ${field} must be specified when type is set to '${type}'.`,
        hint: `Add \`${field}:\` with the new path.`,
      });
    } else if (path.type !== type && set) {
      issues.push({
        code: "schema.rule",
        path: [...at, "path", field],
        message: `${printPath([...at, "path"])}: type must be '${type}' when ${field} is set.`,
        hint: `Set \`type: ${type}\`, or use the field that matches the type.`,
      });
    }
    const value = path[field];
    if (path.type === type && typeof value === "string" && value !== "" && !value.startsWith("/"))
      issues.push(relativePath(value, [...at, "path", field]));
  }
  return issues;
}

/**
 * A replaceFullPath or replacePrefixMatch that does not start with "/". No CRD rule refuses it
 * (the fields have only a length limit), but a path in a request line or a Location is absolute:
 * Linkerd's admission webhook refuses a RequestRedirect with one ("RequestRedirect filters may
 * only contain absolute paths"; it does not check URLRewrite), and Envoy Gateway's translator
 * passes the value on as written (internal/gatewayapi/filters.go checks only that it is set).
 * An empty replacePrefixMatch is the spec's own "remove the prefix" and is not reported.
 * The simulation puts a "/" in front (pathModifier.ts), so the trace never runs host and path
 * together.
 */
function relativePath(value: string, path: Path): ValidationIssue {
  const redirect = path.includes("requestRedirect");
  const effect = redirect
    ? `Linkerd's admission webhook refuses the route ("RequestRedirect filters may only contain absolute paths"); a controller that copies the value as written (Envoy Gateway passes it on unchecked) sends a Location whose path runs into the host or port (http://example.com:8080${value}).`
    : `a controller that copies the value as written (Envoy Gateway passes it on unchecked; Linkerd's webhook checks only RequestRedirect paths) sends the backend a request target without its leading "/", an invalid request line that a server should answer with 400 Bad Request (RFC 9112 §3).`;
  return {
    code: "filter.relative-path",
    path,
    message: `${printPath(path)}: ${JSON.stringify(value)} is not an absolute path (it does not start with "/"). No CRD rule refuses it, but ${effect} gwsim simulates it as ${JSON.stringify(`/${value}`)}.`,
    hint: `Start the path with "/": ${JSON.stringify(`/${value}`)}.`,
  };
}

function checkCors(cors: unknown, at: Path): ValidationIssue[] {
  if (!isObject(cors)) return [];
  const issues: ValidationIssue[] = [];
  for (const field of ["allowOrigins", "allowMethods", "allowHeaders"] as const) {
    const values = asArray(cors[field]);
    if (values.length > 1 && values.includes("*")) {
      issues.push({
        code: "schema.rule",
        path: [...at, field],
        message: `${printPath([...at, field])}: '*' cannot be combined with other entries.`,
        hint: "Use a lone '*' to allow everything, or list the values without it.",
      });
    }
  }
  return issues;
}
