// A new failure of a user's property is saved, and its message says how to read it and how to replay it; the
// file alone reproduces it under plain fast-check.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { invariantProperty } from "../checker/property.ts";
import { invariantOf } from "../checker/spec.ts";
import { defineInvariant } from "../checker/specInvariant.ts";
import type { Config } from "../model/config.ts";
import { asWas, small } from "../model/configs/index.ts";
import type { State } from "../model/state.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { loadSaved, onSaved } from "../specs/saved.ts";
import { saveNewFailures } from "./newFailures.ts";
import { savedExamples } from "./vitest.ts";

const dir = mkdtempSync(join(tmpdir(), "new-failures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message `fc.assert` threw, or "" if it did not. */
const failureOf = (run: () => void): string => {
  try {
    run();
    return "";
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

describe("saveNewFailures", () => {
  test("a failing property saves its counterexample and says how to explain and replay it", () => {
    const folder = join(dir, "failing");
    const maxSteps = 40;
    const property = invariantProperty(fleetSpec, asWas, threadBudget, { maxSteps });
    const message = failureOf(() =>
      fc.assert(property, {
        seed: 7,
        ...saveNewFailures(fleetSpec, asWas, threadBudget, { folder, maxSteps }),
      }),
    );
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    const file = join(folder, files[0] ?? "");
    expect(message).toContain(`Saved as ${file}; read it with: npx outage explain ${file}`);
    const replay = /Replay it with fast-check: \{ seed: (-?\d+), path: ("[^"]*"), endOnFailure: true \}/.exec(
      message,
    );
    expect(replay?.[1]).toBe("7");
    // fast-check's own report follows.
    expect(message).toMatch(/Property failed after \d+ tests/);

    const loaded = loadSaved(file);
    if (E.isLeft(loaded)) throw new Error(loaded.left);
    onSaved(loaded.right, (spec, saved) => {
      expect([saved.seed, JSON.stringify(saved.path), saved.maxSteps]).toEqual([7, replay?.[2], maxSteps]);
      expect(saved.versions?.fastCheck).toBe(fc.__version);
      const invariant = invariantOf(spec, saved.invariant);
      if (invariant === undefined) throw new Error(`no invariant ${saved.invariant}`);
      const details = fc.check(
        invariantProperty(spec, saved.config, invariant, { maxSteps: saved.maxSteps }),
        {
          seed: saved.seed,
          path: saved.path,
          endOnFailure: true,
        },
      );
      expect(details.failed).toBe(true);
      expect(details.numRuns).toBe(1);
    });
  });

  test("a failure of a user's own invariant is saved, and savedExamples feeds it back first", () => {
    const folder = join(dir, "own");
    const neverAdded = defineInvariant<Config, State>({
      name: "FleetNeverGrows",
      sentence: "The fleet keeps its initial size.",
      source: "a test of the user's own invariants",
      violation: (config, state) =>
        state.frontends.length > config.fleet.initialSize ? `${state.frontends.length} frontends` : undefined,
    });
    const property = invariantProperty(fleetSpec, small, neverAdded, { maxSteps: 20 });
    const message = failureOf(() =>
      fc.assert(property, {
        seed: 3,
        ...saveNewFailures(fleetSpec, small, neverAdded, { folder, maxSteps: 20 }),
      }),
    );
    expect(message).toMatch(
      /^FleetNeverGrows broke after step 1: 3 frontends\nSaved as .*FleetNeverGrows--small--\w+\.json \(an invariant of your own: savedExamples reads it back/,
    );
    const examples = savedExamples(fleetSpec, folder, neverAdded);
    expect(examples).toEqual([[[{ type: "capacityAdded", count: 1 }]]]);
    const details = fc.check(property, { examples, numRuns: 1 });
    expect([details.failed, details.numRuns]).toEqual([true, 1]);
  });

  test("a folder that cannot be written is named, and fast-check's report still follows", () => {
    const folder = join(dir, "a-file");
    writeFileSync(folder, "");
    const property = invariantProperty(fleetSpec, asWas, threadBudget, { maxSteps: 40 });
    const message = failureOf(() =>
      fc.assert(property, { seed: 7, ...saveNewFailures(fleetSpec, asWas, threadBudget, { folder }) }),
    );
    expect(message).toMatch(
      /^ThreadBudget: the counterexample could not be saved \(.*\)\n\nProperty failed after/,
    );
  });

  test("a property that holds saves nothing and throws nothing", () => {
    const folder = join(dir, "holding");
    const config = { ...small, fleet: { ...small.fleet, maxSize: small.fleet.initialSize } };
    const property = invariantProperty(fleetSpec, config, threadBudget, { maxSteps: 10 });
    expect(
      failureOf(() =>
        fc.assert(property, { numRuns: 20, ...saveNewFailures(fleetSpec, config, threadBudget, { folder }) }),
      ),
    ).toBe("");
    expect(() => readdirSync(folder)).toThrow(/ENOENT/);
  });
});
