import { describe, expect, test } from "vitest";
import { answerActual, answerPreflight, isOriginAllowed } from "./cors";

describe("CORS origins (§4.5)", () => {
  test.each([
    [["https://www.foo.com"], "https://www.foo.com", true],
    [["https://www.foo.com"], "https://www.foo.com:443", true],
    [["https://www.foo.com"], "http://www.foo.com", false],
    [["https://*.bar.com"], "https://www.bar.com", true],
    [["https://*.bar.com"], "https://xpto.www.bar.com", true],
    [["https://*.bar.com"], "https://bar.com", false],
    [["https://www.foo.com"], "https://foobar.com", false],
    [["*"], "https://foobar.com:12345", true],
  ])("%j allows %s → %s", (allow, origin, want) => {
    expect(isOriginAllowed(allow, origin)).toBe(want);
  });
});

describe("CORS answers", () => {
  const filter = {
    allowOrigins: ["https://www.foo.com"],
    allowMethods: ["GET", "OPTIONS"],
    allowHeaders: ["x-header-1", "x-header-2"],
    exposeHeaders: ["x-header-3"],
    allowCredentials: true,
    maxAge: 3600,
  };
  test("an allowed preflight is answered with every configured header", () => {
    const a = answerPreflight(filter, {
      origin: "https://www.foo.com",
      "access-control-request-method": "GET",
    });
    expect(a.allowed).toBe(true);
    expect(a.headers).toEqual({
      "access-control-allow-origin": "https://www.foo.com",
      "access-control-allow-methods": "GET, OPTIONS",
      "access-control-allow-headers": "x-header-1, x-header-2",
      "access-control-expose-headers": "x-header-3",
      "access-control-max-age": "3600",
      "access-control-allow-credentials": "true",
    });
  });

  test('with credentials a "*" is never sent: the request values are echoed', () => {
    const a = answerPreflight(
      { allowOrigins: ["*"], allowMethods: ["*"], allowHeaders: ["*"], allowCredentials: true },
      {
        origin: "https://a.com",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "x-a",
      },
    );
    expect(a.headers).toMatchObject({
      "access-control-allow-origin": "https://a.com",
      "access-control-allow-methods": "PUT",
      "access-control-allow-headers": "x-a",
    });
  });

  test("maxAge defaults to 5 and credentials are absent unless enabled", () => {
    const a = answerPreflight(
      { allowOrigins: ["https://www.foo.com"], allowMethods: ["*"] },
      { origin: "https://www.foo.com", "access-control-request-method": "POST" },
    );
    expect(a.headers["access-control-max-age"]).toBe("5");
    expect(a.headers["access-control-allow-methods"]).toBe("*");
    expect(a.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  test("a disallowed origin gets no CORS headers", () => {
    expect(
      answerPreflight(filter, {
        origin: "https://foobar.com",
        "access-control-request-method": "GET",
      }),
    ).toMatchObject({ allowed: false, headers: {} });
    expect(answerActual(filter, { origin: "https://foobar.com" }).headers).toEqual({});
  });

  test("an actual request gets allow-origin, credentials and expose-headers", () => {
    expect(answerActual(filter, { origin: "https://www.foo.com" }).headers).toEqual({
      "access-control-allow-origin": "https://www.foo.com",
      "access-control-allow-credentials": "true",
      "access-control-expose-headers": "x-header-3",
    });
  });
});
