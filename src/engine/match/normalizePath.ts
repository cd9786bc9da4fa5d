/**
 * Request-path normalization before matching (impl-specific; Envoy Gateway normalizes by
 * default): percent-encoded unreserved characters are decoded (RFC 3986 §2.3), "." and ".."
 * segments are removed (§5.2.4), and runs of "/" merge into one. Encoded "/" (%2F) stays encoded:
 * decoding it would change which segments exist. Most paths need none of this and are returned
 * as they are, without allocating.
 */
export function normalizePath(path: string): string {
  if (!needsNormalizing(path)) return path;
  const decoded = path.replace(/%([0-9A-Fa-f]{2})/g, (whole, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : whole.toUpperCase();
  });
  const out: string[] = [];
  const segments = (decoded.startsWith("/") ? decoded : `/${decoded}`).split("/");
  for (let i = 1; i < segments.length; i++) {
    const s = segments[i] ?? "";
    const last = i === segments.length - 1;
    if (s === "..") {
      out.pop();
      if (last) out.push("");
    } else if (s === ".") {
      if (last) out.push("");
    } else if (s === "" && !last) {
      continue;
    } else {
      out.push(s);
    }
  }
  return `/${out.join("/")}`;
}

/** One pass over the path: a "%", or a "/" followed by "/" or ".", or no leading "/". */
function needsNormalizing(path: string): boolean {
  if (path.charCodeAt(0) !== 47) return true;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 37) return true;
    if (c === 47) {
      const next = path.charCodeAt(i + 1);
      if (next === 47 || next === 46) return true;
    }
  }
  return false;
}
