/**
 * Checks one request case's `expect` against the engine's outcome, with upstream's defaults
 * (fixtures/conformance/README.md, "expect fields"). Returns every failed check as one line
 * naming the field, the expected value and what the engine gave.
 */
import type { RequestOutcome } from "../simulate/types";
import type { RequestCase } from "./caseTypes";
import { defaultPort, parseLocation } from "./parseLocation";
import { backendPercents, roundPercent } from "./summarizeOutcome";

export interface RequestMatch {
  pass: boolean;
  failures: string[];
}

export interface RequestFacts {
  /** Outcomes of consecutive requests, each with its own pick, for `backendNameInHeader`. */
  perBackend?: readonly RequestOutcome[];
}

const KNOWN_FIELDS = new Set([
  "status",
  "grpcCode",
  "backend",
  "backendNamespace",
  "backends",
  "request",
  "response",
  "redirect",
  "mirroredTo",
  "mirrorPercent",
  "repeat",
  "backendNameInHeader",
  "connectionRejected",
  "requestFails",
  "clientCertificateRequested",
  "backendTLS",
]);

/**
 * Every field of `expect` is checked; a field this matcher cannot check fails, so no
 * expectation passes unread.
 */
export function matchRequestExpectation(
  rc: RequestCase,
  outcome: RequestOutcome,
  facts: RequestFacts = {},
): RequestMatch {
  const e = rc.expect;
  const failures: string[] = [];
  const fail = (line: string): void => {
    failures.push(line);
  };
  for (const field of Object.keys(e))
    if (!KNOWN_FIELDS.has(field)) fail(`${field}: gwsim cannot check this expectation field`);
  if (e.clientCertificateRequested !== undefined) {
    const asked = (outcome as { clientCertificateRequested?: boolean }).clientCertificateRequested;
    if (asked !== e.clientCertificateRequested) {
      fail(
        `clientCertificateRequested: expected ${e.clientCertificateRequested}; got ${asked ?? "not modelled by the outcome"}`,
      );
    }
  }

  if (e.connectionRejected === true || e.requestFails === true) {
    const field = e.connectionRejected === true ? "connectionRejected" : "requestFails";
    if (outcome.kind !== "connection-refused") {
      fail(
        `${field}: expected the connection to fail; got ${outcome.kind} with status ${outcome.status}`,
      );
    }
    return { pass: failures.length === 0, failures };
  }
  if (outcome.kind === "connection-refused") {
    fail(`connection: expected a response; got the connection refused (${outcome.reason})`);
    return { pass: false, failures };
  }
  // A raw TLS/TCP/UDP connection has no HTTP request: what the backend sees is its stream.
  if (isRawConnection(rc)) {
    checkBackendStream(rc, outcome, fail);
    checkBackends(rc, outcome, false, fail);
    if (e.status !== undefined || e.grpcCode !== undefined || e.response || e.redirect)
      fail(
        "status: a raw TLS/TCP/UDP connection has no HTTP status, response or redirect to check",
      );
    return { pass: failures.length === 0, failures };
  }
  if (e.backendTLS !== undefined)
    fail("backendTLS: only checked on raw tls/tcp/udp connections (use request.sni for HTTP)");

  const statuses = e.status === undefined ? [] : Array.isArray(e.status) ? e.status : [e.status];
  if (statuses.length > 0 && !statuses.some((s) => sameStatus(s, outcome.status))) {
    fail(
      `status: expected ${statuses.join(" or ")}; got ${outcome.kind === "unknown" ? `an unknown response (${outcome.reason})` : outcome.status}`,
    );
  }
  if (e.grpcCode !== undefined && outcome.grpcCode !== e.grpcCode) {
    fail(
      `grpcCode: expected ${e.grpcCode}; got ${outcome.grpcCode ?? "(none: not a gRPC outcome)"}`,
    );
  }
  const expects2xx = statuses.length > 0 && statuses.every((s) => s >= 200 && s < 300);
  checkBackends(rc, outcome, expects2xx, fail);
  if (expects2xx && outcome.status >= 200 && outcome.status < 300)
    checkForwardedRequest(rc, outcome, fail);
  if (e.response && (outcome.status === 200 || outcome.status === 204))
    checkResponse(rc, outcome, fail);
  if (e.redirect) checkRedirect(rc, outcome, fail);
  checkMirrors(rc, outcome, fail);
  if (e.backendNameInHeader !== undefined)
    checkBackendNameInHeader(e.backendNameInHeader, facts.perBackend, fail);
  return { pass: failures.length === 0, failures };
}

type Fail = (line: string) => void;

function isRawConnection(rc: RequestCase): boolean {
  const scheme = rc.request.scheme;
  return scheme === "tls" || scheme === "tcp" || scheme === "udp";
}

/**
 * `backendTLS`: whether the backend itself sees TLS (the client's on Passthrough, or the
 * Gateway's when a BackendTLSPolicy re-encrypts); `request.sni`/`clientCertificate`: that
 * TLS as the backend sees it. Nothing else of `request` exists on a raw stream.
 */
function checkBackendStream(rc: RequestCase, outcome: RequestOutcome, fail: Fail): void {
  const e = rc.expect;
  const stream = outcome.backendStream;
  const seen = (): string =>
    stream === undefined
      ? `no connection forwarded (${outcome.kind})`
      : stream.tls
        ? `TLS with SNI ${stream.sni ?? "(none)"} (${stream.origin ?? "?"})`
        : "plaintext (TLS terminated at the Gateway, no BackendTLSPolicy)";
  if (e.backendTLS !== undefined && rc.request.scheme !== "tls") {
    fail(
      `backendTLS: a ${rc.request.scheme} listener passes the client's bytes on unread; only tls connections have a TLS mode to check`,
    );
  } else if (e.backendTLS !== undefined && stream?.tls !== e.backendTLS) {
    const want = e.backendTLS ? "TLS" : "plaintext (TLS terminated at the Gateway)";
    fail(`backendTLS: expected the backend to see ${want}; it sees ${seen()}`);
  }
  const want = e.request;
  if (want === undefined) return;
  for (const field of Object.keys(want))
    if (field !== "sni" && field !== "clientCertificate")
      fail(`request.${field}: a raw ${rc.request.scheme} connection carries no HTTP request`);
  if (want.sni !== undefined && (stream?.tls !== true || stream.sni !== want.sni))
    fail(`request.sni: expected the backend to see SNI ${want.sni}; it sees ${seen()}`);
  if (
    want.clientCertificate !== undefined &&
    stream?.clientCertificate !== want.clientCertificate
  ) {
    fail(
      `request.clientCertificate: expected the Gateway to present ${want.clientCertificate}; got ${stream?.clientCertificate ?? "no client certificate"}`,
    );
  }
}

/** Upstream treats 408 and 504 as the same timeout status. */
function sameStatus(expected: number, got: number): boolean {
  const timeout = (s: number): boolean => s === 408 || s === 504;
  return expected === got || (timeout(expected) && timeout(got));
}

function checkBackends(
  rc: RequestCase,
  outcome: RequestOutcome,
  expects2xx: boolean,
  fail: Fail,
): void {
  const e = rc.expect;
  const got = backendPercents(outcome);
  const reached = Object.entries(got).filter(([k, v]) => k !== "none" && v > 0);
  const reachedText =
    reached.length === 0 ? "no backend" : reached.map(([k, v]) => `${k} ${v}%`).join(", ");
  if (e.backends) {
    const keys = new Set([...Object.keys(e.backends), ...Object.keys(got)]);
    const wrong = [...keys].filter(
      (k) => Math.abs(roundPercent(e.backends?.[k] ?? 0) - (got[k] ?? 0)) > 1e-6,
    );
    if (wrong.length > 0) {
      fail(`backends: expected ${printShares(e.backends)}; got ${printShares(got)}`);
    }
    return;
  }
  if (e.backend !== undefined) {
    if (reached.length !== 1 || reached[0]?.[0] !== e.backend || (got.none ?? 0) > 0) {
      fail(
        `backend: expected every request to reach ${e.backend}; got ${reachedText}${(got.none ?? 0) > 0 ? ` (none: ${got.none}%)` : ""}`,
      );
    }
    return;
  }
  if (e.backendNamespace !== undefined) {
    const ns = e.backendNamespace;
    if (reached.length === 0 || reached.some(([k]) => !k.startsWith(`${ns}/`))) {
      fail(`backendNamespace: expected a backend in namespace ${ns}; got ${reachedText}`);
    }
    return;
  }
  if (expects2xx && (reached.length > 0 || outcome.kind === "forwarded")) {
    fail(
      `backend: expected the Gateway to answer itself (no backend); got ${outcome.kind} to ${reachedText}`,
    );
  }
}

function checkForwardedRequest(rc: RequestCase, outcome: RequestOutcome, fail: Fail): void {
  const e = rc.expect;
  const reachesBackend =
    e.backend !== undefined || e.backendNamespace !== undefined || e.backends !== undefined;
  if (!reachesBackend) return;
  const got = outcome.request;
  if (!got) {
    fail(
      "request: expected the request to be forwarded to a backend; the outcome has no forwarded request",
    );
    return;
  }
  const want = e.request;
  if (!want) {
    // Upstream's default: the backend receives exactly what was sent.
    const sent = rc.request;
    if (sent.grpc) return;
    if (sent.method !== undefined && got.method !== sent.method)
      fail(`request.method: expected ${sent.method} (unchanged); got ${got.method}`);
    if (sent.path !== undefined && got.path !== sent.path)
      fail(`request.path: expected ${sent.path} (unchanged); got ${got.path}`);
    if (sent.host !== undefined && got.host !== sent.host)
      fail(`request.host: expected ${sent.host} (unchanged); got ${got.host}`);
    for (const [name, value] of Object.entries(sent.headers ?? {})) {
      const actual = headerValue(got.headers, name);
      if (actual !== value)
        fail(
          `request.headers.${name}: expected ${JSON.stringify(value)} (unchanged); got ${printValue(actual)}`,
        );
    }
    return;
  }
  if (want.method !== undefined && got.method !== want.method)
    fail(`request.method: expected ${want.method}; got ${got.method}`);
  if (want.path !== undefined && got.path !== want.path)
    fail(`request.path: expected ${want.path}; got ${got.path}`);
  if (want.host !== undefined && got.host !== want.host)
    fail(`request.host: expected ${want.host}; got ${got.host}`);
  for (const [name, value] of Object.entries(want.headers ?? {})) {
    const actual = headerValue(got.headers, name);
    if (actual !== String(value))
      fail(
        `request.headers.${name}: expected ${JSON.stringify(String(value))}; got ${printValue(actual)}`,
      );
  }
  for (const name of want.absentHeaders ?? []) {
    const actual = headerValue(got.headers, name);
    if (actual !== undefined)
      fail(`request.absentHeaders: expected no ${name} header; got ${JSON.stringify(actual)}`);
  }
  // The TLS connection from the Gateway to the backend (BackendTLSPolicy), when there is one.
  const tls = got.backendTLS;
  if (want.sni !== undefined && tls?.sni !== want.sni) {
    fail(
      `request.sni: expected the Gateway to connect to the backend with SNI ${want.sni}; got ${tls?.sni ?? "no backend TLS"}`,
    );
  }
  if (want.clientCertificate !== undefined && tls?.clientCertificate !== want.clientCertificate) {
    fail(
      `request.clientCertificate: expected the Gateway to present ${want.clientCertificate}; got ${tls?.clientCertificate ?? "no client certificate"}`,
    );
  }
}

function checkResponse(rc: RequestCase, outcome: RequestOutcome, fail: Fail): void {
  const want = rc.expect.response;
  if (!want) return;
  const norm = (v: string): string => (want.ignoreWhitespace ? v.replace(/\s+/g, "") : v);
  const headers = outcome.responseHeaders;
  for (const [name, value] of Object.entries(want.headers ?? {})) {
    const actual = headerValue(headers, name);
    if (actual === undefined || norm(actual) !== norm(String(value))) {
      fail(
        `response.headers.${name}: expected ${JSON.stringify(String(value))}; got ${printValue(actual)}`,
      );
    }
  }
  for (const [name, values] of Object.entries(want.headersOneOf ?? {})) {
    const actual = headerValue(headers, name);
    if (actual === undefined || !values.some((v) => norm(v) === norm(actual))) {
      fail(
        `response.headersOneOf.${name}: expected one of ${JSON.stringify(values)}; got ${printValue(actual)}`,
      );
    }
  }
  for (const name of want.absentHeaders ?? []) {
    const actual = headerValue(headers, name);
    if (actual !== undefined)
      fail(`response.absentHeaders: expected no ${name} header; got ${JSON.stringify(actual)}`);
  }
}

function checkRedirect(rc: RequestCase, outcome: RequestOutcome, fail: Fail): void {
  const want = rc.expect.redirect;
  if (!want) return;
  if (!outcome.redirect) {
    fail(
      `redirect: expected a redirect to ${JSON.stringify(want)}; got no redirect (${outcome.kind} ${outcome.status})`,
    );
    return;
  }
  const loc = parseLocation(outcome.redirect.location);
  const sentScheme = rc.request.scheme === "ws" ? "http" : rc.request.scheme;
  const scheme = want.scheme ?? sentScheme;
  const where = `Location ${outcome.redirect.location}`;
  if ((loc.scheme ?? sentScheme) !== scheme)
    fail(`redirect.scheme: expected ${scheme}; got ${loc.scheme ?? "(none)"} in ${where}`);
  if (want.host !== undefined && loc.host !== want.host)
    fail(`redirect.host: expected ${want.host}; got ${loc.host ?? "(none)"} in ${where}`);
  const path = want.path ?? (rc.request.path ?? "/").split("?")[0];
  if (loc.path !== path) fail(`redirect.path: expected ${path}; got ${loc.path} in ${where}`);
  if (want.port !== undefined) {
    const gotPort = loc.port ?? defaultPort(loc.scheme);
    if (gotPort !== want.port)
      fail(`redirect.port: expected ${want.port}; got ${loc.port ?? "no port"} in ${where}`);
  } else if (loc.port !== undefined && loc.port !== defaultPort(loc.scheme ?? scheme)) {
    fail(`redirect.port: expected no port (or the ${scheme} default); got ${loc.port} in ${where}`);
  }
}

function checkMirrors(rc: RequestCase, outcome: RequestOutcome, fail: Fail): void {
  const e = rc.expect;
  const mirrors = new Map(
    outcome.mirrors.filter((m) => m.valid).map((m) => [`${m.namespace}/${m.name}`, m.percent]),
  );
  const gotText =
    mirrors.size === 0 ? "no mirror" : [...mirrors].map(([k, v]) => `${k} ${v}%`).join(", ");
  for (const target of e.mirroredTo ?? []) {
    if (!mirrors.has(target)) fail(`mirroredTo: expected a mirror to ${target}; got ${gotText}`);
  }
  for (const [target, pct] of Object.entries(e.mirrorPercent ?? {})) {
    const got = mirrors.get(target);
    if (got === undefined || Math.abs(got - pct) > 1e-6)
      fail(
        `mirrorPercent.${target}: expected ${pct}%; got ${got === undefined ? "no mirror" : `${got}%`}`,
      );
  }
}

function checkBackendNameInHeader(
  header: string,
  perBackend: readonly RequestOutcome[] | undefined,
  fail: Fail,
): void {
  if (!perBackend || perBackend.length === 0) {
    fail(
      `backendNameInHeader: expected one outcome per pickable backend to compare header ${header}; got none`,
    );
    return;
  }
  for (const o of perBackend) {
    const picked = o.backend;
    const value = o.request ? headerValue(o.request.headers, header) : undefined;
    if (!picked || picked.name === undefined || value !== picked.name) {
      fail(
        `backendNameInHeader: when ${picked?.name ?? "(no backend)"} is picked, header ${header} should name it; got ${printValue(value)}`,
      );
    }
  }
}

/** Header names are case-insensitive on the wire. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

function printShares(shares: Record<string, number>): string {
  const entries = Object.entries(shares).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? "{}" : `{${entries.map(([k, v]) => `${k}: ${v}%`).join(", ")}}`;
}

function printValue(v: string | undefined): string {
  return v === undefined ? "(absent)" : JSON.stringify(v);
}
