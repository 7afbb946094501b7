// The engine knows no domain: a toy third spec (test/toySpec.ts) runs through every part of it unchanged.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, test } from "vitest";
import { runCheck, section } from "../cli/check.ts";
import { captureIo } from "../cli/io.ts";
import { narrate } from "../explain/narrate.ts";
import { roomy, tight, toySpec } from "../test/toySpec.ts";
import { saveCounterexample } from "./corpus.ts";
import { counterexampleFrom, decodeCounterexample, parseJson } from "./counterexample.ts";
import { replayCounterexample } from "./replay.ts";
import { searchInvariant } from "./search.ts";
import { exploreBreadthFirst } from "./verify/bfs.ts";

const [needsWithinLimit] = toySpec.invariants;
if (needsWithinLimit === undefined) throw new Error("the toy spec has its invariant");
const dir = mkdtempSync(join(tmpdir(), "toy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a third spec, plugged into the engine without changing it", () => {
  test("random search finds the toy's violation and shrinks it to the two steps it needs", () => {
    const r = searchInvariant(toySpec, tight, needsWithinLimit, { seed: 1, runs: 100, maxSteps: 10 });
    expect(r.status).toBe("violated");
    if (r.status !== "violated") return;
    expect(r.found.ops).toEqual([
      { type: "started", frontend: 1 },
      { type: "peerLearned", frontend: expect.any(Number) },
    ]);
    expect(narrate(toySpec, tight, r.found.trace).map((s) => s.label)).toEqual([
      "toy/started frontend-1",
      `toy/peerLearned frontend-${r.found.ops[1]?.type === "peerLearned" ? r.found.ops[1].frontend : -1}`,
    ]);
  });

  test("with room for a peer's threads the invariant holds in every reachable state (breadth-first)", () => {
    const proved = exploreBreadthFirst(toySpec, roomy, toySpec.invariants, { maxDepth: 20, maxStates: 100 });
    expect(proved.complete).toBe(true);
    expect(proved.verdicts[0]?.verdict.status).toBe("proved");
    const broken = exploreBreadthFirst(toySpec, tight, toySpec.invariants, { maxDepth: 20, maxStates: 100 });
    expect(broken.verdicts[0]?.verdict).toMatchObject({ status: "violated", depth: 2 });
  });

  test("a saved toy counterexample decodes under its spec and replays", () => {
    const r = searchInvariant(toySpec, tight, needsWithinLimit, { seed: 1, runs: 100, maxSteps: 10 });
    if (r.status !== "violated") throw new Error("the toy breaks under tight");
    const steps = narrate(toySpec, tight, r.found.trace);
    const file = saveCounterexample(
      dir,
      toySpec,
      counterexampleFrom(toySpec, tight, needsWithinLimit, r.found, steps),
    );
    expect(file.startsWith(join(dir, "toy"))).toBe(true);
    const decoded = E.flatMap(parseJson(readFileSync(file, "utf8")), (json) =>
      decodeCounterexample(toySpec, json),
    );
    if (E.isLeft(decoded)) throw new Error(decoded.left);
    expect(decoded.right.spec).toBe("toy");
    expect(replayCounterexample(toySpec, decoded.right).reproduces).toBe(true);
  });

  test("check's report prints a toy section like any other", () => {
    const io = captureIo();
    const code = runCheck(
      {
        sections: [
          section({
            spec: toySpec,
            config: tight,
            invariants: toySpec.invariants,
            search: { seed: 1, runs: 100, maxSteps: 10 },
          }),
        ],
        json: false,
        outDir: undefined,
        searchAgain: (inv) => `toy search ${inv}`,
      },
      io,
    );
    expect(code).toBe(1);
    expect(io.stdout()).toContain("NeedsWithinLimit  VIOLATED");
    expect(io.stdout()).toContain("search again: toy search NeedsWithinLimit");
  });
});
