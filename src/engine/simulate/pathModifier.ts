/**
 * HTTPPathModifier (spec §4.3), shared by URLRewrite and RequestRedirect. ReplacePrefixMatch
 * replaces the element-wise matched prefix, which reproduces the spec's table exactly
 * (`/foo` + "" or "/" → "/", `/foo/` + `/xyz` → `/xyz/`).
 */
import type { HTTPPathModifier } from "../api/spec";

export function replacePrefixMatch(
  requestPath: string,
  matchPrefix: string,
  replacement: string,
): string {
  const p = matchPrefix.endsWith("/") ? matchPrefix.slice(0, -1) : matchPrefix;
  const r = replacement.endsWith("/") ? replacement.slice(0, -1) : replacement;
  const out = r + requestPath.slice(p.length);
  return out === "" ? "/" : out;
}

export type PathModifierResult =
  { ok: true; path: string; detail: string } | { ok: false; path: string; detail: string };

/**
 * `matchedPath` is the winning match's path condition; ReplacePrefixMatch needs it to be a
 * PathPrefix (CEL enforces that a rule using it has exactly one PathPrefix match).
 */
export function applyPathModifier(
  path: string,
  m: HTTPPathModifier,
  matchedPath: { type: string; value: string } | undefined,
): PathModifierResult {
  const result = modifyPath(path, m, matchedPath);
  if (!result.ok || result.path.startsWith("/")) return result;
  // A replacement without its leading "/" (validation warns: filter.relative-path). A request
  // target or a Location path is absolute; read as written it would run into the host or port
  // (http://svc:8080foo/bar), so the simulation follows the path the user evidently meant.
  return {
    ok: true,
    path: `/${result.path}`,
    detail: `${result.detail}; not an absolute path, simulated as /${result.path}`,
  };
}

function modifyPath(
  path: string,
  m: HTTPPathModifier,
  matchedPath: { type: string; value: string } | undefined,
): PathModifierResult {
  if (m.type === "ReplaceFullPath") {
    const full = m.replaceFullPath ?? "/";
    return { ok: true, path: full, detail: `path ${path} → ${full} (ReplaceFullPath)` };
  }
  if (m.type === "ReplacePrefixMatch") {
    if (matchedPath?.type !== "PathPrefix") {
      return {
        ok: false,
        path,
        detail:
          "ReplacePrefixMatch needs the rule to match a single PathPrefix; path left unchanged",
      };
    }
    const out = replacePrefixMatch(path, matchedPath.value, m.replacePrefixMatch ?? "");
    return {
      ok: true,
      path: out,
      detail: `path ${path} → ${out} (prefix ${matchedPath.value} replaced by "${m.replacePrefixMatch ?? ""}")`,
    };
  }
  return {
    ok: false,
    path,
    detail: `unsupported path modifier type "${m.type ?? ""}"; path left unchanged`,
  };
}
