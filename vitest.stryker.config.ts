// The test suite StrykerJS runs against each mutant of model/ and properties/ (`npm run mutation`).
// Tests that spawn child processes (the CLI, the kill-the-writer test) are left out: a child process runs
// the unmutated sources, so they cannot kill a mutant and only cost time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".stryker-tmp/**", "cli/**", "checker/corpus.kill.test.ts"],
    testTimeout: 120_000,
    setupFiles: ["test/setup.ts"],
  },
});
