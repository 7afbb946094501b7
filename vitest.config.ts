import { defineConfig } from "vitest/config";

/**
 * The test files that start Z3 (z3-solver, WebAssembly). Z3's WebAssembly heap cannot grow past 2 GB and is
 * not given back while its module stays loaded: with every file sharing one module graph (isolate: false),
 * the proofs, the necessity queries and the encoding-agreement property of every planted bug filled one heap
 * and the whole run aborted ("Cannot enlarge memory arrays", 5 Dec 2026). Each of these files gets a process of
 * its own instead, so each starts its own Z3 (about half a second) and hands its heap back when it ends.
 */
const Z3_FILES = [
  "specs/prove/*.test.ts",
  "specs/fleet/prove/*.test.ts",
  "specs/system/prove/*.test.ts",
  "analyses/plantedBugs/encodingAgreement.test.ts",
];

/** Tests too slow for `npm test` (minutes each); `npm run test:slow` runs them. */
const SLOW = "**/*.slow.test.ts";

const EXCLUDE = ["node_modules/**", ".stryker-tmp/**", "dist/**", "examples/library/**"];

export default defineConfig({
  test: {
    // examples/library/ is a user's project: examples/packedLibrary.test.ts runs its tests against the packed
    // tarball, in a folder of its own.
    exclude: EXCLUDE,
    testTimeout: 120_000,
    // A test file per core: vitest's default in `run` mode is one fewer worker than cores, which on this 2-core
    // machine ran the whole suite on one (its Duration was about the sum of every file's time).
    maxWorkers: 2,
    setupFiles: ["test/setup.ts"],
    // Builds dist/ when stale: the CLI tests spawn bin/outage.js, which runs dist/bundle/outage.js (dist/cli/outage.js bundled).
    globalSetup: ["test/globalSetup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["**/*.test.ts"],
          exclude: [...EXCLUDE, ...Z3_FILES],
          // Test files share one module graph per worker instead of loading it afresh each: importing
          // @fast-check/vitest costs about 2 s per file (it builds every chain of vitest's test modifiers), which
          // was most of the suite's time (3 min 20 s isolated, 1 min 22 s shared, on an idle 2-core machine).
          // Sound here because the modules under test are pure (their only module state is caches of pure
          // functions), and the two tests that change the process's working folder restore it (explain.test.ts,
          // cli/fuzz.test.ts).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "z3",
          include: Z3_FILES,
          exclude: [...EXCLUDE, ...(process.env.SLOW_TESTS === "1" ? [] : [SLOW])],
          pool: "forks",
          isolate: true,
        },
      },
    ],
  },
});
