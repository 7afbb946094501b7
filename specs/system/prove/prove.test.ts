// ---------------------------------------------------------------------------------------------------------
// The Z3 proofs of the dependents' bounds (docs/prove.md "The dependents"): each PROVED under its remedies
// and NOT INDUCTIVE without, every witness run proved, and wrong claims refused. Z3 starts once for the file.
// ---------------------------------------------------------------------------------------------------------
import { beforeAll, describe, expect, test } from "vitest";
import { type Z3, z3Context } from "../../prove/z3.ts";
import {
  BUFFER_ARGUMENTS,
  type BufferArgument,
  cloudwatchLosesNoDatapoint,
  cloudwatchLosesPastHorizon,
  remedied,
  type WitnessRun,
} from "./arguments.ts";
import { BUFFER_REMEDIATIONS, type BufferFlags, bufferEncoding } from "./encoding.ts";
import { proveBufferArgument, proveRun } from "./prove.ts";

const NONE: BufferFlags = {
  cognitoNonBlockingBuffer: false,
  cloudwatchLocalBuffer: false,
  cloudwatchPartitionedFleet: false,
  lambdaBoundedMetricBuffer: false,
};

let z: Z3;

beforeAll(async () => {
  z = await z3Context();
}, 60_000);

/** Each invariant under as-was and under each of its remedies alone. */
const CASES = BUFFER_ARGUMENTS.flatMap(({ argument, runs }) =>
  [
    NONE,
    ...argument.remediedBy.map((set) => ({ ...NONE, ...Object.fromEntries(set.map((r) => [r, true])) })),
  ].map(
    (flags) =>
      [
        argument.name,
        BUFFER_REMEDIATIONS.filter((r) => flags[r]).join("+") || "as-was",
        flags,
        argument,
        runs,
      ] as const,
  ),
);

describe("prove the dependents' bounds with Z3", () => {
  test.each(CASES)(
    "%s under %s: PROVED exactly when a remedy is on, and every witness run proved",
    async (_name, _set, flags, argument, runs) => {
      const r = await proveBufferArgument(z, flags, argument, runs);
      expect(r.verdict).toBe(remedied(argument, flags) ? "PROVED" : "NOT INDUCTIVE");
      expect(r.runs.flatMap((run) => run.obligations.filter((o) => o.status !== "proved"))).toEqual([]);
    },
    30_000,
  );

  test("under R10 alone the horizon is tight: the run past it is the one shown", async () => {
    const r = await proveBufferArgument(
      z,
      { ...NONE, cloudwatchLocalBuffer: true },
      cloudwatchLosesNoDatapoint,
      [cloudwatchLosesPastHorizon],
    );
    expect(r.runs.map((run) => [run.claim, run.verdict])).toEqual([
      [cloudwatchLosesPastHorizon.claim, "PROVED"],
    ]);
  });

  test("a planted horizon one tick too long (no loss claimed up to localBufferTicks + 1) is refused by Z3", async () => {
    const wrong: BufferArgument = {
      ...cloudwatchLosesNoDatapoint,
      safety: (e, a) =>
        e.z.Implies(a.cloudwatch.lost.gt(0), a.cloudwatch.longestImpairment.gt(e.p.localBufferTicks.add(1))),
    };
    const wrongInvariant: BufferArgument = {
      ...wrong,
      invariant: (e, a) => e.z.And(cloudwatchLosesNoDatapoint.invariant(e, a), wrong.safety(e, a)),
    };
    const r = await proveBufferArgument(z, { ...NONE, cloudwatchLocalBuffer: true }, wrongInvariant, []);
    expect(r.verdict).toBe("NOT INDUCTIVE");
    expect(r.obligations.find((o) => o.obligation === "consecution: tick")?.status).toBe("counterexample");
  });

  test("a planted witness run one tick too short (localBufferTicks ticks) is refused by Z3", async () => {
    const tooShort: WitnessRun = { ...cloudwatchLosesPastHorizon, length: (e) => e.p.localBufferTicks };
    const e = bufferEncoding(z, { ...NONE, cloudwatchLocalBuffer: true });
    const run = await proveRun(z, e, tooShort, ["cloudwatch"]);
    expect(run.verdict).toBe("NOT PROVED");
    expect(run.obligations.find((o) => o.obligation === "the last tick ends it")?.status).toBe(
      "counterexample",
    );
  });
});
