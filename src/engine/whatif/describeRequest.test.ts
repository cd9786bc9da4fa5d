import { describe, expect, test } from "vitest";
import { describeBucket } from "./describeBucket";
import { describeRequest } from "./describeRequest";
import { formatShare } from "../present/formatShare";

describe("describeRequest", () => {
  test("HTTP requests read as method, host (non-default port) and path, with headers", () => {
    expect(describeRequest({ scheme: "http", host: "shop.example.com", path: "/api" })).toBe(
      "GET shop.example.com/api",
    );
    expect(
      describeRequest({
        scheme: "https",
        host: "a.example.com",
        port: 8443,
        method: "POST",
        path: "/x?y=1",
        headers: { "x-canary": "true" },
      }),
    ).toBe("POST https://a.example.com:8443/x?y=1 [x-canary: true]");
    expect(describeRequest({ scheme: "https", host: "a.example.com", port: 443 })).toBe(
      "GET https://a.example.com/",
    );
  });

  test("gRPC, TLS and L4 requests", () => {
    expect(
      describeRequest({
        scheme: "http",
        host: "g.example.com",
        grpc: { service: "pkg.Svc", method: "Get" },
      }),
    ).toBe("gRPC g.example.com/pkg.Svc/Get");
    expect(describeRequest({ scheme: "tls", sni: "db.example.com", port: 5432 })).toBe(
      "tls db.example.com:5432",
    );
    expect(describeRequest({ scheme: "tcp", port: 6379 })).toBe("tcp :6379");
  });
});

describe("formatShare and describeBucket", () => {
  test("exact shares keep at most two decimals", () => {
    expect(formatShare(0.9)).toBe("90%");
    expect(formatShare(1 / 3)).toBe("33.33%");
    expect(formatShare(0)).toBe("0%");
  });

  test('buckets drop the namespace; "none" says it is answered 500', () => {
    expect(describeBucket("team-b/shop-v1:8080")).toBe("shop-v1:8080");
    expect(describeBucket("none")).toBe("none → 500");
    expect(describeBucket("status:404 not-found")).toBe("404 not-found");
  });
});
