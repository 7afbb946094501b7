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

/** Wall-clock milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const nowMs = (): number => performance.now();

/**
 * Milliseconds of CPU (user + system) this process has used. The bench times work by CPU, not wall clock:
 * on an idle machine the two agree, and on a shared one CPU time still measures the work done, where wall
 * time also counts the time other processes held the cores. (V8's background GC threads add to it, so
 * it errs on the slow side.) Wall-clock figures are reported alongside.
 */
export const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The process's peak resident set size so far, in bytes. */
export const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

/** `n` rounded to `digits` significant digits, for tables and JSON that stay readable. */
export const round = (n: number, digits = 3): number =>
  n === 0 || !Number.isFinite(n) ? n : Number(n.toPrecision(digits));
