/** Case-file request values of the wrong type are located shape errors, never a throw mid-route. */
import { describe, expect, test } from "vitest";
import { parseCaseFile } from "./parseCaseFile";

const file = (request: string) =>
  `name: F\nrequests:\n- name: r\n  gateway: infra/gw\n  request: ${request}\n  expect: {status: 200}\n`;

function errors(request: string): string[] {
  const parsed = parseCaseFile("c.cases.yaml", file(request));
  return parsed.ok ? [] : parsed.errors;
}

describe("case-file request field types", () => {
  test("each wrong type names its field, its line and what it got", () => {
    expect(errors("{scheme: http, host: 5, path: /}")).toEqual([
      "c.cases.yaml:5:33: requests[0].request.host: must be a string; got number 5",
    ]);
    expect(errors("{scheme: http, host: a, path: {x: 1}}")).toEqual([
      "c.cases.yaml:5:42: requests[0].request.path: must be a string; got a mapping",
    ]);
    expect(errors("{scheme: http, host: a, grpc: pkg.Svc/Get}")).toEqual([
      'c.cases.yaml:5:42: requests[0].request.grpc: must be a mapping {service: pkg.Service, method: Method}; got string "pkg.Svc/Get"',
    ]);
    expect(errors("{scheme: http, port: '80', host: a}")).toEqual([
      'c.cases.yaml:5:33: requests[0].request.port: must be an integer 1-65535; got string "80"',
    ]);
    expect(errors("{scheme: http, host: a, headers: [x, y]}")).toEqual([
      "c.cases.yaml:5:45: requests[0].request.headers: must be a mapping of header names to values; got a list",
    ]);
    expect(errors("{scheme: http, host: a, headers: {x: {y: 1}}}")).toHaveLength(1);
    expect(errors("{scheme: https, host: a, sni: [a]}")).toHaveLength(1);
  });

  test("well-typed requests still parse (numbers and booleans are header values)", () => {
    expect(
      errors(
        "{scheme: https, port: 443, host: a, method: GET, path: /, sni: a, headers: {x-v: 2, x-b: true}, grpc: {service: p.S, method: M}}",
      ),
    ).toEqual([]);
  });
});
