// The published package (`npm pack`): the compiled CLI and library, their docs, the saved corpus, and nothing of the tests.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "..");

/** What `npm pack` would put in the tarball, from the dist/ built by the global setup (no rebuild here). */
const packed = (): ReadonlyArray<string> => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return (
    (JSON.parse(out) as ReadonlyArray<{ files: ReadonlyArray<{ path: string }> }>)[0]?.files.map(
      (f) => f.path,
    ) ?? []
  );
};

describe("npm pack", () => {
  test("holds the compiled CLI, the library's JavaScript and types, the docs and schemas, the example configs and scenarios, the saved corpus, and no test", () => {
    const files = packed();
    for (const f of [
      "bin/outage.js",
      "dist/cli/outage.js",
      "dist/bundle/outage.js",
      "dist/bundle/vegaWorker.mjs",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/explain/vegaWorker.mjs",
      "README.md",
      "docs/model.md",
      "docs/counterexample.schema.json",
      "examples/configs/fleet-3000.json",
      "examples/scenarios/2020-11-25.json",
      "docs/scenario.schema.json",
      "counterexamples/ThreadBudget--as-was--ebffbf949d.json",
      "package.json",
    ])
      expect(files).toContain(f);
    const unwanted = (f: string): boolean =>
      /\.test\./.test(f) ||
      (f.endsWith(".ts") && !f.endsWith(".d.ts")) ||
      f.endsWith(".png") ||
      f.startsWith("reports/") ||
      f === "dist/.built";
    expect(files.filter(unwanted)).toEqual([]);
  });
});
