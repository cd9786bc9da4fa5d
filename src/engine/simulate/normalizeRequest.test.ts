import { describe, expect, it } from "vitest";
import type { SimRequest } from "./types";
import { normalizeRequest, unnormalizedRequest } from "./normalizeRequest";

describe("normalizeRequest", () => {
  it("gives each scheme its default port", () => {
    const http = normalizeRequest({ scheme: "http", host: "a.example.com", path: "/x" });
    expect(http.ok && http.request.port).toBe(80);
    const tls = normalizeRequest({ scheme: "tls", host: "a.example.com" });
    expect(tls.ok && tls.request.port).toBe(443);
  });

  it("a scheme that names an Object.prototype key gets no default port from the prototype", () => {
    // Requests come from share links and case files: a hostile scheme must not read a function as a port.
    const hostile = { scheme: "constructor", host: "a.example.com" } as unknown as SimRequest;
    expect(normalizeRequest(hostile)).toEqual({
      ok: false,
      error: "a constructor request needs a port",
    });
    expect(unnormalizedRequest(hostile).port).toBe(0);
  });
});
