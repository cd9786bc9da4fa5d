/**
 * Hostname matching as Gateway API defines it for routing: a wildcard `*.s` covers one or more
 * labels in front of `.s` (multi-label, unlike RFC 2818 certificates), `*` or a missing hostname
 * covers everything, and the port in a Host header never takes part.
 */
import type { MatchOutcome } from "./types";

export { hostnameSpecificity } from "./hostnameSpecificity";

/** Lower-cases a Host header / SNI and strips its port (also from a bracketed IPv6 literal). */
export function normalizeHost(host: string): string {
  let h = host;
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    h = end < 0 ? h : h.slice(0, end + 1);
  } else {
    const colon = h.indexOf(":");
    if (colon >= 0) h = h.slice(0, colon);
  }
  if (h.endsWith(".")) h = h.slice(0, -1);
  return h.toLowerCase();
}

/** True when `pattern` (an effective or listener hostname, `*` = all) covers the normalized host. */
export function isHostnameMatch(pattern: string, host: string): boolean {
  if (pattern === "*" || pattern === "") return true;
  if (pattern.startsWith("*.")) {
    const suffix = pattern.slice(1);
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return pattern === host;
}

export function matchHostname(pattern: string, host: string): MatchOutcome {
  const pass = isHostnameMatch(pattern, host);
  const shown = host === "" ? "(no Host)" : host;
  if (pattern === "*" || pattern === "") return { pass, detail: `${shown} matches any hostname` };
  if (pattern.startsWith("*.")) {
    return {
      pass,
      detail: pass
        ? `${shown} ends with ${pattern.slice(1)} with at least one label in front`
        : `${shown} is not covered by ${pattern} (needs one or more labels in front of ${pattern.slice(1)})`,
    };
  }
  return { pass, detail: pass ? `${shown} equals ${pattern}` : `${shown} is not ${pattern}` };
}

export function describeHostnameKind(pattern: string | undefined): string {
  if (pattern === undefined || pattern === "" || pattern === "*") return "match-all";
  return pattern.startsWith("*.") ? "wildcard" : "exact";
}

/**
 * Hash-based lookup of the most specific pattern covering a host: exact map, then wildcard
 * suffixes from the longest, then the match-all. Only suffixes as long as some configured
 * wildcard are probed (one map probe per distinct wildcard length), so a host of 100,000 labels
 * costs no more than a short one.
 */
export class HostnameIndex<T> {
  private readonly exact = new Map<string, T>();
  private readonly wildcard = new Map<string, T>();
  /** Distinct lengths of the wildcard keys (".example.com"), longest first. */
  private wildcardLengths: number[] = [];
  private any: T | undefined;

  /** Keeps the first value registered for a pattern. */
  add(pattern: string | undefined, value: T): void {
    if (pattern === undefined || pattern === "" || pattern === "*") {
      if (this.any === undefined) this.any = value;
    } else if (pattern.startsWith("*.")) {
      const key = pattern.slice(1);
      if (!this.wildcard.has(key)) {
        this.wildcard.set(key, value);
        if (!this.wildcardLengths.includes(key.length))
          this.wildcardLengths = [...this.wildcardLengths, key.length].sort((a, b) => b - a);
      }
    } else if (!this.exact.has(pattern)) {
      this.exact.set(pattern, value);
    }
  }

  lookup(host: string): T | undefined {
    if (host !== "") {
      const exact = this.exact.size === 0 ? undefined : this.exact.get(host);
      if (exact !== undefined) return exact;
      for (const length of this.wildcardLengths) {
        // The suffix must start at a dot with at least one character (a label) in front.
        const at = host.length - length;
        if (at < 1 || host.charCodeAt(at) !== 46 /* . */) continue;
        const hit = this.wildcard.get(host.slice(at));
        if (hit !== undefined) return hit;
      }
    }
    return this.any;
  }
}
