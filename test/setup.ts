// Every property test runs with one fixed seed, so `npm test` gives the same result every time
// (override with FC_SEED=<n> to explore; a failure prints the seed and path to replay it).
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20201125), numRuns: 200 });
