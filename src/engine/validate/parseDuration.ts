/**
 * Gateway API Duration (GEP-2257): `^([0-9]{1,5}(h|m|s|ms)){1,4}$`, read like Go's
 * time.ParseDuration as the sum of its parts (units may repeat: `1h2h` is 3h). `0` alone is not a
 * Duration, `0s` is.
 * @see https://gateway-api.sigs.k8s.io/geps/gep-2257/
 */
import { lookupTable } from "../collections/dict";
const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
const PART = /([0-9]{1,5})(ms|h|m|s)/g;
const UNIT_MS = lookupTable<number>({ h: 3_600_000, m: 60_000, s: 1000, ms: 1 });

/** Milliseconds, or undefined when the text is not a GEP-2257 Duration. */
export function parseDuration(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(PART)) total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  return total;
}
