// `npx outage prove` in this process (proveCommand with a captured Io): the verdicts and the exit codes.
import { describe, expect, test } from "vitest";
import { captureIo } from "./io.ts";
import { proveCommand } from "./prove.ts";

describe("npx outage prove", () => {
  test("--remediation cellularization --json reports CellsBoundThreads PROVED with its side condition", async () => {
    const io = captureIo();
    const code = await proveCommand(["--remediation", "cellularization", "--json"], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout()) as {
      sets: ReadonlyArray<{
        results: ReadonlyArray<{ argument: string; verdict: string; sideCondition: string }>;
      }>;
    };
    expect(out.sets[0]?.results[0]).toMatchObject({
      argument: "CellsBoundThreads",
      verdict: "PROVED",
      sideCondition: "baseThreads + threadsPerPeer × (cellSize − 1) ≤ threadLimit",
    });
  });

  test("--remediation none prints ThreadBudget NOT INDUCTIVE and a reachable fleet over the limit", async () => {
    const io = captureIo();
    await proveCommand(["--remediation", "none"], io);
    expect(io.stdout()).toMatch(/ThreadBudget \(every fleet size\): NOT INDUCTIVE/);
    expect(io.stdout()).toMatch(/reachable: a fleet of \d+ servers .* over the OS limit/);
  });

  test("prints preflight's closed form PROVED for all parameters on its own line, and in --json", async () => {
    const io = captureIo();
    expect(await proveCommand(["--remediation", "preflightGuard"], io)).toBe(0);
    expect(io.stdout()).toMatch(
      /^Preflight closed form = model thread accounting: PROVED for all parameters in the decoder's domain \(\d+ claims\)/m,
    );
    const json = captureIo();
    await proveCommand(["--remediation", "preflightGuard", "--json"], json);
    expect(JSON.parse(json.stdout())).toMatchObject({ preflightClosedForm: { verdict: "PROVED" } });
  }, 120_000);

  test("an invariant not encoded yet is bad input (exit 2)", async () => {
    const io = captureIo();
    expect(await proveCommand(["--invariant", "PeersLearnedWithin"], io)).toBe(2);
    expect(io.stderr()).toMatch(/only ThreadBudget/);
  });
});
