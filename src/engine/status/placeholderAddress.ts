/**
 * gwsim assigns each reconciled Gateway that requests no address a placeholder from
 * TEST-NET-3 (RFC 5737), standing in for what a load balancer would assign: the reconciled
 * Gateways numbered in order of their keys, never in input order, so reordering the documents or
 * splitting them over files leaves every Gateway its address. Shared by the status stage and the
 * incremental pass (incremental/gatewayEdit.ts), which must give the same address.
 */
import type { ResourceKey } from "../api/keys";

/** The placeholder address of `key` among the reconciled Gateways' keys (the first when absent). */
export function placeholderAddressOf(reconciled: Iterable<ResourceKey>, key: ResourceKey): string {
  return placeholderAddress(placeholderNumbers(reconciled).get(key) ?? 1);
}

/** Each reconciled Gateway's 1-based number: its rank among the distinct keys, sorted. */
export function placeholderNumbers(reconciled: Iterable<ResourceKey>): Map<ResourceKey, number> {
  const keys = [...new Set(reconciled)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(keys.map((key, i) => [key, i + 1]));
}

/** The n-th placeholder address (1-based), wrapping after 254. */
export function placeholderAddress(n: number): string {
  return `203.0.113.${((n - 1) % 254) + 1}`;
}
