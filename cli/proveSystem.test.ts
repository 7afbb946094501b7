// `npx outage prove --spec system` in this process (proveCommand with a captured Io): the verdicts, the exit
// codes, and bad names refused with exit 2 before Z3 starts.
import { describe, expect, test } from "vitest";
import { captureIo } from "./io.ts";
import { proveCommand } from "./prove.ts";

interface Out {
  readonly spec: string;
  readonly sets: ReadonlyArray<{
    readonly remediations: string;
    readonly results: ReadonlyArray<{
      readonly invariant: string;
      readonly verdict: string;
      readonly expected: string;
      readonly runs: ReadonlyArray<{ readonly verdict: string }>;
    }>;
  }>;
}

describe("npx outage prove --spec system", () => {
  test("--remediation cloudwatchLocalBuffer --invariant CloudWatchLosesNoDatapoint --json: not proved (R10 alone loses what falls past its horizon), as expected; the past-the-horizon run PROVED, exit 0", async () => {
    const io = captureIo();
    const code = await proveCommand(
      [
        "--spec",
        "system",
        "--remediation",
        "cloudwatchLocalBuffer",
        "--invariant",
        "CloudWatchLosesNoDatapoint",
        "--json",
      ],
      io,
    );
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout()) as Out;
    expect(out.spec).toBe("system");
    expect(out.sets).toHaveLength(1);
    expect(out.sets[0]?.results).toMatchObject([
      { invariant: "CloudWatchLosesNoDatapoint", verdict: "NOT INDUCTIVE", runs: [{ verdict: "PROVED" }] },
    ]);
  });

  test("--remediation none prints Lambda's bound NOT INDUCTIVE with a counterexample and the witness run that breaks it", async () => {
    const io = captureIo();
    const code = await proveCommand(
      ["--spec", "system", "--remediation", "none", "--invariant", "LambdaUnaffectedByCloudWatch"],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout()).toMatch(/LambdaUnaffectedByCloudWatch: NOT INDUCTIVE {2}\[/);
    expect(io.stdout()).toMatch(/consecution: tick: COUNTEREXAMPLE/);
    expect(io.stdout()).toMatch(/witness run PROVED .*memoryThresholdUnits \+ 1 ticks/);
  });

  test.each([
    [["--spec", "system", "--invariant", "ThreadBudget"], /prove --spec system encodes only/],
    [["--spec", "system", "--remediation", "cellularization"], /--remediation cellularization: not one/],
    [["--spec", "cells"], /--spec cells: one of fleet, system/],
  ])("%j is bad input: exit 2 with one line", async (args, message) => {
    const io = captureIo();
    expect(await proveCommand(args, io)).toBe(2);
    expect(io.stderr()).toMatch(message);
    expect(io.stderr().trim().split("\n")).toHaveLength(1);
  });
});
