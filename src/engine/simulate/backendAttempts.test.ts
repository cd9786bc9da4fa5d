import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, HTTP80, routerFor } from "../../test-utils/routingModels";
import { traceRequest } from "./traceRequest";

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
    ],
  }),
]);
const send = (
  path: string,
  backendBehavior: { delay?: string; failFirstAttempts?: number; failStatus?: number },
) => traceRequest(router, { scheme: "http", path, backendBehavior });

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
