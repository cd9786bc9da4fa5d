/**
 * Field types of a case file's `request:` mapping. The runner hands these values to the router
 * as they are, so a value of the wrong type (`host: 5`, a `path:` mapping, `grpc: pkg.Svc/Get` as
 * a string, `port: "80"`, a list of headers) made it throw mid-route ("h.startsWith is not a
 * function"), send `gRPC undefined/undefined`, or dial another port than written. Each is a
 * located shape error instead, like every other mistake in a case file.
 */
import type { Fail } from "./parseCaseFile";

const STRING_FIELDS = ["host", "method", "path", "protocol", "sni", "clientCertificate"];

export function checkCaseRequestFields(
  request: Record<string, unknown>,
  path: string,
  fail: Fail,
): void {
  for (const field of STRING_FIELDS) {
    const value = request[field];
    if (value !== undefined && typeof value !== "string")
      fail(`${path}.${field}`, `must be a string; got ${describe(value)}`);
  }
  const port = request["port"];
  if (port !== undefined && !isPortNumber(port))
    fail(`${path}.port`, `must be an integer 1-65535; got ${describe(port)}`);
  const headers = request["headers"];
  if (headers !== undefined) {
    if (!isMapping(headers))
      fail(
        `${path}.headers`,
        `must be a mapping of header names to values; got ${describe(headers)}`,
      );
    else
      for (const [name, value] of Object.entries(headers))
        if (!isScalar(value))
          fail(
            `${path}.headers.${name}`,
            `must be a string (or a number or boolean); got ${describe(value)}`,
          );
  }
  const grpc = request["grpc"];
  if (grpc !== undefined) {
    if (
      !isMapping(grpc) ||
      typeof grpc["service"] !== "string" ||
      typeof grpc["method"] !== "string"
    )
      fail(
        `${path}.grpc`,
        `must be a mapping {service: pkg.Service, method: Method}; got ${describe(grpc)}`,
      );
  }
}

function isPortNumber(x: unknown): boolean {
  return typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 65535;
}

function isMapping(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isScalar(x: unknown): boolean {
  return typeof x === "string" || typeof x === "number" || typeof x === "boolean";
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
