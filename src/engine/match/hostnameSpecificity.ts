/**
 * How specific a hostname pattern is, for ordering them. Apart from hostname.ts (matching,
 * lookup: the simulator's and lint's) because the analysis orders every route table by it, and
 * the engine worker's first chunk holds only the analysis.
 */

/**
 * Specificity of a hostname pattern, higher is more specific: exact names first (by length),
 * then wildcards by the length of their suffix, then the match-all.
 */
export function hostnameSpecificity(pattern: string | undefined): number {
  if (pattern === undefined || pattern === "" || pattern === "*") return 0;
  if (pattern.startsWith("*.")) return 1 + pattern.length;
  return 10_000 + pattern.length;
}
