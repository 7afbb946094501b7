// The counterexample file formats the library exports (COUNTEREXAMPLE_FORMATS, from
// checker/counterexampleFormat.ts): each accepts the committed files of its spec written today (schemaVersion
// 2), and refuses another spec's file and a file with a key too many, naming the key.
import { readFileSync } from "node:fs";
import * as v from "valibot";
import { describe, expect, test } from "vitest";
import { SCHEMA_VERSION } from "../checker/counterexample.ts";
import { decodeWith } from "../model/format.ts";
import { fleetCorpus, named, systemCorpus } from "../test/savedCorpus.ts";
import { COUNTEREXAMPLE_FORMATS } from "./specSchemas.ts";

const read = (f: string): Record<string, unknown> => JSON.parse(readFileSync(f, "utf8"));
const current = (files: ReadonlyArray<string>) =>
  named(files.filter((f) => read(f).schemaVersion === SCHEMA_VERSION));

describe("COUNTEREXAMPLE_FORMATS", () => {
  test("the committed corpus has files of today's version of both specs", () => {
    expect(current(fleetCorpus).length).toBeGreaterThan(0);
    expect(current(systemCorpus).length).toBeGreaterThan(0);
  });

  test.each(current(fleetCorpus))("the fleet's format accepts %s, and the system's does not", (_n, f) => {
    expect(v.safeParse(COUNTEREXAMPLE_FORMATS.fleet, read(f)).issues).toBeUndefined();
    expect(v.safeParse(COUNTEREXAMPLE_FORMATS.system, read(f)).success).toBe(false);
  });

  test.each(current(systemCorpus))("the system's format accepts %s, and the fleet's does not", (_n, f) => {
    expect(v.safeParse(COUNTEREXAMPLE_FORMATS.system, read(f)).issues).toBeUndefined();
    expect(v.safeParse(COUNTEREXAMPLE_FORMATS.fleet, read(f)).success).toBe(false);
  });

  test("a key too many is refused in one line naming it", () => {
    const [first] = current(fleetCorpus);
    const file = { ...read(first?.[1] ?? ""), surprise: 1 };
    expect(decodeWith(COUNTEREXAMPLE_FORMATS.fleet, { root: "the file", got: true })(file)).toEqual({
      _tag: "Left",
      left: expect.stringMatching(/^unknown key surprise \(expected one of: [^\n]*\)$/),
    });
  });
});
