import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { corpusFiles, loadCounterexample, saveCounterexample } from "./corpus.ts";
import { counterexampleFrom } from "./counterexample.ts";
import { replayCounterexample } from "./replay.ts";
import { DEFAULT_SEED, searchInvariant } from "./search.ts";

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
