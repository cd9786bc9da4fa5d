/**
 * The one way a share of traffic (0..1) is written as a percentage, in the simulator, the
 * what-if sentences, the migration report, the trace and the CLI tables.
 */

export interface FormatShareOptions {
  /** Always two decimals ("90.00%"), for columns that must line up. */
  fixed?: boolean;
}

/**
 * An exact share rounded to two decimals: 0.9 → "90%", 1/3 → "33.33%", 0.07 → "7%" (the float
 * noise of 0.07 * 100 is rounded away, never shown as "7.00%" or "7.000000000000001%").
 */
export function formatShare(share: number, options: FormatShareOptions = {}): string {
  const hundredths = Math.round(share * 10000);
  // -0 would print as "0" anyway, but a tiny negative share rounds to -0: keep it "0%".
  const pct = hundredths === 0 ? 0 : hundredths / 100;
  return `${options.fixed ? pct.toFixed(2) : String(pct)}%`;
}
