// ---------------------------------------------------------------------------------------------------------
// bench: small statistics and timing helpers. Every figure the bench reports is a median of several runs.
// ---------------------------------------------------------------------------------------------------------

/** The median of `xs` (the mean of the middle two for an even count); NaN for none. */
export const median = (xs: ReadonlyArray<number>): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const nowMs = (): number => performance.now();

/** The process's peak resident set size so far, in bytes. */
export const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

/** `n` rounded to `digits` significant digits, for tables and JSON that stay readable. */
export const round = (n: number, digits = 3): number =>
  n === 0 || !Number.isFinite(n) ? n : Number(n.toPrecision(digits));
