/**
 * What the Gateway CRD refuses in `spec.addresses` (run on the defaulted spec, so an entry without
 * `type` is an IPAddress): an IPAddress value that is not an IPv4 or IPv6 address (the schema's
 * ipv4/ipv6 formats), a Hostname value that is not a DNS name (its CEL rule: no port, no scheme),
 * and the same IPAddress or Hostname value twice.
 */
import { isAddressHostname, isIPAddress } from "../api/addressSyntax";
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";

export function checkGatewayAddresses(spec: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  asArray(spec.addresses).forEach((raw, i) => {
    if (!isObject(raw) || typeof raw.value !== "string" || raw.value === "") return;
    const type = raw.type;
    const value = raw.value;
    const path = ["spec", "addresses", i, "value"];
    if (type === "IPAddress" && !isIPAddress(value)) {
      issues.push({
        code: "schema.pattern",
        path,
        message: `${printPath(path)}: ${JSON.stringify(value)} is not an IPv4 or IPv6 address, which type IPAddress requires.`,
        hint:
          hostPart(value) !== value && isIPAddress(hostPart(value))
            ? `Drop the port: ${hostPart(value)}.`
            : "Write an address such as 192.0.2.10 or 2001:db8::10, or use type Hostname for a DNS name.",
      });
    }
    if (type === "Hostname" && !isAddressHostname(value)) {
      issues.push({
        code: "schema.rule",
        path,
        message: `${printPath(path)}: Hostname value must only contain valid characters (lower-case DNS labels separated by dots, optionally after "*."); ${JSON.stringify(value)} does not.`,
        hint: value.includes(":")
          ? `A Hostname address carries no port or scheme: write ${JSON.stringify(hostPart(value))}.`
          : "Use a DNS name such as gateway.example.com.",
      });
    }
    if (type === "IPAddress" || type === "Hostname") {
      const key = `${type}\u0000${value}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          code: "schema.rule",
          path,
          message: `${printPath(path)}: ${type} values must be unique; ${JSON.stringify(value)} is also spec.addresses[${first}].`,
          hint: "Remove the repeated address.",
        });
      } else seen.set(key, i);
    }
  });
  return issues;
}

/** The value without a trailing `:port` and any scheme, for the hint. */
function hostPart(value: string): string {
  const noScheme = value.includes("://") ? value.slice(value.indexOf("://") + 3) : value;
  if (noScheme.startsWith("[") && noScheme.includes("]"))
    return noScheme.slice(1, noScheme.indexOf("]"));
  const colon = noScheme.lastIndexOf(":");
  return colon > 0 && noScheme.indexOf(":") === colon ? noScheme.slice(0, colon) : noScheme;
}
