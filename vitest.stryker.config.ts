// The test suite StrykerJS runs against each mutant of model/ and properties/ (`npm run mutation`).
// Tests that spawn child processes (cli/process.test.ts, the kill-the-writer test, examples/: the packed
// library's test and the example project it runs) are left out: a child process
// runs the unmutated sources, so they cannot kill a mutant and only cost time. The other CLI tests run `main`
// in-process but search with the whole checker in every test, so they are left out for time, as are
// explain/docs.test.ts (it renders every chart of the design review in a worker thread), the bench's tests and
// the two browser tests: every model path they run is run by a cheaper test too.
//
// With STRYKER_AFTER_CHECKER=1 (`npm run mutation:all-after-checker`, scripts/mutationGroups.mjs) the checker-level files are left out too:
// that run tests only the mutants they let survive, which they cannot kill (same seed, same FC_NUM_RUNS), so
// running them again would only cost time; scripts/mutationScores.mjs adds their kills back.
import { defineConfig } from "vitest/config";
import { CHECKER_LEVEL_TESTS } from "./vitest.stryker.checker.config.ts";

const afterChecker = process.env.STRYKER_AFTER_CHECKER === "1" ? CHECKER_LEVEL_TESTS : [];

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: [
      "node_modules/**",
      ".stryker-tmp/**",
      "cli/**",
      "examples/**",
      "checker/corpus.kill.test.ts",
      "explain/docs.test.ts",
      // It calls process.chdir, which worker threads do not allow, and Stryker's vitest runner runs in threads.
      "explain/explain.test.ts",
      "bench/**",
      "**/*.browser.test.ts",
      ...afterChecker,
    ],
    testTimeout: 120_000,
    // Reuse loaded modules between mutant runs: Stryker switches mutants at run time (mutant schemata),
    // and re-importing fast-check, fp-ts and the model for every mutant dominated the run time.
    isolate: false,
    setupFiles: ["test/setup.ts"],
  },
});
