/**
 * "Did you mean" for enum values: known aliases from neighbouring APIs first (Ingress says
 * `Prefix`, Gateway API says `PathPrefix`), then a case-insensitive match, then the closest value
 * by edit distance.
 */
import { lookupTable } from "../collections/dict";

export interface Suggestion {
  value: string;
  /** Why this value is suggested, when it is not just a typo. */
  why?: string;
}

const ALIASES = lookupTable<{ value: string; why: string }>({
  prefix: { value: "PathPrefix", why: "`Prefix` is the Ingress spelling" },
  implementationspecific: {
    value: "RegularExpression",
    why: "`ImplementationSpecific` is the Ingress spelling",
  },
  regex: { value: "RegularExpression", why: "Gateway API spells out RegularExpression" },
  regexp: { value: "RegularExpression", why: "Gateway API spells out RegularExpression" },
  httpheadermodifier: {
    value: "RequestHeaderModifier",
    why: "`HTTPHeaderModifier` is not a filter type (HTTPHeaderFilter is the Go type name); the filter that edits request headers is RequestHeaderModifier",
  },
  headermodifier: {
    value: "RequestHeaderModifier",
    why: "header filters are RequestHeaderModifier or ResponseHeaderModifier",
  },
  redirect: { value: "RequestRedirect", why: "the redirect filter is RequestRedirect" },
  httprequestredirect: { value: "RequestRedirect", why: "the redirect filter is RequestRedirect" },
  rewrite: { value: "URLRewrite", why: "the rewrite filter is URLRewrite" },
  urlrewritefilter: { value: "URLRewrite", why: "the rewrite filter is URLRewrite" },
  mirror: { value: "RequestMirror", why: "the mirror filter is RequestMirror" },
  replaceprefix: { value: "ReplacePrefixMatch", why: "the prefix rewrite is ReplacePrefixMatch" },
  replacepath: { value: "ReplaceFullPath", why: "the full-path rewrite is ReplaceFullPath" },
});

/** No suggestion is ever further than this many edits away (see `tolerance` below). */
const MAX_TOLERANCE = 3;

const LONGEST_ALIAS = Object.keys(ALIASES).reduce((max, a) => Math.max(max, a.length), 0);

export function suggestValue(value: string, allowed: readonly string[]): Suggestion | undefined {
  // A value much longer than every candidate can be neither close to one nor contained in one:
  // no work (and no 200 KB lower-case copy) for it.
  if (value.length <= LONGEST_ALIAS) {
    const alias = ALIASES[value.toLowerCase()];
    if (alias && allowed.includes(alias.value)) return alias;
  }
  const longest = allowed.reduce((max, a) => Math.max(max, a.length), 0);
  if (value.length > longest + MAX_TOLERANCE) return undefined;
  const lower = value.toLowerCase();
  const sameCase = allowed.find((a) => a.toLowerCase() === lower);
  if (sameCase) return { value: sameCase, why: "values are case-sensitive" };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    // The distance is at least the difference in length: skip what cannot be within tolerance.
    if (Math.abs(candidate.length - lower.length) > MAX_TOLERANCE) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(1, Math.min(MAX_TOLERANCE, Math.floor(value.length / 3)));
  if (best !== undefined && bestDistance <= tolerance) return { value: best };
  const containing = allowed.filter((a) => lower.length >= 4 && a.toLowerCase().includes(lower));
  if (containing.length === 1 && containing[0] !== undefined) return { value: containing[0] };
  return undefined;
}

/** Levenshtein distance; inputs are short enum values, so the quadratic table is fine. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
