import { describe, expect, test } from "vitest";
import type { RequestOutcome } from "../simulate/types";
import type { RequestCase, RequestExpect } from "./caseTypes";
import { matchRequestExpectation } from "./matchRequestExpectation";

function outcome(partial: Partial<RequestOutcome>): RequestOutcome {
  return {
    kind: "forwarded",
    status: 200,
    backends: [],
    responseHeaders: {},
    mirrors: [],
    reason: "test",
    ...partial,
  };
}
const share = (ns: string, name: string, s: number) => ({
  target: `${ns}/${name}:8080`,
  namespace: ns,
  name,
  port: 8080,
  share: s,
});
const none = (s: number) => ({ target: "none", share: s, reason: "BackendNotFound" });
const forwarded = (path: string, headers: Record<string, string> = {}) => ({
  scheme: "http",
  method: "GET",
  host: "example.com",
  path,
  headers,
});

function rc(
  expectation: RequestExpect,
  request: Partial<RequestCase["request"]> = {},
): RequestCase {
  return {
    name: "r",
    gateway: "infra/gw",
    request: { scheme: "http", method: "GET", path: "/", ...request },
    expect: expectation,
  };
}

describe("matchRequestExpectation", () => {
  test("backend: every share must go to the one expected Service", () => {
    const ok = outcome({ backends: [share("ns", "v1", 1)], request: forwarded("/") });
    expect(matchRequestExpectation(rc({ status: 200, backend: "ns/v1" }), ok).pass).toBe(true);
    const split = outcome({
      backends: [share("ns", "v1", 0.5), share("ns", "v2", 0.5)],
      request: forwarded("/"),
    });
    expect(matchRequestExpectation(rc({ status: 200, backend: "ns/v1" }), split).failures).toEqual([
      "backend: expected every request to reach ns/v1; got ns/v1 50%, ns/v2 50%",
    ]);
  });

  test('backends: exact shares, with "none" for the share answered 500', () => {
    const o = outcome({
      backends: [share("ns", "v1", 0.7), share("ns", "v2", 0.3), share("ns", "v3", 0)],
      request: forwarded("/"),
    });
    expect(
      matchRequestExpectation(
        rc({ status: 200, backends: { "ns/v1": 70, "ns/v2": 30, "ns/v3": 0 } }),
        o,
      ).pass,
    ).toBe(true);
    expect(
      matchRequestExpectation(rc({ status: 200, backends: { "ns/v1": 80, "ns/v2": 20 } }), o)
        .failures,
    ).toEqual([
      "backends: expected {ns/v1: 80%, ns/v2: 20%}; got {ns/v1: 70%, ns/v2: 30%, ns/v3: 0%}",
    ]);
    const half = outcome({
      backends: [share("ns", "v1", 0.5), none(0.5)],
      request: forwarded("/"),
    });
    expect(
      matchRequestExpectation(rc({ status: 200, backends: { "ns/v1": 50, none: 50 } }), half).pass,
    ).toBe(true);
  });

  test("status: a list means any of them, and 408 and 504 are the same timeout", () => {
    expect(
      matchRequestExpectation(
        rc({ status: [404, 500] }),
        outcome({ kind: "backend-error", status: 500 }),
      ).pass,
    ).toBe(true);
    expect(
      matchRequestExpectation(rc({ status: 504 }), outcome({ kind: "backend-error", status: 408 }))
        .pass,
    ).toBe(true);
    expect(
      matchRequestExpectation(rc({ status: 404 }), outcome({ kind: "backend-error", status: 500 }))
        .failures,
    ).toEqual(["status: expected 404; got 500"]);
  });

  test("a 2xx expectation without backend fields means the Gateway answers itself", () => {
    const direct = outcome({ kind: "direct-response", status: 204 });
    expect(matchRequestExpectation(rc({ status: [200, 204] }), direct).pass).toBe(true);
    const reached = outcome({ backends: [share("ns", "v1", 1)], request: forwarded("/") });
    expect(matchRequestExpectation(rc({ status: [200, 204] }), reached).failures).toEqual([
      "backend: expected the Gateway to answer itself (no backend); got forwarded to ns/v1 100%",
    ]);
  });

  test("without `request`, the backend must receive exactly what was sent", () => {
    const sent = rc(
      { status: 200, backend: "ns/v1" },
      { path: "/a?x=1", headers: { Version: "one" } },
    );
    const same = outcome({
      backends: [share("ns", "v1", 1)],
      request: forwarded("/a?x=1", { version: "one" }),
    });
    expect(matchRequestExpectation(sent, same).pass).toBe(true);
    const changed = outcome({ backends: [share("ns", "v1", 1)], request: forwarded("/b", {}) });
    expect(matchRequestExpectation(sent, changed).failures).toEqual([
      "request.path: expected /a?x=1 (unchanged); got /b",
      'request.headers.Version: expected "one" (unchanged); got (absent)',
    ]);
  });

  test("request: listed headers exact (names case-insensitive), absentHeaders absent", () => {
    const e = rc({
      status: 200,
      backend: "ns/v1",
      request: { path: "/", headers: { "X-Added": "a,b" }, absentHeaders: ["X-Gone"] },
    });
    const o = outcome({
      backends: [share("ns", "v1", 1)],
      request: forwarded("/", { "x-added": "a,b" }),
    });
    expect(matchRequestExpectation(e, o).pass).toBe(true);
    const bad = outcome({
      backends: [share("ns", "v1", 1)],
      request: forwarded("/", { "x-added": "a", "x-gone": "1" }),
    });
    expect(matchRequestExpectation(e, bad).failures).toEqual([
      'request.headers.X-Added: expected "a,b"; got "a"',
      'request.absentHeaders: expected no X-Gone header; got "1"',
    ]);
  });

  test("request.sni and request.clientCertificate describe the Gateway-to-backend TLS connection", () => {
    const e = rc({
      status: 200,
      backend: "ns/v1",
      request: { path: "/", sni: "abc.example.com", clientCertificate: "ns/client" },
    });
    const withTLS = outcome({
      backends: [share("ns", "v1", 1)],
      request: {
        ...forwarded("/"),
        backendTLS: { sni: "abc.example.com", clientCertificate: "ns/client" },
      },
    });
    expect(matchRequestExpectation(e, withTLS).pass).toBe(true);
    expect(
      matchRequestExpectation(
        e,
        outcome({ backends: [share("ns", "v1", 1)], request: forwarded("/") }),
      ).failures,
    ).toEqual([
      "request.sni: expected the Gateway to connect to the backend with SNI abc.example.com; got no backend TLS",
      "request.clientCertificate: expected the Gateway to present ns/client; got no client certificate",
    ]);
  });

  test("redirect: omitted scheme/path default to the request, omitted port must be absent or the default", () => {
    const e = rc({ status: 302, redirect: { host: "example.org" } }, { path: "/p?q=1" });
    const ok = outcome({
      kind: "redirect",
      status: 302,
      redirect: { status: 302, location: "http://example.org/p" },
    });
    expect(matchRequestExpectation(e, ok).pass).toBe(true);
    const withDefaultPort = outcome({
      kind: "redirect",
      status: 302,
      redirect: { status: 302, location: "http://example.org:80/p" },
    });
    expect(matchRequestExpectation(e, withDefaultPort).pass).toBe(true);
    const wrong = outcome({
      kind: "redirect",
      status: 302,
      redirect: { status: 302, location: "https://example.org:8443/other" },
    });
    expect(matchRequestExpectation(e, wrong).failures).toEqual([
      "redirect.scheme: expected http; got https in Location https://example.org:8443/other",
      "redirect.path: expected /p; got /other in Location https://example.org:8443/other",
      "redirect.port: expected no port (or the http default); got 8443 in Location https://example.org:8443/other",
    ]);
    const port = rc({ status: 302, redirect: { scheme: "https", port: 443 } });
    expect(
      matchRequestExpectation(
        port,
        outcome({
          kind: "redirect",
          status: 302,
          redirect: { status: 302, location: "https://h/" },
        }),
      ).pass,
    ).toBe(true);
  });

  test("response: checked only on 200/204; headersOneOf with ignoreWhitespace", () => {
    const e = rc({
      status: [200, 204],
      response: {
        headersOneOf: { "access-control-allow-methods": ["GET,OPTIONS", "OPTIONS, GET"] },
        ignoreWhitespace: true,
      },
    });
    const o = outcome({
      kind: "direct-response",
      status: 204,
      responseHeaders: { "access-control-allow-methods": "GET, OPTIONS" },
    });
    expect(matchRequestExpectation(e, o).pass).toBe(true);
    const other = outcome({
      kind: "direct-response",
      status: 204,
      responseHeaders: { "access-control-allow-methods": "POST" },
    });
    expect(matchRequestExpectation(e, other).failures).toEqual([
      'response.headersOneOf.access-control-allow-methods: expected one of ["GET,OPTIONS","OPTIONS, GET"]; got "POST"',
    ]);
    const forbidden = outcome({ kind: "direct-response", status: 403, responseHeaders: {} });
    expect(
      matchRequestExpectation(
        rc({ status: [204, 403], response: { headers: { a: "b" } } }),
        forbidden,
      ).pass,
    ).toBe(true);
  });

  test("connectionRejected needs a refused connection", () => {
    expect(
      matchRequestExpectation(
        rc({ connectionRejected: true }),
        outcome({ kind: "connection-refused", status: 0 }),
      ).pass,
    ).toBe(true);
    expect(
      matchRequestExpectation(rc({ connectionRejected: true }), outcome({ status: 200 })).failures,
    ).toEqual([
      "connectionRejected: expected the connection to fail; got forwarded with status 200",
    ]);
  });

  test("mirrors: targets and exact percentages", () => {
    const mirror = {
      target: "ns/m:8080",
      namespace: "ns",
      name: "m",
      port: 8080,
      percent: 20,
      valid: true,
    };
    const o = outcome({
      backends: [share("ns", "v1", 1)],
      request: forwarded("/"),
      mirrors: [mirror],
    });
    expect(
      matchRequestExpectation(
        rc({ status: 200, backend: "ns/v1", mirroredTo: ["ns/m"], mirrorPercent: { "ns/m": 20 } }),
        o,
      ).pass,
    ).toBe(true);
    expect(
      matchRequestExpectation(
        rc({ status: 200, backend: "ns/v1", mirrorPercent: { "ns/m": 50 } }),
        o,
      ).failures,
    ).toEqual(["mirrorPercent.ns/m: expected 50%; got 20%"]);
  });

  test("backendTLS and request.sni on a raw connection read what the backend's stream carries", () => {
    const tls = rc(
      { backend: "ns/v1", backendTLS: true, request: { sni: "a.example.com" } },
      { scheme: "tls", sni: "a.example.com" },
    );
    const stream = (backendStream: NonNullable<RequestOutcome["backendStream"]>) =>
      outcome({ kind: "forwarded", status: 0, backends: [share("ns", "v1", 1)], backendStream });
    const passthrough = stream({ tls: true, sni: "a.example.com", origin: "passthrough" });
    expect(matchRequestExpectation(tls, passthrough).failures).toEqual([]);
    expect(matchRequestExpectation(tls, stream({ tls: false })).failures).toEqual([
      "backendTLS: expected the backend to see TLS; it sees plaintext (TLS terminated at the Gateway, no BackendTLSPolicy)",
      "request.sni: expected the backend to see SNI a.example.com; it sees plaintext (TLS terminated at the Gateway, no BackendTLSPolicy)",
    ]);
    const reencrypted = stream({ tls: true, sni: "b.example.com", origin: "BackendTLSPolicy" });
    expect(matchRequestExpectation(tls, reencrypted).failures).toEqual([
      "request.sni: expected the backend to see SNI a.example.com; it sees TLS with SNI b.example.com (BackendTLSPolicy)",
    ]);
    const plain = rc(
      { backend: "ns/v1", backendTLS: false },
      { scheme: "tls", sni: "a.example.com" },
    );
    expect(matchRequestExpectation(plain, stream({ tls: false })).pass).toBe(true);
    const tcp = rc({ backend: "ns/v1", backendTLS: false }, { scheme: "tcp", port: 9000 });
    expect(
      matchRequestExpectation(
        tcp,
        outcome({ kind: "forwarded", status: 0, backends: [share("ns", "v1", 1)] }),
      ).failures,
    ).toEqual([
      "backendTLS: a tcp listener passes the client's bytes on unread; only tls connections have a TLS mode to check",
    ]);
    const http = rc({ backend: "ns/v1", request: { path: "/" } }, { scheme: "udp", port: 53 });
    expect(
      matchRequestExpectation(
        http,
        outcome({ kind: "forwarded", status: 0, backends: [share("ns", "v1", 1)] }),
      ).failures,
    ).toEqual(["request.path: a raw udp connection carries no HTTP request"]);
  });

  test("fields it cannot check fail instead of passing unread", () => {
    const e = rc({
      status: 200,
      backend: "ns/v1",
      clientCertificateRequested: true,
      websocketEcho: ["x"],
    });
    const o = outcome({ backends: [share("ns", "v1", 1)], request: forwarded("/") });
    expect(matchRequestExpectation(e, o).failures).toEqual([
      "websocketEcho: gwsim cannot check this expectation field",
      "clientCertificateRequested: expected true; got not modelled by the outcome",
    ]);
  });

  test("backendNameInHeader: every pick carries its own name", () => {
    const pick = (name: string, header: string) =>
      outcome({
        backends: [],
        backend: share("ns", name, 0.5),
        request: forwarded("/", { backend: header }),
      });
    const e = rc({
      status: 200,
      backendNamespace: "ns",
      backendNameInHeader: "Backend",
      repeat: 100,
    });
    const main = outcome({
      backends: [share("ns", "a", 0.5), share("ns", "b", 0.5)],
      request: forwarded("/", { backend: "a" }),
    });
    expect(
      matchRequestExpectation(e, main, { perBackend: [pick("a", "a"), pick("b", "b")] }).pass,
    ).toBe(true);
    expect(
      matchRequestExpectation(e, main, { perBackend: [pick("a", "a"), pick("b", "a")] }).failures,
    ).toEqual(['backendNameInHeader: when b is picked, header Backend should name it; got "a"']);
  });
});
