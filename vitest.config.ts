import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".stryker-tmp/**"],
    testTimeout: 120_000,
    setupFiles: ["test/setup.ts"],
  },
});
