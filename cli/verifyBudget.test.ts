// Issue 15: verify streams progress (states, depth, rate, memory, time left) and stops cleanly at a time
// budget with an honest partial verdict: BOUNDED, never PROVED.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { run } from "./main.ts";
import { verifyProgressLine } from "./verify.ts";

const fleet3000 = join(import.meta.dirname, "..", "examples", "configs", "fleet-3000.json");

/** verify of one invariant on 3,000 frontends within a one-second budget. */
const budgeted = (...more: ReadonlyArray<string>) =>
  run([
    "verify",
    "--config",
    fleet3000,
    "--invariant",
    "ServesOnlyWithCompleteMap",
    "--budget-seconds",
    "1",
    "--no-save",
    ...more,
  ]);

describe("verify at scale: progress and a time budget", () => {
  test("the progress line names states, depth, rate, resident memory and the time left to the nearer bound", () => {
    const line = verifyProgressLine(
      { states: 1000, depth: 3, transitions: 5000 },
      { maxDepth: 100, maxStates: 50_000, budgetSeconds: 30 },
      10_000,
    );
    expect(line).toMatch(
      /^verify: 1000 states, depth 3, 100 states\/s, 5000 transitions, \d+ MB RSS, about 20 s left \(--budget-seconds\)$/,
    );
    const byStates = verifyProgressLine(
      { states: 1000, depth: 3, transitions: 5000 },
      { maxDepth: 100, maxStates: 2000 },
      10_000,
    );
    expect(byStates).toMatch(/about 10 s left \(--max-states\)$/);
  });

  test("--budget-seconds on 3,000 frontends stops cleanly: BOUNDED, time budget reached, not a proof; exit 0", () => {
    const r = budgeted();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /ServesOnlyWithCompleteMap\s+BOUNDED\s+no violation within \d+ steps? of the start \(\d+ states; time budget reached, --budget-seconds 1\): not a proof/,
    );
    expect(r.stdout).toContain("stopped at the time budget");
    expect(r.stdout).not.toContain("PROVED");
  });

  test("--json says which bound stopped it: budget", () => {
    const r = budgeted("--json");
    const out = JSON.parse(r.stdout);
    expect(out.budgetSeconds).toBe(1);
    expect(out.results[0]).toMatchObject({
      invariant: "ServesOnlyWithCompleteMap",
      status: "bounded",
      bound: "budget",
    });
  });
});
