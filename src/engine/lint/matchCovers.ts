/**
 * matchCovers(a, b): does every request that `b` matches also match `a`? Used to prove that a
 * higher-ranked route-table entry takes all of a lower one's traffic. The answer is conservative:
 * "covered" only when it follows from the match fields alone (a regular expression covers only
 * itself, the exact paths it accepts, and prefixes of a literal-prefix pattern), so a reported shadow is never a false alarm.
 */
import { compileRegex } from "../match/regex";
import type { RouteTableMatch } from "../routing/types";

export function matchCovers(a: RouteTableMatch, b: RouteTableMatch): boolean {
  if (!pathCovers(a.path, b.path)) return false;
  if (a.method !== undefined && a.method !== b.method) return false;
  if (!grpcCovers(a.grpc, b.grpc)) return false;
  const headersCovered = a.headers.every((h) =>
    b.headers.some(
      (x) =>
        x.type === h.type && x.value === h.value && x.name.toLowerCase() === h.name.toLowerCase(),
    ),
  );
  if (!headersCovered) return false;
  return a.queryParams.every((q) =>
    b.queryParams.some((x) => x.type === q.type && x.value === q.value && x.name === q.name),
  );
}

/** Same fields, same values: neither match is more specific than the other. */
export function isSameMatch(a: RouteTableMatch, b: RouteTableMatch): boolean {
  return matchCovers(a, b) && matchCovers(b, a);
}

function pathCovers(a: RouteTableMatch["path"], b: RouteTableMatch["path"]): boolean {
  if (a === undefined) return true;
  if (b === undefined) return false;
  switch (a.type) {
    case "Exact":
      return b.type === "Exact" && b.value === a.value;
    case "PathPrefix":
      return (b.type === "Exact" || b.type === "PathPrefix") && prefixCovers(a.value, b.value);
    case "RegularExpression": {
      if (b.type === "RegularExpression") return b.value === a.value;
      if (b.type === "PathPrefix") return literalPrefixCovers(a.value, b.value);
      if (b.type !== "Exact") return false;
      const compiled = compileRegex(a.value);
      return compiled.ok && compiled.regex.matches(b.value);
    }
    default:
      return false;
  }
}

/** PathPrefix matches whole path segments: "/api" covers "/api" and "/api/v1", not "/apis". */
function prefixCovers(prefix: string, path: string): boolean {
  const p = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (p === "") return true;
  return path === p || path === `${p}/` || path.startsWith(`${p}/`);
}

/**
 * A regex of the form `<literal>.*` (e.g. "/.*", "/api/.*") matches exactly the paths that start
 * with the literal, so it covers a PathPrefix whose every path starts with it. Other regexes are
 * not compared with prefixes.
 */
function literalPrefixCovers(regex: string, prefix: string): boolean {
  const m = /^([A-Za-z0-9/_~-]*)\.\*$/.exec(regex);
  if (m === null) return false;
  const p = prefix.endsWith("/") && prefix.length > 1 ? prefix.slice(0, -1) : prefix;
  return p.startsWith(m[1] ?? "");
}

function grpcCovers(a: RouteTableMatch["grpc"], b: RouteTableMatch["grpc"]): boolean {
  if (a === undefined) return true;
  if (b === undefined) return false;
  if (a.type !== b.type) return false;
  if (a.service !== undefined && a.service !== b.service) return false;
  return a.method === undefined || a.method === b.method;
}
