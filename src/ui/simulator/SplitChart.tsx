/**
 * Observed vs expected share per bucket as plain CSS bars: the filled bar is what the run saw, the
 * tick is the exact share from the weights, the band around it ±2 standard errors for n samples.
 */
import type { BucketShare } from "../../engine";
import { slug } from "../../engine/present";
import { describeBucket, formatShare } from "../../engine/present/whatIf";

export interface SplitChartProps {
  expected: readonly BucketShare[];
  counts: Readonly<Record<string, number>>;
  n: number;
  testId: string;
}

export function SplitChart({ expected, counts, n, testId }: SplitChartProps) {
  const buckets = [...new Set([...expected.map((e) => e.bucket), ...Object.keys(counts)])];
  return (
    <div className="sim-chart" data-testid={testId}>
      <div className="sim-chart-head">
        <span>target</span>
        <span>observed</span>
        <span />
        <span>expected</span>
      </div>
      {buckets.map((bucket) => {
        const exp = expected.find((e) => e.bucket === bucket)?.share ?? 0;
        const count = counts[bucket] ?? 0;
        const obs = n > 0 ? count / n : 0;
        const band = n > 0 ? 2 * Math.sqrt((exp * (1 - exp)) / n) : 0;
        const outside = n > 0 && Math.abs(obs - exp) > 2 * band + 1e-12 && n >= 100;
        const kind =
          bucket === "none" ? "none" : bucket.startsWith("status:") ? "status" : "backend";
        return (
          <div
            key={bucket}
            className={`sim-chart-row sim-chart-row--${kind}`}
            data-testid={`${testId}-row-${slug(describeBucket(bucket))}`}
            data-bucket={bucket}
            data-observed={obs}
            data-expected={exp}
            data-count={count}
          >
            <span className="sim-chart-label" title={bucket}>
              {describeBucket(bucket)}
            </span>
            <span className="sim-chart-num">
              {formatShare(obs)}{" "}
              <span className="sim-muted">({count.toLocaleString("en-US")})</span>
            </span>
            <span className="sim-chart-track" aria-hidden="true">
              <span
                className="sim-chart-band"
                style={{
                  left: `${Math.max(0, exp - band) * 100}%`,
                  width: `${Math.min(1, 2 * band) * 100}%`,
                }}
              />
              <span className="sim-chart-fill" style={{ width: `${obs * 100}%` }} />
              <span className="sim-chart-tick" style={{ left: `${exp * 100}%` }} />
            </span>
            <span
              className={`sim-chart-num ${outside ? "is-fail" : ""}`}
              title={
                outside
                  ? "outside 4 standard errors of the expected share"
                  : "±2 standard errors shown as the band"
              }
            >
              {formatShare(exp)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
