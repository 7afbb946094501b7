import { defineConfig } from "vitest/config";

export default defineConfig({
  // fast-check is a peer dependency: the package's properties and ours share this one global configuration.
  test: { setupFiles: ["./fastCheckSetup.ts"] },
});
