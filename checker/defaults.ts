// ---------------------------------------------------------------------------------------------------------
// checker: the random search's defaults, in a file of their own so that the help text can print them without
// loading fast-check.
// ---------------------------------------------------------------------------------------------------------

/** 25 Nov 2020: the default seed, so every run without `--seed` is the same run. */
export const DEFAULT_SEED = 20201125;

/** Generated runs per invariant. */
export const DEFAULT_RUNS = 300;
