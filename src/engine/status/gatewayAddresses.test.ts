/**
 * Requested Gateway addresses: a value that is not valid for its type is refused by the CRD (an
 * error) and, when the object is applied anyway, reported in status as the spec requires.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { GatewayStatus } from "../types";

const gateway = (addresses: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: c}\nspec: {controllerName: example.com/c}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\nspec:\n  gatewayClassName: c\n  addresses:\n${addresses}  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n`;

function run(addresses: string) {
  const a = analyze([{ name: "in.yaml", text: gateway(addresses) }]);
  const status = a.status["Gateway/infra/gw"] as GatewayStatus;
  const programmed = status.conditions.find((c) => c.type === "Programmed");
  const errors = a.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.path ?? ""} line ${d.line}`);
  return {
    errors,
    programmed: `${programmed?.status}/${programmed?.reason}`,
    message: programmed?.message,
    addresses: status.addresses,
  };
}

describe("Gateway spec.addresses", () => {
  test.each([
    ["an IPv4 address", "  - {type: IPAddress, value: 192.0.2.10}\n"],
    ["an IPv6 address", '  - {type: IPAddress, value: "2001:db8::10"}\n'],
    ["an IPv6 address with an IPv4 tail", '  - {type: IPAddress, value: "::ffff:192.0.2.1"}\n'],
    ["an IP without a type (IPAddress is the default)", "  - {value: 192.0.2.10}\n"],
    ["a hostname", "  - {type: Hostname, value: lb.example.com}\n"],
    ["an empty IPAddress value (the implementation picks one)", "  - {type: IPAddress}\n"],
  ])("%s is valid and programmed", (_label, addresses) => {
    const r = run(addresses);
    expect(r.errors).toEqual([]);
    expect(r.programmed).toBe("True/Programmed");
  });

  test.each([
    ["three octets", "1.1.1", "IPAddress"],
    ["an octet over 255", "256.255.255.255", "IPAddress"],
    ["a port", "192.0.2.10:80", "IPAddress"],
    ["two ::", "1::2::3", "IPAddress"],
    ["a DNS name", "lb.example.com", "IPAddress"],
  ])(
    "an IPAddress with %s is an error and Programmed=False/AddressNotUsable",
    (_label, value, type) => {
      const r = run(`  - {type: ${type}, value: "${value}"}\n`);
      expect(r.errors).toEqual(["schema.pattern spec.addresses[0].value line 12"]);
      expect(r.programmed).toBe("False/AddressNotUsable");
      expect(r.message).toContain(`IPAddress "${value}"`);
      expect(r.addresses ?? []).toEqual([]);
    },
  );

  test("a Hostname with a port is an error and Programmed=False/AddressNotUsable", () => {
    const r = run('  - {type: Hostname, value: "foo.com:80"}\n');
    expect(r.errors).toEqual(["schema.rule spec.addresses[0].value line 12"]);
    expect(r.programmed).toBe("False/AddressNotUsable");
  });

  test("the usable addresses stay in status next to the unusable one", () => {
    const r = run(
      "  - {type: IPAddress, value: 192.0.2.10}\n  - {type: IPAddress, value: 1.1.1}\n",
    );
    expect(r.programmed).toBe("False/AddressNotUsable");
    expect(r.addresses).toEqual([{ type: "IPAddress", value: "192.0.2.10" }]);
  });

  test("the same address twice breaks the uniqueness rule", () => {
    const r = run(
      "  - {type: IPAddress, value: 192.0.2.10}\n  - {type: IPAddress, value: 192.0.2.10}\n",
    );
    expect(r.errors).toEqual(["schema.rule spec.addresses[1].value line 13"]);
  });
});
