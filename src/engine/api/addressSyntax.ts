/**
 * The syntax of Gateway addresses, as the CRD checks it: an `IPAddress` value is an IPv4 or IPv6
 * address (OpenAPI formats ipv4/ipv6), a `Hostname` value a DNS name, optionally with a leading
 * `*.` (its CEL rule), never with a port. Hand-written scanners, linear in the input.
 */

/** Dotted-quad IPv4 as Go's net/netip parses it: four decimal octets 0–255, no leading zeros. */
export function isIPv4(value: string): boolean {
  const parts = value.split(".");
  return parts.length === 4 && parts.every(isOctet);
}

function isOctet(part: string): boolean {
  if (part.length === 0 || part.length > 3 || !/^[0-9]+$/.test(part)) return false;
  if (part.length > 1 && part.startsWith("0")) return false;
  return Number(part) <= 255;
}

/** IPv6 in text form (RFC 4291 §2.2): eight groups of 1–4 hex digits, one `::`, an IPv4 tail. No zone. */
export function isIPv6(value: string): boolean {
  if (value.length > 45 || value.includes("%")) return false;
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const groups = (text: string): string[] | undefined => (text === "" ? [] : text.split(":"));
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i] ?? "";
    if (i === all.length - 1 && g.includes(".")) {
      if (!isIPv4(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

export function isIPAddress(value: string): boolean {
  return isIPv4(value) || isIPv6(value);
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The Hostname address rule of the Gateway CRD: `^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`. */
export function isAddressHostname(value: string): boolean {
  const name = value.startsWith("*.") ? value.slice(2) : value;
  return name.length > 0 && name.split(".").every((label) => DNS_LABEL.test(label));
}
