import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, HTTP80, routerFor } from "../../test-utils/routingModels";
import { traceRequest } from "./traceRequest";
import type { BackendBehavior } from "./types";

const gw = aGateway("infra", "gw", HTTP80);
const prefix = (value: string) => [{ path: { type: "PathPrefix", value } }];
const router = routerFor(gw, [
  anHTTPRoute("infra", "r", {
    rules: [
      {
        matches: prefix("/request-timeout"),
        timeouts: { request: "500ms" },
        backends: [{ name: "v1" }],
      },
      {
        matches: prefix("/backend-timeout"),
        timeouts: { request: "2s", backendRequest: "500ms" },
        backends: [{ name: "v1" }],
      },
      { matches: prefix("/disable"), timeouts: { request: "0s" }, backends: [{ name: "v1" }] },
      {
        matches: prefix("/retry-500-x3"),
        retry: { codes: [500], attempts: 3 },
        backends: [{ name: "v3" }],
      },
      {
        matches: prefix("/retry-all-x2"),
        retry: { codes: [500, 502, 503, 504], attempts: 2 },
        backends: [{ name: "v3" }],
      },
      { matches: prefix("/no-retry"), backends: [{ name: "v3" }] },
      // Retry stanzas without codes: only transport failures are retried.
      { matches: prefix("/retry-x3"), retry: { attempts: 3 }, backends: [{ name: "v3" }] },
      {
        matches: prefix("/retry-x2-per-try-200ms"),
        retry: { attempts: 2 },
        timeouts: { backendRequest: "200ms" },
        backends: [{ name: "v3" }],
      },
      {
        matches: prefix("/retry-500-x5-deadline-400ms"),
        retry: { codes: [500], attempts: 5 },
        timeouts: { backendRequest: "200ms", request: "400ms" },
        backends: [{ name: "v3" }],
      },
      {
        matches: prefix("/retry-500-x5-backoff-150ms-deadline-400ms"),
        retry: { codes: [500], attempts: 5, backoff: "150ms" },
        timeouts: { request: "400ms" },
        backends: [{ name: "v3" }],
      },
    ],
  }),
]);
const send = (path: string, backendBehavior: BackendBehavior) =>
  traceRequest(router, { scheme: "http", path, backendBehavior });

describe("timeouts (HTTPRouteTimeoutRequest, HTTPRouteTimeoutBackendRequest)", () => {
  test.each([
    ["/request-timeout", "1s", 504],
    ["/request-timeout", "100ms", 200],
    ["/backend-timeout", "1s", 504],
    ["/backend-timeout", "400ms", 200],
    ["/disable", "1s", 200],
    ["/no-retry", "10s", 200],
  ])("%s with a %s backend → %i", (path, delay, status) => {
    expect(send(path, { delay }).outcome.status).toBe(status);
  });
});

describe("retries (HTTPRouteRetry): attempts is the maximum number of retries", () => {
  test.each([
    ["/retry-500-x3", 2, 500, 200],
    ["/retry-500-x3", 3, 500, 200],
    ["/retry-500-x3", 4, 500, 500],
    ["/retry-500-x3", 2, 503, 503],
    ["/retry-all-x2", 1, 502, 200],
    ["/retry-all-x2", 3, 502, 502],
    ["/retry-all-x2", 3, 504, 504],
    ["/no-retry", 1, 500, 500],
  ])("%s failing %i times with %i → %i", (path, failFirstAttempts, failStatus, status) => {
    const t = send(path, { failFirstAttempts, failStatus });
    expect(t.outcome.status).toBe(status);
    expect(t.outcome.kind).toBe(status === 200 ? "forwarded" : "backend-error");
  });

  test("the trace lists every attempt", () => {
    const t = send("/retry-500-x3", { failFirstAttempts: 2, failStatus: 500 });
    expect(t.attempts?.map((a) => a.status)).toEqual([500, 500, 200]);
    expect(t.outcome.reason).toMatch(/succeeded on attempt 3 after 2 retries/);
    expect(t.attributes[0]?.note).toMatch(/^enforced/);
  });
});

describe("retries on transport failures (HTTPRouteRetryConnectionError, HTTPRouteRetryBackendTimeout)", () => {
  test.each([
    // A reset is retried without any codes; out of retries the client gets 503.
    ["/retry-x3", { failFirstAttempts: 2, failConnection: true }, 200],
    ["/retry-x3", { failFirstAttempts: 3, failConnection: true }, 200],
    ["/retry-x3", { failFirstAttempts: 4, failConnection: true }, 503],
    ["/no-retry", { failFirstAttempts: 1, failConnection: true }, 503],
    // A status not in codes is still not retried.
    ["/retry-x3", { failFirstAttempts: 1, failStatus: 500 }, 500],
    // An attempt cut off by backendRequest is retried; a failing answer that is slow times out.
    ["/retry-x2-per-try-200ms", { failFirstAttempts: 2, failStatus: 500, failDelay: "300ms" }, 200],
    ["/retry-x2-per-try-200ms", { failFirstAttempts: 3, failStatus: 500, failDelay: "300ms" }, 504],
    ["/retry-x2-per-try-200ms", { failFirstAttempts: 2, failStatus: 500, failDelay: "100ms" }, 500],
  ] as const)("%s with %j → %i", (path, behavior, status) => {
    expect(send(path, behavior).outcome.status).toBe(status);
  });

  test("the trace says why a reset is retried and what the client finally gets", () => {
    const t = send("/retry-x3", { failFirstAttempts: 4, failConnection: true });
    expect(t.attempts?.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    expect(t.attempts?.[0]?.detail).toBe("the backend reset the connection");
    expect(t.outcome.reason).toMatch(/after 3 retries \(retry\.attempts 3\): the client gets 503/);
  });
});

describe("the request timeout covers every retry and backoff", () => {
  test("four 100ms failures use up a 400ms deadline: the fifth attempt is never sent", () => {
    const path = "/retry-500-x5-deadline-400ms";
    const t = send(path, { failFirstAttempts: 4, failStatus: 500, failDelay: "100ms" });
    expect(t.outcome.status).toBe(504);
    expect(t.attempts?.map((a) => a.status)).toEqual([500, 500, 500, 500, 504]);
    expect(t.attempts?.[4]?.detail).toMatch(/before this retry could be sent \(400ms\)/);
    expect(
      send(path, { failFirstAttempts: 3, failStatus: 500, failDelay: "100ms" }).outcome.status,
    ).toBe(200);
    expect(send(path, { failFirstAttempts: 1, failStatus: 500 }).outcome.status).toBe(200);
  });

  test("backoff between retries counts against the deadline", () => {
    const path = "/retry-500-x5-backoff-150ms-deadline-400ms";
    // 0 + 150 + 150 = 300ms before the third attempt; the fourth would start at 450ms.
    expect(send(path, { failFirstAttempts: 2, failStatus: 500 }).outcome.status).toBe(200);
    expect(send(path, { failFirstAttempts: 3, failStatus: 500 }).outcome.status).toBe(504);
  });
});
