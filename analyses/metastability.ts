// ---------------------------------------------------------------------------------------------------------
// analyses: the metastability boundary (domain.md §(d) MP1–MP3, MP6, MP7) of a config, by search over the
// trigger. A trigger is a capacity addition of a given size, left in place a given number of ticks, then
// removed (recovery.ts `triggeredRun`). With no corrective push afterwards (no restart, no config change), the
// run goes on for `horizon` ticks and is classified:
//   unaffected   no service failed, and all is healthy over the last `window` ticks;
//   vulnerable   something failed, and removing the trigger alone brought everything back (MP1 holds);
//   metastable   it did not come back (MP1 fails), and a paced restart (the corrective push) does (MP2);
//   permanent    neither brings it back.
// For each size, the boundary is the shortest time in place that leaves the system metastable (MP6); it is
// sharp when every shorter trigger recovers and every longer one does not (MP7, duration monotonicity, which
// metastability.test.ts also checks as a property over generated triggers). MP3: the characteristic metrics
// read at the end of a no-push run, and which stay out of their band. Pure and deterministic.
// ---------------------------------------------------------------------------------------------------------
import { SERVICES } from "../model/dependencyGraph.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { mainFleetAvailable } from "../model/dependents/kinesisHealth.ts";
import type { SystemState } from "../model/system.ts";
import { threadLimitInForce } from "../model/threadFormula.ts";
import { threadsNeeded } from "../model/threads.ts";
import { everythingHealthy, recoveryRun, type Trigger, triggeredRun } from "./recovery.ts";
import { serviceProblems } from "./scenario.ts";

export type Outcome = "unaffected" | "vulnerable" | "metastable" | "permanent";

/** MP3's characteristic metrics, each with its safe band. */
export interface Metric {
  readonly name: string;
  readonly value: (config: SystemConfig, s: SystemState) => number;
  /** The band's description, and whether a value is in it. */
  readonly band: string;
  readonly inBand: (v: number) => boolean;
}

const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
const live = (s: SystemState) => s.core.frontends.filter((f) => f.status !== "stopped");

export const METRICS: ReadonlyArray<Metric> = [
  {
    name: "max threads / limit",
    value: (c, s) => Math.max(0, ...live(s).map((f) => threadsNeeded(c, f))) / threadLimitInForce(c),
    band: "≤ 1 (K7)",
    inBand: (v) => v <= 1,
  },
  {
    name: "complete-map share",
    value: (_, s) =>
      share(s.core.frontends.filter((f) => f.map === "complete").length, s.core.frontends.length),
    band: "= 1 (K8)",
    inBand: (v) => v === 1,
  },
  {
    name: "in-service share",
    value: (_, s) =>
      share(s.core.frontends.filter((f) => f.status === "serving").length, s.core.frontends.length),
    band: "= 1",
    inBand: (v) => v === 1,
  },
  {
    name: "Kinesis available to dependents",
    value: (c, s) => (mainFleetAvailable(c, s.core) ? 1 : 0),
    band: "= 1",
    inBand: (v) => v === 1,
  },
  {
    name: "Cognito buffer fill",
    value: (_, s) => share(s.dependents.cognito.buffered, s.dependents.cognito.capacity),
    band: "< 1 (C2)",
    inBand: (v) => v < 1,
  },
  {
    name: "Lambda metric buffer / threshold",
    value: (c, s) => s.dependents.lambda.metricBuffer / c.dependents.lambda.memoryThresholdUnits,
    band: "≤ 1 (L1)",
    inBand: (v) => v <= 1,
  },
];

export interface TriggerOutcome {
  readonly outcome: Outcome;
  /** MP3: the metrics out of band at the end of the no-push run. */
  readonly outOfBand: ReadonlyArray<string>;
}

/** Horizon and window of MP1, in ticks: three propagation delays to recover, the last one healthy throughout. */
export const horizonOf = (config: SystemConfig) => ({
  horizon: 3 * config.membership.propagationDelayTicks,
  window: config.membership.propagationDelayTicks,
});

/** Whether the trigger, removed with no corrective push, leaves the system recovered (MP1), and what stays out. */
export const noPushOutcome = (
  config: SystemConfig,
  trigger: Trigger,
): TriggerOutcome & { readonly failed: boolean } => {
  const { horizon, window } = horizonOf(config);
  const run = triggeredRun(config, trigger);
  let failed = run.failed();
  let healthyFor = 0;
  for (let t = 0; t < horizon; t++) {
    run.apply({ type: "tick" });
    const s = run.state();
    failed ||= SERVICES.some((svc) => serviceProblems(config, s)[svc] !== undefined);
    healthyFor = everythingHealthy(config, s) ? healthyFor + 1 : 0;
  }
  const end = run.state();
  const outOfBand = METRICS.filter((m) => !m.inBand(m.value(config, end))).map((m) => m.name);
  const recovered = healthyFor >= window;
  return { failed, outOfBand, outcome: recovered ? (failed ? "vulnerable" : "unaffected") : "metastable" };
};

/** The outcome of one trigger: MP1 with no push, and for a failure of MP1, MP2 with the paced restart. */
export const triggerOutcome = (config: SystemConfig, trigger: Trigger): TriggerOutcome => {
  const r = noPushOutcome(config, trigger);
  if (r.outcome !== "metastable") return r;
  const pushed = recoveryRun(
    config,
    trigger,
    "pacedRestart",
    4 * config.fleet.maxSize * config.coldStart.bootstrapTicks,
  );
  return { outOfBand: r.outOfBand, outcome: pushed.recoveryTicks === undefined ? "permanent" : "metastable" };
};

/**
 * How the frontends learn of the addition: all at the propagation deadline, or each learns one membership
 * change at once when it starts (one early `peerLearned` per frontend; further changes at the deadline).
 */
export type Learning = "atDeadline" | "immediately";

export const triggerOf = (
  config: SystemConfig,
  added: number,
  ticks: number,
  learning: Learning,
): Trigger => ({
  added,
  earlyLearners:
    learning === "immediately" ? Array.from({ length: config.fleet.initialSize + added }, (_, i) => i) : [],
  ticksBeforeRemoval: ticks,
});

export interface BoundaryRow {
  readonly added: number;
  readonly learning: Learning;
  /** Outcomes by ticks in place, 0 … maxTicks. */
  readonly outcomes: ReadonlyArray<Outcome>;
  /** The shortest time in place that leaves the system metastable, if any (MP6). */
  readonly boundary: number | undefined;
  /** Every shorter trigger recovers and every longer one does not (MP7 on this row). */
  readonly sharp: boolean;
  /** MP3 at the boundary: the metrics that stay out of band. */
  readonly outOfBand: ReadonlyArray<string>;
}

/** The boundary for each addition size from 1 to the capacity plan's maximum, both ways of learning. */
export const boundary = (config: SystemConfig, maxTicks: number): ReadonlyArray<BoundaryRow> =>
  Array.from(
    { length: Math.max(1, config.fleet.maxSize - config.fleet.initialSize) },
    (_, i) => i + 1,
  ).flatMap((added) =>
    (["atDeadline", "immediately"] as const).map((learning): BoundaryRow => {
      const runs = Array.from({ length: maxTicks + 1 }, (_, d) =>
        noPushOutcome(config, triggerOf(config, added, d, learning)),
      );
      const first = runs.findIndex((r) => r.outcome === "metastable");
      const b = first === -1 ? undefined : first;
      const atB = b === undefined ? undefined : triggerOutcome(config, triggerOf(config, added, b, learning));
      return {
        added,
        learning,
        // A no-push failure is metastable only if the push recovers it (checked at the boundary).
        outcomes: runs.map((r) =>
          r.outcome === "metastable" && atB?.outcome === "permanent" ? "permanent" : r.outcome,
        ),
        boundary: b,
        sharp: b === undefined || runs.every((r, d) => (r.outcome === "metastable") === d >= b),
        outOfBand: atB?.outOfBand ?? [],
      };
    }),
  );
