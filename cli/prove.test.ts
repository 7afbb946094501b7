// `npx outage prove` in this process (proveCommand with a captured Io): the verdicts and the exit codes.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { captureIo } from "./io.ts";
import { run } from "./main.ts";
import { proveCommand } from "./prove.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-prove-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  readonly sets: ReadonlyArray<{
    readonly remediations: string;
    readonly invariants: ReadonlyArray<{
      readonly invariant: string;
      readonly verdict: string;
      readonly proof?: { argument: string; sideCondition: string; necessary: string };
      readonly attempts: ReadonlyArray<{ obligations: ReadonlyArray<{ obligation: string; ms: number }> }>;
    }>;
  }>;
}

describe("npx outage prove", () => {
  test("--remediation all --json: every core invariant PROVED, with its side condition and obligations, exit 0", async () => {
    const io = captureIo();
    const code = await proveCommand(["--remediation", "all", "--json", "--no-save"], io);
    const out = JSON.parse(io.stdout()) as Report;
    expect(out.sets.map((s) => s.remediations)).toEqual(["all"]);
    expect(out.sets[0]?.invariants.map((i) => [i.invariant, i.verdict])).toEqual([
      ["WellFormed", "PROVED"],
      ["ThreadBudget", "PROVED"],
      ["ServesOnlyWithCompleteMap", "PROVED"],
      ["RoutesToCurrentOwner", "PROVED"],
      ["PeersLearnedWithin", "PROVED"],
      ["ShardMovesAppliedWithin", "PROVED"],
    ]);
    // With R5 on, frontends open no thread per peer: the side condition is the decoder's own (docs/prove.md).
    expect(out.sets[0]?.invariants[1]?.proof).toMatchObject({
      argument: "CacheHoldsShardMap",
      sideCondition: "baseThreads ≤ threadLimit (the limit in force)",
      necessary: "trivial",
    });
    expect(out.sets[0]?.invariants[0]?.attempts[0]?.obligations.map((o) => o.obligation)).toEqual([
      "initiation",
      "consecution: every operation",
      "implies WellFormed",
    ]);
    expect(code).toBe(0);
  });

  test("--remediation none prints ThreadBudget NOT INDUCTIVE and a reachable fleet over the limit, saved and replayable, exit 1", async () => {
    const io = captureIo();
    const out = join(dir, "reachable");
    expect(
      await proveCommand(
        ["--remediation", "none", "--invariant", "ThreadBudget,RoutesToCurrentOwner", "--out", out],
        io,
      ),
    ).toBe(1);
    // Each reachable counterexample to induction is saved like any other, and `replay` reproduces it.
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.split("--")[0])).toEqual(["RoutesToCurrentOwner", "ThreadBudget"]);
    for (const f of files) {
      expect(io.stdout()).toContain(`saved: ${join(out, f)}`);
      expect(run(["replay", join(out, f)]).stdout).toMatch(/^REPRODUCES/);
    }
    expect(io.stdout()).toMatch(/ThreadBudget itself \(every fleet size\): NOT INDUCTIVE/);
    expect(io.stdout()).toMatch(
      /reachable: .* from one frontend \(a fleet of \d+ at the end\), run through step: .*over the OS limit/,
    );
    expect(io.stdout()).toMatch(
      /reachable: .*"shardMoved".*"requestRouted".*run through step: 1 request\(s\) went to a shard's former owner/,
    );
    expect(io.stdout()).toMatch(/RoutesToCurrentOwner itself \(every fleet size\): NOT INDUCTIVE/);
  });

  test("prints preflight's closed form PROVED for all parameters on its own line, the proofs' named assumption (CellBookkeeping) and each side condition's necessity, and all in --json", async () => {
    const io = captureIo();
    expect(
      await proveCommand(["--remediation", "preflightGuard", "--invariant", "ThreadBudget", "--no-save"], io),
    ).toBe(0);
    expect(io.stdout()).toMatch(
      /^Preflight closed form = model thread accounting: PROVED for all parameters in the decoder's domain \(\d+ claims\)/m,
    );
    const json = captureIo();
    await proveCommand(
      ["--remediation", "preflightGuard", "--invariant", "ThreadBudget", "--json", "--no-save"],
      json,
    );
    expect(io.stdout()).toMatch(
      /^Assumed, not proved: CellBookkeeping: Every frontend belongs to a cell, and the cells' sizes add up to the fleet\. \(domain\.md R7; /m,
    );
    expect(io.stdout()).toMatch(
      /^ {4}side condition necessary: necessary \(Z3: every parameter value breaking it has a reachable violation: an initial state\)$/m,
    );
    expect(JSON.parse(json.stdout())).toMatchObject({
      preflightClosedForm: { verdict: "PROVED" },
      assumptions: [{ name: "CellBookkeeping" }],
      sets: [{ invariants: [{ proof: { necessary: "necessary", necessaryBy: "an initial state" } }] }],
    });
  }, 120_000);

  test("an unknown invariant is bad input (exit 2)", async () => {
    const io = captureIo();
    expect(await proveCommand(["--invariant", "Frobnicates"], io)).toBe(2);
    expect(io.stderr()).toMatch(/--invariant Frobnicates: unknown; one of WellFormed, ThreadBudget/);
  });
});
