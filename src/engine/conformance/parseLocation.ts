/** The parts of a redirect Location header that upstream's redirect check compares. */
export interface ParsedLocation {
  scheme?: string;
  host?: string;
  port?: number;
  path: string;
}

const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(\[[^\]]*\]|[^/:?#]*)(?::(\d+))?([^?#]*)/;

export function parseLocation(location: string): ParsedLocation {
  const m = ABSOLUTE.exec(location);
  if (!m) return { path: location.split(/[?#]/)[0] ?? "" };
  const parsed: ParsedLocation = {
    scheme: (m[1] ?? "").toLowerCase(),
    host: m[2] ?? "",
    path: m[4] || "/",
  };
  if (m[3] !== undefined) parsed.port = Number(m[3]);
  return parsed;
}

export function defaultPort(scheme: string | undefined): number | undefined {
  if (scheme === "http" || scheme === "ws") return 80;
  if (scheme === "https" || scheme === "wss") return 443;
  return undefined;
}
