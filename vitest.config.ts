import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".stryker-tmp/**", "dist/**"],
    testTimeout: 120_000,
    setupFiles: ["test/setup.ts"],
    // Builds dist/ when stale: the CLI tests spawn bin/outage.js, which runs dist/cli/outage.js.
    globalSetup: ["test/globalSetup.ts"],
  },
});
