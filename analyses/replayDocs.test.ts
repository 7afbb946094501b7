// The replay's generated files (analyses/replayDocs.ts) are what the code produces today: the shipped
// scenario files, their schema, the calibration table, the metastability boundary and the sensitivity report
// and chart. After a deliberate change, `npm run docs` rewrites them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { replayDocs } from "./replayDocs.ts";

const root = join(import.meta.dirname, "..");

describe("the replay's generated files", () => {
  test.each(replayDocs(root).map((f) => [f.path, f.text]))(
    "%s is up to date (else run `npm run docs`)",
    (path, text) => {
      expect(readFileSync(join(root, path), "utf8")).toBe(text);
    },
  );
});
