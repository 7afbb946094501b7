// Every property test runs with one fixed seed, so `npm test` gives the same result every time
// (override with FC_SEED=<n> to explore; a failure prints the seed and path to replay it).
import fc from "fast-check";

// FC_NUM_RUNS lowers the runs per property where speed matters more than depth (`npm run mutation`).
fc.configureGlobal({
  seed: Number(process.env.FC_SEED ?? 20201125),
  numRuns: Number(process.env.FC_NUM_RUNS ?? 200),
});
