// The test suite StrykerJS runs against each mutant of model/ and properties/ (`npm run mutation`).
// Tests that spawn child processes (cli/process.test.ts, the kill-the-writer test, examples/: the packed
// library's test and the example project it runs) are left out: a child process
// runs the unmutated sources, so they cannot kill a mutant and only cost time. The other CLI tests run `main`
// in-process but search with the whole checker in every test, so they are left out for time, as are
// explain/docs.test.ts (it renders every chart of the design review in a worker thread), the bench's tests and
// the two browser tests: every model path they run is run by a cheaper test too.
import { defineConfig } from "vitest/config";

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
      "bench/**",
      "**/*.browser.test.ts",
    ],
    testTimeout: 120_000,
    // Reuse loaded modules between mutant runs: Stryker switches mutants at run time (mutant schemata),
    // and re-importing fast-check, fp-ts and the model for every mutant dominated the run time.
    isolate: false,
    setupFiles: ["test/setup.ts"],
  },
});
