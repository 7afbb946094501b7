import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { invariantNamed } from "../properties/index.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { corpusFiles, loadCounterexample, saveCounterexample } from "./corpus.ts";
import { counterexampleFrom } from "./counterexample.ts";
import { replayCounterexample } from "./replay.ts";
import { DEFAULT_MAX_STEPS, DEFAULT_RUNS, DEFAULT_SEED, searchInvariant } from "./search.ts";

const committed = corpusFiles(join(import.meta.dirname, "..", "counterexamples"));

describe("the committed counterexample corpus", () => {
  test("holds the outage's headline counterexamples", () => {
    const names = committed.map((f) => f.split("/").pop() ?? "");
    expect(names.some((n) => n.startsWith("ThreadBudget--as-was--"))).toBe(true);
    expect(names.some((n) => n.startsWith("ServesOnlyWithCompleteMap--as-was--"))).toBe(true);
  });

  test.each(committed.map((f) => [f.split("/").pop(), f]))(
    "%s still reproduces under its own config",
    (_name, file) => {
      const loaded = loadCounterexample(file as string);
      if (E.isLeft(loaded)) throw new Error(loaded.left);
      const replay = replayCounterexample(loaded.right);
      expect(replay.detail).toMatch(/fails at step/);
      expect(replay.reproduces).toBe(true);
    },
  );

  // The story a file tells must be the one the code tells today, or reviewers read stale sentences.
  test.each(committed.map((f) => [f.split("/").pop(), f]))(
    "%s narrates its steps as the code does now (else run `npm run check`)",
    (_name, file) => {
      const loaded = loadCounterexample(file as string);
      if (E.isLeft(loaded)) throw new Error(loaded.left);
      const replay = replayCounterexample(loaded.right);
      const now = replay.trace.steps.map((s) => ({ step: s.step, label: s.label, changes: s.changes }));
      expect(loaded.right.steps).toEqual(now);
    },
  );
  // A file the random search saved names the search that finds it (seed and fast-check path, printed as
  // "search again"); that must stay true, or the file sends a reader to a different run. Files the
  // breadth-first verifier saved have no path.
  const searched = committed.filter((f) => {
    const loaded = loadCounterexample(f);
    return E.isRight(loaded) && loaded.right.path !== "";
  });
  test.each(searched.map((f) => [f.split("/").pop(), f]))(
    "%s is what the search it names finds today, path and all (else run `npm run check`)",
    (_name, file) => {
      const loaded = loadCounterexample(file as string);
      if (E.isLeft(loaded)) throw new Error(loaded.left);
      const c = loaded.right;
      const inv = invariantNamed(c.invariant);
      if (inv === undefined) throw new Error(`unknown invariant ${c.invariant}`);
      const r = searchInvariant(c.config, inv, {
        seed: c.seed,
        runs: DEFAULT_RUNS,
        maxSteps: DEFAULT_MAX_STEPS,
      });
      if (r.status !== "violated") throw new Error(`the search no longer finds ${c.invariant}`);
      expect({ path: r.found.path, ops: r.found.ops }).toEqual({ path: c.path, ops: c.ops });
    },
  );
});

describe("saving a counterexample", () => {
  const dir = mkdtempSync(join(tmpdir(), "outage-corpus-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const r = searchInvariant(asWas, threadBudget, { seed: DEFAULT_SEED, runs: 50, maxSteps: 40 });
  if (r.status !== "violated") throw new Error("as-was must violate ThreadBudget");
  const c = counterexampleFrom(asWas, threadBudget, r.found);

  test("writes the same bytes under the same content-addressed name twice, and leaves no temp file", () => {
    const a = saveCounterexample(dir, c);
    const bytes = readFileSync(a, "utf8");
    const b = saveCounterexample(dir, c);
    expect(b).toBe(a);
    expect(readFileSync(b, "utf8")).toBe(bytes);
    expect(readdirSync(dir)).toEqual([a.split("/").pop()]);
  });

  test("gives a different counterexample a different name, so neither is overwritten", () => {
    const other = { ...c, ops: [...c.ops, { type: "tick" as const }] };
    expect(saveCounterexample(dir, other)).not.toBe(saveCounterexample(dir, c));
  });
});
