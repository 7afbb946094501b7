// `npx outage verify` on the dependents' invariants (the system spec), run in this process (`run` in cli/main.ts).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-verify-system-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npx outage ...args`, in this process; every path it is given is absolute. */
const outage = (...args: ReadonlyArray<string>) => run(args);

describe("npx outage verify on dependent invariants", () => {
  it("small-system without remediations: a shortest trace to Cognito blocking, saved where replay reproduces it", () => {
    const corpus = join(dir, "corpus");
    const r = outage(
      "verify",
      "--config",
      "small-system",
      "--invariant",
      "CognitoNeverBlocksOnKinesisBuffer",
      "--json",
      "--out",
      corpus,
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(1);
    const [v] = out.results;
    expect(v).toMatchObject({
      invariant: "CognitoNeverBlocksOnKinesisBuffer",
      status: "violated",
      cone: ["cognito"],
    });
    expect(v.counterexample.violationStep).toBe(v.depth);
    expect(existsSync(v.counterexample.file)).toBe(true);
    const replay = outage("replay", v.counterexample.file);
    expect(replay.stdout).toMatch(/CognitoNeverBlocksOnKinesisBuffer/);
  });

  it("with the non-blocking buffer the same invariant is proved and the exit code is 0", () => {
    const r = outage(
      "verify",
      "--config",
      "small-system",
      "--remediation",
      "cognitoNonBlockingBuffer",
      "--invariant",
      "CognitoNeverBlocksOnKinesisBuffer",
      "--json",
      "--no-save",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results).toMatchObject([{ status: "proved" }]);
  });

  it("core-only verify is unchanged: no dependent results unless asked for", () => {
    const r = outage("verify", "--config", "small", "--invariant", "ThreadBudget", "--json", "--no-save");
    expect(JSON.parse(r.stdout).results.map((x: { invariant: string }) => x.invariant)).toEqual([
      "ThreadBudget",
    ]);
  });

  it("--inductive with a dependent invariant is bad input: one line, exit 2", () => {
    const r = outage("verify", "--inductive", "--invariant", "AlarmsHaveData");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
