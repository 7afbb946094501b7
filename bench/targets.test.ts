// The targets' verdicts (bench/targets.ts): met, missed and by how much, from figures shaped like the bench's.
import { describe, expect, test } from "vitest";
import { judgeTargets, type MeasuredFigures, targetLines } from "./targets.ts";

const figures = (over: Partial<MeasuredFigures> = {}): MeasuredFigures => ({
  simulation: { small: { stepsPerSecond: 1_400_000 } },
  scaling: [
    { fleetSize: 10, stepsPerSecond: 1_000_000 },
    { fleetSize: 1000, stepsPerSecond: 25_000 },
  ],
  parallel: {
    runs: [
      { fleetSize: 0, aggregateWallStepsPerSecond: 2_000_000 },
      { fleetSize: 1000, aggregateWallStepsPerSecond: 48_000 },
    ],
  },
  firstCounterexample: [
    {
      invariant: "ThreadBudget",
      msTotal: 0.6,
      coldMsTotal: 7,
      lengthAfter: 1,
      shortest: 1,
      onSmall: { lengthAfter: 1, shortest: 1 },
    },
    {
      invariant: "PeersLearnedWithin",
      msTotal: 30,
      coldMsTotal: 200,
      lengthAfter: 14,
      shortest: null,
      onSmall: { lengthAfter: 3, shortest: 3 },
    },
  ],
  cli: [
    { id: "--help", wallMs: 160, cpuMs: 170, stepsPerCpuSecond: null, peakRssBytesPerState: null },
    {
      id: "check --invariant ThreadBudget",
      wallMs: 420,
      cpuMs: 450,
      stepsPerCpuSecond: null,
      peakRssBytesPerState: null,
    },
    {
      id: "check as-was, every remediation, 10,000 runs",
      wallMs: 7000,
      cpuMs: 6500,
      stepsPerCpuSecond: 800_000,
      peakRssBytesPerState: null,
    },
    {
      id: "check 5,000 frontends",
      wallMs: 9000,
      cpuMs: 8000,
      stepsPerCpuSecond: 15_000,
      peakRssBytesPerState: null,
    },
    {
      id: "verify as-was, first 1,000,000 states",
      wallMs: 9000,
      cpuMs: 8600,
      stepsPerCpuSecond: null,
      peakRssBytesPerState: 595,
    },
  ],
  verifyWorkers: {
    speedup: { speedup: 1.7, sameOutput: true },
    threeToEight: { projectedSeconds: 2400 },
  },
  exhaustive: {
    statesPerSecond: 125_000,
    bytesPerState: 24.3,
    runs: [
      { config: "small", bytesPerState: 24.3 },
      { config: "as-was", bytesPerState: 62.5 },
    ],
  },
  ...over,
});

const byTarget = (m: MeasuredFigures, start: string) => {
  const v = judgeTargets(m).find((t) => t.target.startsWith(start));
  if (v === undefined) throw new Error(`no target starting ${start}`);
  return v;
};

describe("judgeTargets", () => {
  test("an at-least target is met at or above its threshold and missed below it, by threshold / measured", () => {
    expect(byTarget(figures(), "simulation: ≥ 1,000,000").met).toBe(true);
    const thousand = byTarget(figures(), "simulation: ≥ 100,000");
    expect(thousand.met).toBe(false);
    expect(thousand.measured).toBe(25_000);
    expect(thousand.factor).toBe(4);
    const onTheLine = figures({ scaling: [{ fleetSize: 1000, stepsPerSecond: 100_000 }] });
    expect(byTarget(onTheLine, "simulation: ≥ 100,000")).toMatchObject({ met: true, factor: 1 });
    // Both cores are judged apart, on the two threads' aggregate, not on the one-thread figure.
    const bothCores = figures({
      parallel: { runs: [{ fleetSize: 1000, aggregateWallStepsPerSecond: 120_000 }] },
    });
    expect(byTarget(bothCores, "simulation: ≥ 100,000 model steps/s at 1,000 frontends, both")).toMatchObject(
      {
        met: true,
        measured: 120_000,
      },
    );
    expect(byTarget(bothCores, "simulation: ≥ 100,000").met).toBe(false);
  });

  test("an at-most target reads the cold time and the largest bytes per state of every workload", () => {
    expect(byTarget(figures(), "first ThreadBudget")).toMatchObject({ met: true, measured: 7 });
    const bytes = byTarget(figures(), "exhaustive search: ≤ 64");
    expect(bytes).toMatchObject({ met: true, measured: 62.5 });
    const over = figures({
      exhaustive: {
        statesPerSecond: 1,
        bytesPerState: 24.3,
        runs: [{ config: "as-was", bytesPerState: 80 }],
      },
    });
    expect(byTarget(over, "exhaustive search: ≤ 64")).toMatchObject({ met: false, factor: 80 / 64 });
  });

  test("a figure the bench did not measure is missed, never met", () => {
    const v = byTarget(figures({ scaling: [] }), "simulation: ≥ 100,000 model steps/s at 1,000 frontends");
    expect(v.met).toBe(false);
    expect(targetLines([v])[0]).toContain("not measured");
  });

  test("shrink quality counts only the pairs with a measured shortest, and one longer shrink misses it", () => {
    const all = byTarget(figures(), "shrunk length");
    // ThreadBudget on as-was and on small, PeersLearnedWithin on small; its as-was shortest is out of reach.
    expect(all).toMatchObject({ met: true, measured: 3, threshold: 3 });
    const worse = figures({
      firstCounterexample: [
        {
          invariant: "ThreadBudget",
          msTotal: 1,
          coldMsTotal: 7,
          lengthAfter: 2,
          shortest: 1,
          onSmall: null,
        },
      ],
    });
    expect(byTarget(worse, "shrunk length")).toMatchObject({ met: false, measured: 0, threshold: 1 });
  });

  test("issue 17's targets read whole processes: CPU for --help, wall for the ThreadBudget check, steps per CPU second", () => {
    expect(byTarget(figures(), "start-up: `outage --help`")).toMatchObject({ met: false, measured: 170 });
    expect(byTarget(figures(), "start-up: `outage --help`").factor).toBeCloseTo(170 / 150);
    expect(byTarget(figures(), "start-up: `outage check")).toMatchObject({ met: true, measured: 420 });
    expect(byTarget(figures(), "check: ≥ 300,000")).toMatchObject({ met: true, measured: 800_000 });
    expect(byTarget(figures(), "check: ≥ 20,000")).toMatchObject({ met: false, measured: 15_000 });
    expect(byTarget(figures({ cli: [] }), "check: ≥ 300,000").met).toBe(false);
    expect(byTarget(figures(), "verify: whole-process")).toMatchObject({ met: false, measured: 595 });
  });

  test("verify on both cores: met at a speed-up of 1.6, and not measured unless both outputs were the same bytes", () => {
    expect(byTarget(figures(), "verify on both cores")).toMatchObject({ met: true, measured: 1.7 });
    const slower = figures({
      verifyWorkers: {
        speedup: { speedup: 0.8, sameOutput: true },
        threeToEight: { projectedSeconds: 2400 },
      },
    });
    expect(byTarget(slower, "verify on both cores")).toMatchObject({ met: false, factor: 2 });
    const differs = figures({
      verifyWorkers: {
        speedup: { speedup: 1.9, sameOutput: false },
        threeToEight: { projectedSeconds: 2400 },
      },
    });
    expect(byTarget(differs, "verify on both cores").met).toBe(false);
    expect(targetLines([byTarget(differs, "verify on both cores")])[0]).toContain("MISSED (not measured)");
  });

  test("three-to-eight within 10 minutes is judged on the projected seconds", () => {
    expect(byTarget(figures(), "verify: three-to-eight")).toMatchObject({
      met: false,
      measured: 2400,
      factor: 4,
    });
  });

  test("each line says met or by how much it is missed", () => {
    const lines = targetLines(judgeTargets(figures()));
    expect(lines).toHaveLength(14);
    expect(lines.find((l) => l.includes("1,000 frontends:"))).toContain("25,000 steps/s, MISSED by ×4.0");
    expect(lines.find((l) => l.includes("1,000 frontends, both cores"))).toContain("48,000 steps/s, MISSED");
    expect(lines.find((l) => l.includes("small default config: ≥ 1,000,000 model"))).toBeUndefined();
    expect(lines.filter((l) => l.startsWith("  ✓"))).toHaveLength(7);
  });
});
