import { describe, expect, test } from "vitest";
import { aGateway, anHTTPRoute, HTTP80, routerFor } from "../../test-utils/routingModels";
import { splitTraffic } from "./splitTraffic";

describe("splitTraffic (HTTPRouteWeight)", () => {
  const gw = aGateway("infra", "gw", HTTP80);
  const route = anHTTPRoute("infra", "weighted", {
    rules: [
      {
        backends: [
          { name: "v1", weight: 70 },
          { name: "v2", weight: 30 },
          { name: "v3", weight: 0 },
        ],
      },
    ],
  });
  const router = routerFor(gw, [route]);

  test("counts follow the weights and weight 0 gets nothing", () => {
    const split = splitTraffic(router, { scheme: "http" }, 10_000, 1);
    expect(split.counts["infra/v3:8080"]).toBeUndefined();
    expect((split.counts["infra/v1:8080"] ?? 0) + (split.counts["infra/v2:8080"] ?? 0)).toBe(
      10_000,
    );
    expect(Math.abs((split.counts["infra/v1:8080"] ?? 0) / 10_000 - 0.7)).toBeLessThan(0.02);
    expect(split.expected.map((b) => [b.target, b.share])).toEqual([
      ["infra/v1:8080", 0.7],
      ["infra/v2:8080", 0.3],
      ["infra/v3:8080", 0],
    ]);
    expect(split.outcomes).toEqual({ forwarded: 10_000 });
  });

  test("the same seed gives the same counts; another seed differs", () => {
    const a = splitTraffic(router, { scheme: "http" }, 1000, 7);
    expect(splitTraffic(router, { scheme: "http" }, 1000, 7).counts).toEqual(a.counts);
    expect(splitTraffic(router, { scheme: "http" }, 1000, 8).counts).not.toEqual(a.counts);
  });

  test("requests answered without a backend count under their outcome", () => {
    const redirect = anHTTPRoute("infra", "redirect", {
      rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https" } }] }],
    });
    expect(splitTraffic(routerFor(gw, [redirect]), { scheme: "http" }, 10, 1).counts).toEqual({
      "(redirect)": 10,
    });
    expect(
      splitTraffic(routerFor(gw, [redirect]), { scheme: "http", gateway: "infra/none" }, 5, 1)
        .counts,
    ).toEqual({ "(connection-refused)": 5 });
  });

  test('invalid shares are counted as "none"', () => {
    const bad = anHTTPRoute("infra", "bad", {
      rules: [{ backends: [{ name: "ok" }, { name: "missing", invalid: "RefNotPermitted" }] }],
    });
    const split = splitTraffic(routerFor(gw, [bad]), { scheme: "http" }, 2000, 3);
    expect(Object.keys(split.counts).sort()).toEqual(["infra/ok:8080", "none"]);
    expect(split.outcomes["backend-error"]).toBe(split.counts["none"]);
  });
});
