// spec/fleet.qnt is kept equal to model/step.ts: traces `quint run --mbt --out-itf` writes are replayed
// through `step` by their mbt::actionTaken and mbt::nondetPicks, and every state must agree field by field on
// the fields both have (checker/itfTrace.ts); the other way, our ITF traces have the shape Quint writes.
// Quint's own rust backend is fetched from the network on first use, so the typescript backend runs here.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { fromItfValue } from "../checker/itf.ts";
import { counterexampleItf, loadItf } from "../checker/itfTrace.ts";
import { small } from "../model/configs/small.ts";
import { fleetSpec } from "../specs/index.ts";
import { fleetCorpus, loadedFleet } from "../test/savedCorpus.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "fleet-qnt-"));
const SEEDS = [1, 20201125];
const TRACES_PER_SEED = 1;

/** Runs quint for one seed; resolves to the ITF files it wrote. */
const quintTraces = async (seed: number): Promise<ReadonlyArray<string>> => {
  const out = join(dir, `s${seed}.itf.json`);
  await run(
    join(root, "node_modules", ".bin", "quint"),
    [
      "run",
      "spec/fleet.qnt",
      "--backend",
      "typescript",
      "--mbt",
      "--out-itf",
      out,
      "--max-samples",
      String(TRACES_PER_SEED),
      "--n-traces",
      String(TRACES_PER_SEED),
      "--max-steps",
      "12",
      "--seed",
      String(seed),
    ],
    { cwd: root },
  );
  return readdirSync(dir)
    .filter((f) => f.startsWith(`s${seed}`))
    .map((f) => join(dir, f));
};

let traces: ReadonlyArray<string> = [];
beforeAll(async () => {
  traces = (await Promise.all(SEEDS.map(quintTraces))).flat();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("spec/fleet.qnt agrees with model/step.ts", () => {
  test("quint wrote traces for every seed", () => {
    expect(traces.length).toBeGreaterThanOrEqual(SEEDS.length);
  });

  test("every state of every quint trace equals step's on the fields both have", () => {
    for (const file of traces) {
      const loaded = loadItf(fleetSpec, JSON.parse(readFileSync(file, "utf8")), small);
      expect(E.isRight(loaded), file).toBe(true);
      if (E.isLeft(loaded)) continue;
      expect(loaded.right.ops.length, file).toBeGreaterThan(0);
      expect(loaded.right.disagreement, file).toBeUndefined();
    }
  });

  test("the comparison catches a state that differs (a trace with one field changed disagrees)", () => {
    const file = traces[0] as string;
    const itf = JSON.parse(readFileSync(file, "utf8")) as { states: Array<{ tick: { "#bigint": string } }> };
    const last = itf.states[itf.states.length - 1] as { tick: { "#bigint": string } };
    last.tick = { "#bigint": String(Number(last.tick["#bigint"]) + 1) };
    const loaded = loadItf(fleetSpec, itf, small);
    expect(E.isRight(loaded) && loaded.right.disagreement).toMatch(/tick is \d+ in the trace, \d+ by step/);
  });
});

describe("our ITF traces have the shape quint --mbt --out-itf writes", () => {
  test("same top-level keys, the same mbt:: variables, #meta.index per state, Option-valued picks", () => {
    const quint = JSON.parse(readFileSync(traces[0] as string, "utf8")) as Record<string, unknown>;
    const c = loadedFleet(fleetCorpus[0] as string);
    const ours = JSON.parse(
      JSON.stringify(counterexampleItf(fleetSpec, fleetSpec.itf as NonNullable<typeof fleetSpec.itf>, c)),
    ) as Record<string, unknown>;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(quint).sort());
    const mbt = (t: Record<string, unknown>) => (t.vars as string[]).filter((v) => v.startsWith("mbt::"));
    expect(mbt(ours)).toEqual(mbt(quint));
    for (const [i, s] of (ours.states as Array<Record<string, unknown>>).entries()) {
      expect(s["#meta"]).toEqual({ index: i });
      expect(
        Object.keys(s)
          .filter((k) => k !== "#meta")
          .sort(),
      ).toEqual([...(ours.vars as string[])].sort());
      for (const pick of Object.values(s["mbt::nondetPicks"] as Record<string, { tag: string }>))
        expect(["Some", "None"]).toContain(pick.tag);
      // every value is ITF (no plain numbers, no null), as Quint's decoder requires
      const { "#meta": _meta, ...vars } = s;
      expect(E.isRight(fromItfValue(`states[${i}]`, vars))).toBe(true);
    }
  });
});
