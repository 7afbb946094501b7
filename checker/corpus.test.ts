import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { narrate, savedSteps } from "../explain/narrate.ts";
import { asWas } from "../model/configs/asWas.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { SYSTEM_INVARIANTS } from "../properties/dependents/index.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { loadSaved, onSaved, type Saved } from "../specs/saved.ts";
import { corpusFiles, corpusFolderOf, counterexamplePath, saveCounterexample } from "./corpus.ts";
import { type Counterexample, counterexampleFrom, encodeCounterexample } from "./counterexample.ts";
import { DEFAULT_RUNS, DEFAULT_SEED } from "./defaults.ts";
import { replayCounterexample } from "./replay.ts";
import { searchInvariant } from "./search.ts";
import { invariantOf, type Spec } from "./spec.ts";
import { runTrace } from "./trace.ts";

const root = join(import.meta.dirname, "..", "counterexamples");
const fleetFiles = corpusFiles(corpusFolderOf(root, fleetSpec));
const systemFiles = corpusFiles(corpusFolderOf(root, systemSpec));
const committed = [...fleetFiles, ...systemFiles].map((f) => [
  `${basename(join(f, ".."))}/${basename(f)}`,
  f,
]);

/** A committed file, decoded by the spec it names. */
const load = (file: string): Saved => {
  const loaded = loadSaved(file);
  if (E.isLeft(loaded)) throw new Error(loaded.left);
  return loaded.right;
};

describe("the committed counterexample corpus", () => {
  test("holds the outage's headline counterexamples, and one for every dependent invariant under as-was", () => {
    const fleetNames = fleetFiles.map((f) => basename(f));
    expect(fleetNames.some((n) => n.startsWith("ThreadBudget--as-was--"))).toBe(true);
    expect(fleetNames.some((n) => n.startsWith("ServesOnlyWithCompleteMap--as-was--"))).toBe(true);
    const systemNames = systemFiles.map((f) => basename(f));
    // A remediation's own limit holds on as-was; its counterexample is under as-was with that remediation on.
    for (const inv of SYSTEM_INVARIANTS) {
      const config = inv.limitOf === undefined ? "as-was" : `as-was+${inv.limitOf}`;
      expect(
        systemNames.some((n) => n.startsWith(`${inv.name}--${config}--`)),
        inv.name,
      ).toBe(true);
    }
  });

  test.each(committed)(
    "%s is a counterexample of the spec whose folder it is in, under its own name",
    (_n, file) =>
      onSaved(load(file), (spec, saved) => {
        expect(counterexamplePath(root, spec, saved)).toBe(file);
      }),
  );

  test.each(committed)("%s still reproduces under its own config", (_n, file) =>
    onSaved(load(file), (spec, saved) => {
      const replay = replayCounterexample(spec, saved);
      expect(replay.detail).toMatch(/fails at step/);
      expect(replay.reproduces).toBe(true);
    }),
  );

  // The story a file tells must be the one the code tells today, or reviewers read stale sentences.
  test.each(committed)("%s narrates its steps as the code does now (else run `npm run check`)", (_n, file) =>
    onSaved(load(file), (spec, saved) => {
      const trace = runTrace(spec, saved.config, saved.ops, []);
      expect(saved.steps).toEqual(savedSteps(narrate(spec, saved.config, trace)));
    }),
  );

  // The search shrinks to a 1-minimal trace and breadth-first search finds a shortest one, which is 1-minimal too.
  test.each(committed)("%s is 1-minimal: dropping any one operation makes its invariant hold", (_n, file) =>
    onSaved(load(file), (spec, saved) => {
      const inv = invariantOf(spec, saved.invariant);
      if (inv === undefined) throw new Error(`unknown invariant ${saved.invariant}`);
      for (let i = 0; i < saved.ops.length; i++) {
        const without = [...saved.ops.slice(0, i), ...saved.ops.slice(i + 1)];
        expect(runTrace(spec, saved.config, without, [inv]).violation).toBeUndefined();
      }
    }),
  );

  // A file the random search saved names the search that finds it (seed and fast-check path, printed as
  // "search again"); that must stay true, or the file sends a reader to a different run. Files the
  // breadth-first verifier saved have no path.
  const searched = committed.filter(([, f]) =>
    onSaved(load(f as string), (_spec, saved) => saved.path !== ""),
  );
  test.each(searched)(
    "%s is what the search it names finds today, path and all (else run `npm run check`)",
    (_n, file) =>
      onSaved(load(file), (spec, saved) => {
        const inv = invariantOf(spec, saved.invariant);
        if (inv === undefined) throw new Error(`unknown invariant ${saved.invariant}`);
        const r = searchInvariant(spec, saved.config, inv, {
          seed: saved.seed,
          runs: DEFAULT_RUNS,
          maxSteps: spec.defaultMaxSteps,
        });
        if (r.status !== "violated") throw new Error(`the search no longer finds ${saved.invariant}`);
        expect({ path: r.found.path, ops: r.found.ops }).toEqual({ path: saved.path, ops: saved.ops });
      }),
  );
});

/** A counterexample of `inv` under `config` found by a short search, as `npx outage check` saves it. */
const foundBy = <C, S, Op>(spec: Spec<C, S, Op>, config: C, invariant: string): Counterexample<C, Op> => {
  const inv = invariantOf(spec, invariant);
  if (inv === undefined) throw new Error(`unknown invariant ${invariant}`);
  const r = searchInvariant(spec, config, inv, { seed: DEFAULT_SEED, runs: 50, maxSteps: 40 });
  if (r.status !== "violated") throw new Error(`as-was must violate ${invariant}`);
  return counterexampleFrom(spec, config, inv, r.found, savedSteps(narrate(spec, config, r.found.trace)));
};

/** Saving a counterexample of `spec` into a fresh corpus folder, and loading it back. */
const savingTests = <C, S, Op>(spec: Spec<C, S, Op>, c: Counterexample<C, Op>): void => {
  describe(`saving a counterexample of the ${spec.id}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "outage-corpus-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test("writes the same bytes under the same content-addressed name twice, in the spec's folder, and leaves no temp file", () => {
      const a = saveCounterexample(dir, spec, c);
      const bytes = readFileSync(a, "utf8");
      const b = saveCounterexample(dir, spec, c);
      expect(b).toBe(a);
      expect(readFileSync(b, "utf8")).toBe(bytes);
      expect(dirname(a)).toBe(corpusFolderOf(dir, spec));
      expect(readdirSync(dirname(a))).toEqual([basename(a)]);
    });

    test("loads back as the same counterexample of the same spec, and re-encodes to the same bytes", () => {
      const path = saveCounterexample(dir, spec, c);
      const loaded = load(path);
      expect(loaded.spec).toBe(spec.id);
      onSaved(loaded, (_spec, saved) => {
        expect(saved).toEqual(c);
        expect(encodeCounterexample(saved, 1)).toBe(encodeCounterexample(c, 1));
      });
    });

    test("gives a different counterexample a different name, so neither is overwritten", () => {
      const [first] = c.ops;
      if (first === undefined) throw new Error("a counterexample has an operation");
      const other = { ...c, ops: [...c.ops, first] };
      expect(saveCounterexample(dir, spec, other)).not.toBe(saveCounterexample(dir, spec, c));
    });
  });
};

savingTests(fleetSpec, foundBy(fleetSpec, asWas, "ThreadBudget"));
savingTests(systemSpec, foundBy(systemSpec, asWasSystem, "CustomerIngestionSurvivesRegionalImpairment"));
