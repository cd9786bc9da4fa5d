import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { RequestProbe } from "../../engine";
import { buildShareUrl, readShareParam, ShareLinkError, toBase64Url } from "./shareLink";
import {
  decodeSharedRequests,
  encodeSharedRequests,
  MAX_SHARED_REQUESTS,
  sanitizeSharedRequests,
  SHARED_REQUESTS_PARAM,
} from "./sharedRequests";

const probes: RequestProbe[] = [
  {
    id: "request-1",
    name: "cart canary",
    request: {
      scheme: "http",
      gateway: "infra/shared",
      port: 80,
      host: "shop.example.com",
      path: "/cart",
      headers: { "x-canary": "true" },
    },
  },
  {
    id: "request-2",
    name: "reviews from web",
    request: {
      scheme: "http",
      port: 9080,
      path: "/",
      mesh: { clientNamespace: "web", service: "bookinfo/reviews" },
    },
  },
  {
    id: "request-3",
    name: "grpc",
    request: { scheme: "http", grpc: { service: "pkg.Svc", method: "Get" } },
  },
];

const payload = (value: unknown) => toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(value))));

describe("saved requests in share links", () => {
  it("round-trips names and requests (ids are local and fresh)", async () => {
    const url = await buildShareUrl("https://gwsim.example/", "kind: Service\n", {
      [SHARED_REQUESTS_PARAM]: await encodeSharedRequests(probes),
    });
    expect(url.ok).toBe(true);
    const hash = url.ok ? new URL(url.url).hash : "";
    const decoded = await decodeSharedRequests(readShareParam(hash, SHARED_REQUESTS_PARAM) ?? "");
    expect(decoded.dropped).toBe(0);
    expect(decoded.probes).toEqual(probes.map((p, i) => ({ ...p, id: `shared-${i + 1}` })));
  });

  it("keeps only well-formed requests, with only the fields a request has, and counts the rest", () => {
    const { probes: kept, dropped } = sanitizeSharedRequests({
      format: 1,
      requests: [
        {
          name: "ok",
          request: { scheme: "http", path: "/a", backendBehavior: { delay: "10s" }, evil: "x" },
        },
        { name: "bad scheme", request: { scheme: "ftp" } },
        { name: "bad port", request: { scheme: "http", port: 0 } },
        { name: "bad header", request: { scheme: "http", headers: { "x y": "v" } } },
        { name: "long path", request: { scheme: "http", path: `/${"a".repeat(5000)}` } },
        { name: 42, request: { scheme: "http" } },
        {
          name: "mesh without service",
          request: { scheme: "http", mesh: { clientNamespace: "web" } },
        },
        "not an object",
      ],
    });
    expect(kept).toEqual([{ id: "shared-1", name: "ok", request: { scheme: "http", path: "/a" } }]);
    expect(dropped).toBe(7);
  });

  it('a "__proto__" header is an ordinary header and never reaches a prototype', () => {
    const parsed: unknown = JSON.parse(
      '{"format":1,"requests":[{"name":"p","request":{"scheme":"http","headers":{"__proto__":"x","a":"b"}}}]}',
    );
    const { probes: kept } = sanitizeSharedRequests(parsed);
    const headers = kept[0]?.request.headers ?? {};
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    expect(Object.keys(headers).sort()).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  it(`reads at most ${MAX_SHARED_REQUESTS} requests`, () => {
    const many = Array.from({ length: MAX_SHARED_REQUESTS + 5 }, (_, i) => ({
      name: `r${i}`,
      request: { scheme: "http" },
    }));
    const { probes: kept, dropped } = sanitizeSharedRequests({ format: 1, requests: many });
    expect(kept).toHaveLength(MAX_SHARED_REQUESTS);
    expect(dropped).toBe(5);
  });

  it("refuses damaged, foreign or oversized payloads with a reason", async () => {
    await expect(decodeSharedRequests("%%%")).rejects.toThrow(ShareLinkError);
    await expect(decodeSharedRequests(toBase64Url(new Uint8Array([1, 2, 3, 4])))).rejects.toThrow(
      "damaged",
    );
    await expect(decodeSharedRequests(payload({ version: 9 }))).rejects.toThrow("unknown format");
    await expect(
      decodeSharedRequests(toBase64Url(deflateRawSync(Buffer.from("{not json")))),
    ).rejects.toThrow("not valid JSON");
    await expect(
      decodeSharedRequests(toBase64Url(deflateRawSync(Buffer.alloc(2_000_000, 32)))),
    ).rejects.toThrow("too large");
    await expect(decodeSharedRequests("a".repeat(300_000))).rejects.toThrow(
      "more than gwsim ever makes",
    );
  });
});
