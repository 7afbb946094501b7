// `npx outage verify` and `preflight`, run in this process (`run` in cli/main.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INVARIANT_NAMES } from "../properties/names.ts";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npx outage ...args`, in this process; every path it is given is absolute. */
const outage = (...args: ReadonlyArray<string>) => run(args);

describe("non-vacuity at the command line", () => {
  /** `small` with a plan that leaves no room to grow: no addition is ever accepted. */
  const noRoom = (): string => {
    const file = join(dir, "no-room.json");
    const small = JSON.parse(outage("config", "small").stdout);
    writeFileSync(file, JSON.stringify({ ...small, name: "no-room", fleet: { ...small.fleet, maxSize: 2 } }));
    return file;
  };

  it("verify proves everything on a fleet that cannot grow, and reports it VACUOUS with exit 4", () => {
    const r = outage("verify", "--config", noRoom(), "--remediation", "all", "--no-save");
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/NOT reached.*VACUOUS/);
    expect(r.stdout).toMatch(/CapacityAdditionAccepted: an addition of capacity is accepted/);
    expect(r.stdout).toMatch(/^ThreadBudget +VACUOUS /m);
    expect(r.stdout).not.toMatch(/PROVED/);
  });

  it("check on the same fleet: every fleet HOLDS is VACUOUS, in the text and the JSON, exit 4", () => {
    // The fleet's invariants only: the load invariants of the system stay violated under every remediation.
    const fleetOnly = ["--invariant", INVARIANT_NAMES.join(",")];
    const text = outage("check", "--config", noRoom(), "--remediation", "all", "--no-save", ...fleetOnly);
    expect(text.code).toBe(4);
    expect(text.stdout).toMatch(/^non-vacuity: the runs did NOT reach/m);
    expect(text.stdout).toMatch(/^ThreadBudget +VACUOUS +no violation in 300 runs/m);
    const json = JSON.parse(
      outage("check", "--config", noRoom(), "--remediation", "all", "--json", "--no-save", ...fleetOnly)
        .stdout,
    );
    // The fleet's results are the first section's: the ones without a `config` of their own.
    const fleet = json.results.filter((r: { config?: string }) => r.config === undefined);
    expect(new Set(fleet.map((r: { status: string }) => r.status))).toEqual(new Set(["vacuous"]));
    expect(json.sometimes).toContainEqual({ name: "CapacityAdditionAccepted", reached: false });
  });
});

describe("npx outage verify / preflight", () => {
  it("verify --json on as-was: ThreadBudget violated by a shortest trace as long as the random checker's shrunk one, byte-identical across runs", () => {
    const a = outage("verify", "--invariant", "ThreadBudget", "--json", "--no-save");
    const b = outage("verify", "--invariant", "ThreadBudget", "--json", "--no-save");
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(b.stdout);
    const r = JSON.parse(a.stdout).results[0];
    expect(r).toMatchObject({ invariant: "ThreadBudget", status: "violated", depth: 1 });
    expect(r.counterexample.trace).toHaveLength(1);
    expect(r.counterexample.randomSearch.length).toBe(r.counterexample.length);
  });

  it("verify --config small --remediation all proves every invariant (R5 keeps R1's memory within bounds) and exits 0", () => {
    const r = outage("verify", "--config", "small", "--remediation", "all", "--json", "--no-save");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.complete).toBe(true);
    expect(out.results.map((x: { status: string }) => x.status)).toEqual(out.results.map(() => "proved"));
  });

  it("verify saves a shortest counterexample that replay reproduces", () => {
    const corpus = join(dir, "corpus");
    const v = outage("verify", "--config", "small", "--invariant", "RoutesToCurrentOwner", "--out", corpus);
    expect(v.code).toBe(1);
    const file = /saved: (.*)/.exec(v.stdout)?.[1];
    expect(file).toBeDefined();
    const r = outage("replay", file as string);
    expect(r.stdout).toMatch(/^REPRODUCES/);
  });

  it("verify --inductive passes for the cellularization and preflight-guard strengthened invariants", () => {
    const r = outage(
      "verify",
      "--inductive",
      "--config",
      "small",
      "--invariant",
      "CellsBoundThreads",
      "--remediation",
      "cellularization",
      "--samples",
      "500",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({
      invariant: "CellsBoundThreads",
      status: "inductive",
    });
    const g = outage(
      "verify",
      "--inductive",
      "--config",
      "small",
      "--remediation",
      "preflightGuard",
      "--samples",
      "500",
      "--json",
    );
    const out = JSON.parse(g.stdout);
    expect(g.code).toBe(0);
    expect(out.results.find((x: { invariant: string }) => x.invariant === "GroupsWithinBudget").status).toBe(
      "inductive",
    );
    expect(out.established).toEqual([{ invariant: "ThreadBudget", via: "GroupsWithinBudget" }]);
  });

  it("preflight --fleet 8 --add 1 --confirm on as-was is unsafe (ThreadBudget at step 1) and the largest safe addition is 0", () => {
    const r = outage("preflight", "--fleet", "8", "--add", "1", "--confirm", "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: "unsafe",
      answeredBy: "simulation",
      invariant: "ThreadBudget",
      step: 1,
      largestSafeAddition: 0,
      closedForm: { largestSafeGroup: 8, largestSafeAddition: 0 },
    });
  });

  it.each([
    [["verify", "--max-states", "lots"], /--max-states lots: must be an integer/],
    [["preflight", "--fleet", "8"], /--add K is required/],
    [["verify", "--samples", "5"], /--samples and --max-enumerate go with --inductive/],
  ])("bad input %j is one line on stderr with exit 2", (args, message) => {
    const r = outage(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
