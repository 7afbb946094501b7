// The checker-level suite StrykerJS runs against each mutant of model/ and properties/ for issue 18's first
// score (`npm run mutation:checker`): only the tests that judge the model through the checker, not tests of
// one function's output. They are the search over configs and over the dependents' numbers (each verdict
// against an independently computed expected outcome), the expected outcomes of every invariant on the
// built-in configs, the replay of the committed counterexample corpus, and the proofs (Z3, and the encoding's
// agreement with `step`). The second score runs the whole suite (vitest.stryker.config.ts).
import { defineConfig } from "vitest/config";

/** The checker-level test files (also left out of the second score's run over their survivors). */
export const CHECKER_LEVEL_TESTS = [
  "analyses/configSearch/configSearch.test.ts",
  "analyses/configSearch/dependentsSearch.test.ts",
  "analyses/configSearch/soakRound.test.ts",
  "properties/expectations.test.ts",
  "checker/corpus.test.ts",
  "specs/fleet/prove/prove.test.ts",
  "specs/fleet/prove/agreement.test.ts",
  "specs/system/prove/*.test.ts",
];

export default defineConfig({
  test: {
    include: CHECKER_LEVEL_TESTS,
    exclude: ["node_modules/**", ".stryker-tmp/**"],
    testTimeout: 120_000,
    // As in vitest.stryker.config.ts: reuse loaded modules between mutant runs (mutant schemata).
    isolate: false,
    setupFiles: ["test/setup.ts"],
  },
});
