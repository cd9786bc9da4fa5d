import { describe, expect, test } from "vitest";
import { defaultPort, portForScheme, requestToSend } from "./simulatorRequest";

const http = {
  scheme: "http" as const,
  host: "a.example.com",
  port: 80,
  method: "POST",
  path: "/x",
  headers: { a: "1" },
  grpc: { service: "s", method: "m" },
  sni: "old",
};

describe("the composer sends only the fields its scheme shows", () => {
  test("TLS, TCP and UDP drop method, path, headers and gRPC; plain HTTP drops SNI", () => {
    expect(requestToSend({ ...http, scheme: "tls" })).toEqual({
      scheme: "tls",
      host: "a.example.com",
      port: 80,
      sni: "old",
    });
    expect(requestToSend({ ...http, scheme: "tcp" })).toEqual({
      scheme: "tcp",
      host: "a.example.com",
      port: 80,
    });
    expect(requestToSend(http)).not.toHaveProperty("sni");
    expect(requestToSend({ ...http, scheme: "https" })).toEqual({ ...http, scheme: "https" });
  });

  test("the port follows the scheme: to a listener serving it, else from the old default to the new one", () => {
    const listeners = [
      { port: 80, protocol: "HTTP" },
      { port: 8443, protocol: "TLS" },
      { port: 5432, protocol: "TCP" },
    ];
    expect(portForScheme(http, "tls", listeners)).toBe(8443);
    expect(portForScheme(http, "tcp", listeners)).toBe(5432);
    expect(portForScheme(http, "tls", undefined)).toBe(443);
    expect(portForScheme(http, "tcp", undefined)).toBeUndefined();
    expect(portForScheme({ ...http, port: 8080 }, "https", undefined)).toBe(8080);
    const { port: _port, ...noPort } = http;
    expect(portForScheme(noPort, "https", [])).toBe(443);
    expect(defaultPort("udp")).toBeUndefined();
  });
});
