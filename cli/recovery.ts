// ---------------------------------------------------------------------------------------------------------
// cli: `outage recovery [--config NAME|FILE] [--remediation NAME ...] [--k K] [--seed N] [--runs N] [--json]`:
// for each variant of the config (as-was unless --config; with the remediations asked for), whether every
// service recovers within K ticks of the trigger's removal over generated triggers, with no corrective push
// and with a paced restart, and the slowest recovery time seen (analyses/recovery.ts).
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import {
  checkRecoversWithin,
  type RecoveryCheck,
  type Response,
  withImprovedColdStart,
  withSelfHealingCache,
} from "../analyses/recovery.ts";
import { DEFAULT_SEED } from "../checker/defaults.ts";
import { withAllRemediations, withRemediations } from "../model/config.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type SystemConfig,
  withDependentRemediations,
} from "../model/dependents/config.ts";
import { intFlag, loadConfigFile } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";
import { remediatedSystem } from "./specFlags.ts";

export const DEFAULT_RECOVERY_K = 150;
export const DEFAULT_RECOVERY_RUNS = 60;

/**
 * The configs the report covers, each with why it is there: `base` (the 2020 system unless --config and
 * --remediation say otherwise) and its variants.
 */
export const recoveryConfigs = (
  base: SystemConfig,
): ReadonlyArray<{ readonly config: SystemConfig; readonly why: string }> => {
  const r8: SystemConfig = { ...base, ...withRemediations(base, ["bootstrapFromAuthoritative"]) };
  const c = base.coldStart;
  return [
    {
      config: base,
      why: `${base.name === "as-was" ? "2020: " : ""}${c.bootstrapTicks}-tick (${c.bootstrapTicks * base.tickMinutes} min) bootstrap, ${c.maxConcurrentBootstraps === 1 ? "one at a time" : `${c.maxConcurrentBootstraps} at once`} (K11, K15)`,
    },
    { config: r8, why: "R8: bootstrap from the authoritative metadata store" },
    { config: withImprovedColdStart(base), why: "R4: 30-min bootstrap, two at once (illustrative)" },
    { config: withImprovedColdStart(r8), why: "R4 + R8" },
    { config: withSelfHealingCache(base), why: "K14 unknown: useless maps rebuild by themselves" },
    {
      config: {
        ...withDependentRemediations({ ...base, ...withAllRemediations(base) }, DEPENDENT_REMEDIATION_NAMES),
        name: `${base.name}+all`,
      },
      why: "every remediation: nothing fails",
    },
  ];
};

/** The 2020 system's rows. */
export const RECOVERY_CONFIGS = recoveryConfigs(remediatedSystem([]));

const hours = (ticks: number | undefined, tickMinutes: number): string =>
  ticks === undefined
    ? "not within the horizon"
    : `${ticks} ticks (${((ticks * tickMinutes) / 60).toFixed(1)} h)`;

export const recoveryCommand = (args: ReadonlyArray<string>, io: Io): number => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
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
  const configs = recoveryConfigs(remediatedSystem(values.remediation ?? [], loadConfigFile(values.config)));
  const bar = progress(true, io);
  const rows = configs.map(({ config, why }, i) => {
    const check = (response: Response, words: string): RecoveryCheck =>
      checkRecoversWithin(config, k, response, {
        seed,
        runs,
        onRun: (n, shrinking) =>
          bar.update(
            `recovery, config ${i + 1} of ${configs.length} (${config.name}), ${words}: ${shrinking ? `shrinking, ${n} runs` : `run ${n} of ${runs}`}`,
          ),
      });
    return {
      config,
      why,
      none: check("none", "no corrective push"),
      paced: check("pacedRestart", "paced restart"),
    };
  });
  bar.done();
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
