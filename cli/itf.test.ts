// `check --out-itf` / `verify --out-itf` write ITF traces that `replay` and `explain` read back; a trace that
// disagrees with `step` does not reproduce; a bad trace is one line, exit 2.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { FLEET_MAX_STEPS } from "../specs/defaults.ts";
import { run } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "outage-itf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verifyItf = (file: string, ...invariants: ReadonlyArray<string>) =>
  run([
    "verify",
    "--config",
    "small",
    ...invariants.flatMap((i) => ["--invariant", i]),
    "--no-save",
    "--out-itf",
    join(dir, file),
  ]);

describe("--out-itf", () => {
  test("verify writes the shortest counterexample as ITF, which replay and explain read back", () => {
    const r = verifyItf("v.itf.json", "ThreadBudget");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`wrote ${join(dir, "v.itf.json")}`);
    const replayed = run(["replay", join(dir, "v.itf.json")]);
    expect(replayed).toMatchObject({ code: 0, stderr: "" });
    expect(replayed.stdout).toMatch(
      /^REPRODUCES {2}.*\n {2}ThreadBudget fails at step 1: .*\n {2}all 2 states of the ITF trace agree with step \(fleet\)/,
    );
    const explained = run(["explain", join(dir, "v.itf.json")]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^# ThreadBudget violated under `small`/);
  });

  test("several counterexamples go beside FILE, named by invariant", () => {
    const r = verifyItf("two.itf.json", "ThreadBudget", "ServesOnlyWithCompleteMap");
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, "two.ThreadBudget.itf.json"))).toBe(true);
    expect(existsSync(join(dir, "two.ServesOnlyWithCompleteMap.itf.json"))).toBe(true);
    expect(existsSync(join(dir, "two.itf.json"))).toBe(false);
  });

  test("check writes its shrunk counterexample as ITF, the same bytes for the same seed", () => {
    const args = [
      "check",
      "--config",
      "small",
      "--invariant",
      "ThreadBudget",
      "--runs",
      "50",
      "--no-save",
      "--out-itf",
    ];
    const a = run([...args, join(dir, "c1.itf.json")]);
    run([...args, join(dir, "c2.itf.json")]);
    expect(a.code).toBe(1);
    const text = readFileSync(join(dir, "c1.itf.json"), "utf8");
    expect(text).toBe(readFileSync(join(dir, "c2.itf.json"), "utf8"));
    expect(JSON.parse(text)["#meta"]).toMatchObject({
      spec: "fleet",
      invariant: "ThreadBudget",
      maxSteps: FLEET_MAX_STEPS,
    });
    expect(run(["replay", join(dir, "c1.itf.json")]).code).toBe(0);
  });
});

describe("replay of an ITF trace", () => {
  const trace = (): Record<string, unknown> => {
    verifyItf("base.itf.json", "ThreadBudget");
    return JSON.parse(readFileSync(join(dir, "base.itf.json"), "utf8"));
  };

  test("a state that differs from step's does not reproduce (exit 1), naming the field", () => {
    const t = trace() as { states: Array<{ nextId: { "#bigint": string } }> };
    (t.states[1] as { nextId: { "#bigint": string } }).nextId = { "#bigint": "9" };
    writeFileSync(join(dir, "changed.itf.json"), JSON.stringify(t));
    const r = run(["replay", join(dir, "changed.itf.json")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("the trace and step disagree at states[1] (after operator/capacityAdded");
    expect(r.stdout).toContain("nextId is 9 in the trace, 3 by step");
  });

  test("a trace that records no config (another tool's) needs --config, then replays", () => {
    const { "#meta": _meta, ...bare } = trace();
    writeFileSync(join(dir, "bare.itf.json"), JSON.stringify(bare));
    const without = run(["replay", join(dir, "bare.itf.json")]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(
      /^outage: .*bare\.itf\.json: #meta\.config: missing; .* needs --config NAME\|FILE\n$/,
    );
    const r = run(["replay", "--config", "small", join(dir, "bare.itf.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ThreadBudget fails at step 1");
  });

  test("another tool's trace that breaks no invariant AGREES (exit 0), and explain has nothing to explain (exit 2)", () => {
    const { "#meta": _meta, states, ...rest } = trace() as { "#meta": unknown; states: unknown[] };
    writeFileSync(join(dir, "calm.itf.json"), JSON.stringify({ ...rest, states: states.slice(0, 1) }));
    const r = run(["replay", "--config", "small", join(dir, "calm.itf.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AGREES {2}.*\n {2}all 1 states .*\n {2}it breaks no invariant of fleet\n$/);
    const e = run(["explain", "--config", "small", join(dir, "calm.itf.json")]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(
      /calm\.itf\.json: the trace breaks no invariant of fleet, so there is nothing to explain\n$/,
    );
  });

  test("explain of another tool's trace says where it came from and how to replay it, not a seed", () => {
    const { "#meta": _meta, ...bare } = trace();
    writeFileSync(join(dir, "theirs.itf.json"), JSON.stringify(bare));
    const r = run(["explain", "--config", "small", join(dir, "theirs.itf.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`npx outage replay --config small ${join(dir, "theirs.itf.json")}`);
    expect(r.stdout).toContain(
      "An ITF trace another tool wrote (1 step); its first operation breaks ThreadBudget. Not shrunk.",
    );
    expect(r.stdout).not.toContain("Found by fast-check");
  });

  test("a bad trace is one line naming the field, exit 2", () => {
    const t = trace() as { states: Array<Record<string, unknown>> };
    (t.states[1] as Record<string, unknown>)["mbt::actionTaken"] = "fly";
    writeFileSync(join(dir, "bad.itf.json"), JSON.stringify(t));
    for (const command of ["replay", "explain"]) {
      const r = run([command, join(dir, "bad.itf.json")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /^outage: .*bad\.itf\.json: states\[1\]\.mbt::actionTaken must be one of capacityAdded, .*\n$/,
      );
    }
  });
});
