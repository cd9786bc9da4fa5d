import { describe, expect, test } from "vitest";
import { parseResourceKey, resourceKey } from "./keys";

describe("parseResourceKey", () => {
  test("kind up to the first slash, namespace up to the second, the name keeps later slashes", () => {
    expect(parseResourceKey(resourceKey("HTTPRoute", "app", "a/b//c"))).toEqual({
      kind: "HTTPRoute",
      namespace: "app",
      name: "a/b//c",
    });
    expect(parseResourceKey(resourceKey("GatewayClass", undefined, "/"))).toEqual({
      kind: "GatewayClass",
      name: "/",
    });
    const slashes = "/".repeat(10_000);
    expect(parseResourceKey(resourceKey("Service", slashes, "svc"))).toEqual({
      kind: "Service",
      name: `${slashes.slice(1)}/svc`,
    });
  });

  test("keys with fewer parts read as the missing parts empty", () => {
    expect(parseResourceKey("Gateway" as never)).toEqual({ kind: "Gateway", name: "" });
    expect(parseResourceKey("Gateway/infra" as never)).toEqual({
      kind: "Gateway",
      namespace: "infra",
      name: "",
    });
  });
});
