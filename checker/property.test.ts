// A counterexample the CLI saves reproduces under plain fast-check from what the file records: its seed, its
// path and its step limit (checker/property.ts), for both specs.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { run } from "../cli/main.ts";
import { loadSaved, onSaved } from "../specs/saved.ts";
import { invariantProperty } from "./property.ts";
import { minimize } from "./search.ts";
import { invariantOf } from "./spec.ts";

const dir = mkdtempSync(join(tmpdir(), "property-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a saved counterexample under plain fast-check", () => {
  test.each([
    ["the fleet's", ["--invariant", "ThreadBudget,ServesOnlyWithCompleteMap"], ""],
    ["the system's", ["--invariant", "CognitoNeverBlocksOnKinesisBuffer", "--config", "small"], "system"],
  ])(
    "%s: fc.assert with the file's seed, path and maxSteps fails on the same case",
    (_what, args, folder) => {
      const out = join(dir, folder === "" ? "fleet" : "system");
      expect(run(["check", ...args, "--out", out]).code).toBe(1);
      const files = readdirSync(join(out, folder)).filter((f) => f.endsWith(".json"));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const loaded = loadSaved(join(out, folder, file));
        if (E.isLeft(loaded)) throw new Error(loaded.left);
        onSaved(loaded.right, (spec, saved) => {
          const invariant = invariantOf(spec, saved.invariant);
          if (invariant === undefined || saved.maxSteps === undefined)
            throw new Error(`${file}: no invariant or no maxSteps`);
          const property = invariantProperty(spec, saved.config, invariant, { maxSteps: saved.maxSteps });
          const details = fc.check(property, { seed: saved.seed, path: saved.path, endOnFailure: true });
          expect(details.failed).toBe(true);
          const [ops] = details.counterexample ?? [[]];
          // fast-check regenerates the shrunk case; the checker's last pass made it 1-minimal.
          expect(minimize(spec, saved.config, invariant, ops)).toEqual(saved.ops);
          // fast-check's own report carries the property's error: the invariant, the step, what broke.
          expect(String(details.errorInstance)).toMatch(
            new RegExp(`${saved.invariant} violated after step \\d+ of`),
          );
          expect(() =>
            fc.assert(property, { seed: saved.seed, path: saved.path, endOnFailure: true }),
          ).toThrow(/Property failed/);
        });
      }
    },
  );
});
