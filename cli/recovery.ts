// ---------------------------------------------------------------------------------------------------------
// cli: `outage recovery [--k K] [--seed N] [--runs N] [--json]`: for each config, whether every service
// recovers within K ticks of the trigger's removal over generated triggers, with no corrective push and
// with a paced restart, and the slowest recovery time seen (analyses/recovery.ts).
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import {
  checkRecoversWithin,
  type RecoveryCheck,
  withImprovedColdStart,
  withSelfHealingCache,
} from "../analyses/recovery.ts";
import { DEFAULT_SEED } from "../checker/defaults.ts";
import { withAllRemediations, withRemediations } from "../model/config.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type SystemConfig,
  withDependentRemediations,
} from "../model/dependents/config.ts";
import { intFlag } from "./input.ts";
import type { Io } from "./io.ts";

export const DEFAULT_RECOVERY_K = 150;
export const DEFAULT_RECOVERY_RUNS = 60;

const r8: SystemConfig = { ...asWasSystem, ...withRemediations(asWasSystem, ["bootstrapFromAuthoritative"]) };

/** The configs the report covers, each with why it is there. */
export const RECOVERY_CONFIGS: ReadonlyArray<{ readonly config: SystemConfig; readonly why: string }> = [
  { config: asWasSystem, why: "2020: 18-tick (90 min) bootstrap, one at a time (K11, K15)" },
  { config: r8, why: "R8: bootstrap from the authoritative metadata store" },
  { config: withImprovedColdStart(asWasSystem), why: "R4: 30-min bootstrap, two at once (illustrative)" },
  { config: withImprovedColdStart(r8), why: "R4 + R8" },
  { config: withSelfHealingCache(asWasSystem), why: "K14 unknown: useless maps rebuild by themselves" },
  {
    config: {
      ...withDependentRemediations(
        { ...asWasSystem, ...withAllRemediations(asWasSystem) },
        DEPENDENT_REMEDIATION_NAMES,
      ),
      name: "as-was+all",
    },
    why: "every remediation: nothing fails",
  },
];

const hours = (ticks: number | undefined, tickMinutes: number): string =>
  ticks === undefined
    ? "not within the horizon"
    : `${ticks} ticks (${((ticks * tickMinutes) / 60).toFixed(1)} h)`;

export const recoveryCommand = (args: ReadonlyArray<string>, io: Io): number => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      k: { type: "string" },
      seed: { type: "string" },
      runs: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  const k = intFlag("--k", values.k, DEFAULT_RECOVERY_K, 0, 10_000);
  const seed = intFlag("--seed", values.seed, DEFAULT_SEED, -2147483648, 2147483647);
  const runs = intFlag("--runs", values.runs, DEFAULT_RECOVERY_RUNS, 1, 100_000);
  const rows = RECOVERY_CONFIGS.map(({ config, why }) => ({
    config,
    why,
    none: checkRecoversWithin(config, k, "none", { seed, runs }),
    paced: checkRecoversWithin(config, k, "pacedRestart", { seed, runs }),
  }));
  const view = (c: RecoveryCheck) => ({
    status: c.status,
    worstTicks: c.worstTicks ?? null,
    counterexample:
      c.counterexample === undefined
        ? null
        : { trigger: c.counterexample.trigger, recoveryTicks: c.counterexample.run.recoveryTicks ?? null },
  });
  if (values.json === true) {
    const out = {
      k,
      seed,
      runs,
      results: rows.map((r) => ({
        config: r.config.name,
        noPush: view(r.none),
        pacedRestart: view(r.paced),
      })),
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const lines = [
      `outage recovery: does every service recover within K = ${k} ticks of the trigger's removal? (${runs} generated triggers per row, seed ${seed})`,
      "",
    ];
    for (const r of rows) {
      const t = r.config.tickMinutes;
      lines.push(`${r.config.name}  (${r.why})`);
      lines.push(
        `  no corrective push: ${r.none.status.toUpperCase().padEnd(8)} slowest recovery ${hours(r.none.worstTicks, t)}`,
      );
      lines.push(
        `  paced restart:      ${r.paced.status.toUpperCase().padEnd(8)} slowest recovery ${hours(r.paced.worstTicks, t)}`,
      );
      for (const c of [r.none, r.paced])
        if (c.counterexample !== undefined)
          lines.push(
            `    shrunk trigger (${c.response}): ${JSON.stringify(c.counterexample.trigger)} → recovery ${hours(c.counterexample.run.recoveryTicks, t)}`,
          );
    }
    lines.push(
      "",
      "Record: first restarted servers took traffic at 10:07, Kinesis fully normal at 22:23 (12 h 16 min) [AWS-p].",
    );
    io.out(`${lines.join("\n")}\n`);
  }
  return rows.every((r) => r.paced.status === "holds") ? 0 : 1;
};
