// ---------------------------------------------------------------------------------------------------------
// cli: `outage recovery [--config NAME|FILE] [--remediation NAME ...] [--k K] [--pace N[/D]] [--seed N] [--runs N]
// [--json]`: for each variant of the config (as-was unless --config; with the remediations asked for), whether
// every service recovers within K ticks of the trigger's removal over generated triggers, with no corrective push
// and with a paced restart, and the slowest recovery time seen (analyses/recovery.ts). With --pace, also a restart
// at that pace (K15), against the safe pace r_safe (MP8, model/load.ts), with the setbacks each caused (K11).
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import {
  checkRecoversWithin,
  type Pace,
  pacedRestartBound,
  type RecoveryCheck,
  type Response,
  safePace,
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
import { serversFor } from "../model/state.ts";
import { bad, intFlag, loadConfigFile } from "./input.ts";
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

/** `--pace N` (N frontends a tick) or `N/D` (N frontends every D ticks). */
export const paceFlag = (value: string | undefined): Pace | undefined => {
  if (value === undefined) return undefined;
  const m = /^(\d+)(?:\/(\d+))?$/.exec(value.trim());
  const frontends = Number(m?.[1]);
  const perTicks = Number(m?.[2] ?? 1);
  return m !== null && frontends >= 1 && frontends <= 10_000 && perTicks >= 1 && perTicks <= 10_000
    ? { frontends, perTicks }
    : bad(
        `--pace ${value}: must be N or N/D (N frontends restarted every D ticks), integers from 1 to 10000`,
      );
};

/** A pace in words: "1 frontend per 18 ticks (0.67 an hour)". */
export const paceWords = (pace: Pace, tickMinutes: number): string =>
  `${pace.frontends} frontend${pace.frontends === 1 ? "" : "s"} per ${pace.perTicks} tick${pace.perTicks === 1 ? "" : "s"} (${((pace.frontends * 60) / (pace.perTicks * tickMinutes)).toFixed(2)} an hour)`;

const hours = (ticks: number | undefined, tickMinutes: number): string =>
  ticks === undefined
    ? "not within the horizon"
    : `${ticks} ticks (${((ticks * tickMinutes) / 60).toFixed(1)} h)`;

/** K11: the most frontends the health check set back in one run, in words. */
const setbackWords = (setbacks: number): string =>
  setbacks === 0
    ? "no frontend set back"
    : `up to ${setbacks} frontend(s) judged unhealthy and set back (K11)`;

export const recoveryCommand = (args: ReadonlyArray<string>, io: Io): number => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
      k: { type: "string" },
      seed: { type: "string" },
      runs: { type: "string" },
      pace: { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
  const k = intFlag("--k", values.k, DEFAULT_RECOVERY_K, 0, 10_000);
  const seed = intFlag("--seed", values.seed, DEFAULT_SEED, -2147483648, 2147483647);
  const runs = intFlag("--runs", values.runs, DEFAULT_RECOVERY_RUNS, 1, 100_000);
  const pace = paceFlag(values.pace);
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
      atPace:
        pace === undefined
          ? undefined
          : checkRecoversWithin(config, k, "pacedRestart", {
              seed,
              runs,
              pace,
              onRun: (n, shrinking) =>
                bar.update(
                  `recovery, config ${i + 1} of ${configs.length} (${config.name}), restart at --pace: ${shrinking ? `shrinking, ${n} runs` : `run ${n} of ${runs}`}`,
                ),
            }),
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
      ...(pace === undefined ? {} : { pace }),
      results: rows.map((r) => ({
        config: r.config.name,
        noPush: view(r.none),
        pacedRestart:
          r.atPace === undefined ? view(r.paced) : { ...view(r.paced), setbacks: r.paced.setbacks },
        ...(r.atPace === undefined
          ? {}
          : {
              atPace: {
                ...view(r.atPace),
                setbacks: r.atPace.setbacks,
                safePace: safePace(r.config) ?? null,
              },
            }),
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
      // With --pace the paced row says its setbacks too, so the two restarts compare side by side (MP8).
      lines.push(
        `  paced restart:      ${r.paced.status.toUpperCase().padEnd(8)} slowest recovery ${hours(r.paced.worstTicks, t)}${r.atPace === undefined ? "" : `; ${setbackWords(r.paced.setbacks)}`}`,
      );
      if (r.atPace !== undefined && pace !== undefined) {
        const safe = safePace(r.config);
        const servers = serversFor(r.config, r.config.fleet.initialSize);
        lines.push(
          `  restart at --pace:  ${r.atPace.status.toUpperCase().padEnd(8)} slowest recovery ${hours(r.atPace.worstTicks, t)}; ${setbackWords(r.atPace.setbacks)}`,
          `    pace ${paceWords(pace, t)}; safe pace r_safe = ${safe === undefined ? "none (the fleet cannot carry its load with any frontend bootstrapping)" : `${paceWords(safe, t)}, ⌈N/r⌉ = ${pacedRestartBound(safe, servers)} ticks for ${servers} frontends`} (MP8)`,
        );
      }
      const checks: ReadonlyArray<readonly [string, RecoveryCheck]> = [
        [r.none.response, r.none],
        [r.paced.response, r.paced],
        ...(r.atPace === undefined ? [] : [["--pace", r.atPace] as const]),
      ];
      for (const [label, c] of checks)
        if (c.counterexample !== undefined)
          lines.push(
            `    shrunk trigger (${label}): ${JSON.stringify(c.counterexample.trigger)} → recovery ${hours(c.counterexample.run.recoveryTicks, t)}${label === "--pace" ? `, ${c.counterexample.run.setbacks} setback(s)` : ""}`,
          );
    }
    lines.push(
      "",
      "Record: first restarted servers took traffic at 10:07, Kinesis fully normal at 22:23 (12 h 16 min) [AWS-p].",
    );
    io.out(`${lines.join("\n")}\n`);
  }
  return rows.every(
    (r) => r.paced.status === "holds" && (r.atPace === undefined || r.atPace.status === "holds"),
  )
    ? 0
    : 1;
};
