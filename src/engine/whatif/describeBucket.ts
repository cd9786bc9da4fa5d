/**
 * A traffic bucket in a person's words, for the what-if sentences and the simulator's traces and
 * charts. Apart from describeRequest.ts because the page's first chunk needs that one (the
 * simulator's saved requests are named by it) and this only in lazily loaded parts.
 */
import type { TrafficBucket } from "./types";

/** A bucket for people: "shop-v1:8080", "none → 500", "404 not-found". */
export function describeBucket(bucket: TrafficBucket): string {
  if (bucket === "none") return "none → 500";
  if (bucket.startsWith("status:")) return bucket.slice("status:".length);
  const slash = bucket.indexOf("/");
  return slash < 0 ? bucket : bucket.slice(slash + 1);
}
