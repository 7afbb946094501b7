// The public API is documented: every name the two entries export (index.ts and the vitest entry,
// testing/vitest.ts), values and types alike, appears as `name` in docs/library.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const root = import.meta.dirname;
const read = (path: string): string => readFileSync(join(root, path), "utf8");

/** The names a module exports, read from its text: re-export lists and exported declarations. */
const exportedNames = (text: string): ReadonlyArray<string> => [
  ...[...text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap((m) =>
    (m[1] ?? "")
      .split(",")
      .map((part) => part.trim().replace(/^type /, ""))
      .filter((part) => part !== "")
      .map((part) => part.split(/\s+as\s+/).at(-1) ?? part),
  ),
  ...[...text.matchAll(/^export (?:const|interface|type|function) (\w+)/gm)].map((m) => m[1] ?? ""),
];

describe("docs/library.md", () => {
  const doc = read("docs/library.md");

  test.each([
    ["kinesis-outage-model", "index.ts", () => import("./index.ts")],
    ["kinesis-outage-model/vitest", "testing/vitest.ts", () => import("./testing/vitest.ts")],
  ])("documents every name %s exports", async (_entry, file, load) => {
    const names = exportedNames(read(file));
    expect(names.length).toBeGreaterThan(5);
    // The reading of the text misses no value the module really exports.
    const values = Object.keys(await load());
    expect(values.filter((v) => !names.includes(v))).toEqual([]);
    expect(names.filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });
});
