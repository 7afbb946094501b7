import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    // examples/library/ is a user's project: examples/packedLibrary.test.ts runs its tests against the packed
    // tarball, in a folder of its own.
    exclude: ["node_modules/**", ".stryker-tmp/**", "dist/**", "examples/library/**"],
    testTimeout: 120_000,
    setupFiles: ["test/setup.ts"],
    // Test files share one module graph per worker instead of loading it afresh each: importing
    // @fast-check/vitest costs about 2 s per file (it builds every chain of vitest's test modifiers), which was
    // most of the suite's time (3 min 20 s isolated, 1 min 22 s shared, on an idle 2-core machine). Sound here
    // because the modules under test are pure (their only module state is caches of pure functions), and the
    // two tests that change the process's working folder restore it (explain.test.ts, cli/fuzz.test.ts).
    isolate: false,
    // Builds dist/ when stale: the CLI tests spawn bin/outage.js, which runs dist/bundle/outage.js (dist/cli/outage.js bundled).
    globalSetup: ["test/globalSetup.ts"],
  },
});
