/**
 * Paths in case files are relative to the file naming them, as in kustomize. Pure string
 * arithmetic on '/'-separated paths so the runner needs no node:path.
 */
export function resolveCasePath(fromFile: string, relative: string): string {
  if (relative.startsWith("/")) return normalizePath(relative);
  const slash = fromFile.lastIndexOf("/");
  const dir = slash >= 0 ? fromFile.slice(0, slash) : ".";
  return normalizePath(`${dir}/${relative}`);
}

export function normalizePath(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (part === ".." && absolute) continue;
    else out.push(part);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}
