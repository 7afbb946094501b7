// spec/fleet.qnt is kept equal to model/step.ts: traces `quint run --mbt --out-itf` writes are replayed
// through `step` by their mbt::actionTaken and mbt::nondetPicks, and every state must agree field by field on
// the fields both have (checker/itfTrace.ts); the other way, our ITF traces have the shape Quint writes.
// Both instances of the file run: `small` (as-was) and `smallAll` (the remediations it transcribes).
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Counterexample } from "../checker/counterexample.ts";
import { fromItfValue } from "../checker/itf.ts";
import { counterexampleItf, loadItf } from "../checker/itfTrace.ts";
import type { Spec } from "../checker/spec.ts";
import { run as runCli } from "../cli/main.ts";
import { type Config, withRemediations } from "../model/config.ts";
import { small } from "../model/configs/small.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { fleetCorpus, loadedFleet, loadedSystem, systemCorpus } from "../test/savedCorpus.ts";

const exec = promisify(execFile);
const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "fleet-qnt-"));
const QUINT = join(root, "node_modules", ".bin", "quint");

/**
 * The instances of spec/fleet.qnt, each with the config of model/ it stands for, and the seed it is run with.
 * `smallAll` turns on what the transcription has of the remediations (cells and larger servers are left out).
 */
const INSTANCES = [
  { main: "small", config: small, seed: 1 },
  {
    main: "smallAll",
    config: {
      ...withRemediations(small, ["preflightGuard", "waitForCompleteMap", "bootstrapFromAuthoritative"]),
      coldStart: { ...small.coldStart, cacheSelfHealsAfterTriggerRemoval: true },
    },
    seed: 20201125,
  },
] as const;
const TRACES = 8;
const STEPS = 20;

/** Runs quint on one instance; resolves to the ITF files it wrote (`<main>0.itf.json`, ...). */
const quintTraces = async (main: string, seed: number): Promise<ReadonlyArray<string>> => {
  await exec(
    QUINT,
    [
      "run",
      "spec/fleet.qnt",
      `--main=${main}`,
      // Quint's default rust backend is downloaded on first use; the typescript one ships with the package.
      "--backend=typescript",
      "--mbt",
      `--out-itf=${join(dir, `${main}.itf.json`)}`,
      `--max-samples=${TRACES}`,
      `--n-traces=${TRACES}`,
      `--max-steps=${STEPS}`,
      `--seed=${seed}`,
    ],
    { cwd: root },
  );
  return readdirSync(dir)
    .filter((f) => new RegExp(`^${main}\\d+\\.itf\\.json$`).test(f))
    .map((f) => join(dir, f));
};

let traces: ReadonlyArray<{ readonly file: string; readonly config: Config }> = [];
/** Why quint cannot start here, if it cannot: the one reason these tests are skipped. */
let cannotStart: string | undefined;
beforeAll(async () => {
  try {
    await exec(QUINT, ["--version"]);
  } catch (e) {
    cannotStart = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return;
  }
  // From here on a failure (a type error in spec/fleet.qnt, say) fails the tests.
  const runs = await Promise.all(
    INSTANCES.map(async (i) =>
      (await quintTraces(i.main, i.seed)).map((file) => ({ file, config: i.config })),
    ),
  );
  traces = runs.flat();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("spec/fleet.qnt agrees with model/step.ts", () => {
  test("quint wrote every trace asked for, for every instance", (ctx) => {
    if (cannotStart !== undefined) ctx.skip(`quint cannot start here: ${cannotStart}`);
    expect(traces).toHaveLength(TRACES * INSTANCES.length);
  });

  test("every state of every quint trace equals step's on the fields both have", (ctx) => {
    if (cannotStart !== undefined) ctx.skip(`quint cannot start here: ${cannotStart}`);
    for (const { file, config } of traces) {
      const loaded = loadItf(fleetSpec, JSON.parse(readFileSync(file, "utf8")), config);
      expect(E.isRight(loaded), file).toBe(true);
      if (E.isLeft(loaded)) continue;
      expect(loaded.right.ops.length, file).toBeGreaterThan(0);
      expect(loaded.right.disagreement, file).toBeUndefined();
    }
  });

  test("the comparison catches a state that differs (a trace with one field changed disagrees)", (ctx) => {
    if (cannotStart !== undefined) ctx.skip(`quint cannot start here: ${cannotStart}`);
    const file = traces[0]?.file as string;
    const itf = JSON.parse(readFileSync(file, "utf8")) as {
      states: Array<Record<string, { "#bigint": string }>>;
    };
    const last = itf.states[itf.states.length - 1] as Record<string, { "#bigint": string }>;
    // The instance's variable is qualified: small::fleet::tick.
    const tick = Object.keys(last).find((k) => k.endsWith("::tick")) as string;
    last[tick] = { "#bigint": String(Number(last[tick]?.["#bigint"]) + 1) };
    const loaded = loadItf(fleetSpec, itf, small);
    expect(E.isRight(loaded) && loaded.right.disagreement).toMatch(/tick is \d+ in the trace, \d+ by step/);
  });
});

describe("npx outage replay reads a quint trace", () => {
  test("with --config small, its states agree with step (exit 0)", (ctx) => {
    if (cannotStart !== undefined) ctx.skip(`quint cannot start here: ${cannotStart}`);
    const { file } = traces[0] as { readonly file: string };
    const r = runCli(["replay", "--config", "small", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^(AGREES|REPRODUCES) {2}.*\n[\s\S]*all \d+ states of the ITF trace agree with step \(fleet\)/,
    );
  });
});

describe("our ITF traces have the shape quint --mbt --out-itf writes", () => {
  test("same top-level keys, the same mbt:: variables, #meta.index per state, Option-valued picks", (ctx) => {
    if (cannotStart !== undefined) ctx.skip(`quint cannot start here: ${cannotStart}`);
    const quint = JSON.parse(readFileSync(traces[0]?.file as string, "utf8")) as Record<string, unknown>;
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

describe("our ITF traces decode in Quint's own ITF decoder", () => {
  // Quint 0.33 has no command that reads an ITF file, but its package exports the decoder its tools use
  // (`ofItf`, from ITF to Quint expressions) and the encoder `quint run --out-itf` uses (`toItf`). Decoding our
  // trace and encoding it again must give it back unchanged: every value is in the form Quint itself writes
  // (a plain JSON number, which Quint's decoder still accepts, would come back as a #bigint and differ).
  const corpus = [
    ...fleetCorpus.map((f) => itfOf(fleetSpec, loadedFleet(f))),
    ...systemCorpus.map((f) => itfOf(systemSpec, loadedSystem(f))),
  ];
  test.each(corpus.map((t, i) => [i, t] as const))(
    "committed counterexample %i: ofItf then toItf gives it back",
    async (_i, ours) => {
      const quintItf = await import("@informalsystems/quint/dist/src/itf.js");
      const decoded = quintItf.ofItf(ours as unknown as Parameters<typeof quintItf.ofItf>[0]);
      expect(decoded).toHaveLength((ours.states as unknown[]).length);
      const vars = (ours.vars as string[]).filter((v) => !v.startsWith("mbt::"));
      const again = quintItf.toItf(vars, decoded, true);
      expect(again.isRight()).toBe(true);
      expect(again.value).toEqual({ vars: ours.vars, states: ours.states });
    },
  );
});

/** A counterexample as the trace --out-itf writes, parsed back from its text. */
function itfOf<C, S, Op>(spec: Spec<C, S, Op>, c: Counterexample<C, Op>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(counterexampleItf(spec, spec.itf as NonNullable<typeof spec.itf>, c)));
}
