// ---------------------------------------------------------------------------------------------------------
// cli: `outage preflight --fleet N --add K`: is this capacity addition safe to deploy? (seed 003; domain.md K16)
// Answers at once from the closed form (K5/K7's arithmetic, analyses/preflight.ts; tested equal to the model's
// simulation); with --confirm, also runs the addition through the model within --budget-seconds, with
// progress on stderr: SAFE or UNSAFE with the first invariant that breaks and its trace, and the largest safe
// addition found by simulation. Each answer says which it is.
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import type { LargestSafe, PreflightVerdict } from "../analyses/preflight.ts";
import {
  largestGroup,
  largestSafeAddition,
  largestSafeAdditionByClosedForm,
  largestSafeGroup,
  safeByClosedForm,
  simulateAddition,
} from "../analyses/preflight.ts";
import { narrate } from "../explain/narrate.ts";
import type { Config } from "../model/config.ts";
import { perPeerThreads, threadLimitInForce } from "../model/threadFormula.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { applyRemediations, bad, intFlag, loadConfig } from "./input.ts";
import type { Io } from "./io.ts";
import { progress } from "./progress.ts";
import { traceLines } from "./reportLines.ts";

/** The confirming simulation's default time budget. */
export const DEFAULT_PREFLIGHT_BUDGET_SECONDS = 60;

/** The closed form's verdict in words: which group breaks the limit, before or after the addition. */
const closedFormVerdict = (config: Config, fleet: number, add: number): string => {
  const { baseThreads } = config.threads;
  const threadLimit = threadLimitInForce(config);
  const threadsPerPeer = perPeerThreads(config);
  const need = (g: number) =>
    `${baseThreads} + ${threadsPerPeer} × ${g - 1} = ${baseThreads + threadsPerPeer * (g - 1)}`;
  if (safeByClosedForm(config, fleet, add)) {
    const g = largestGroup(config, fleet + add);
    return `SAFE    (closed form) the largest group after the addition, ${g} servers, needs ${need(g)} threads, within the limit of ${threadLimit}`;
  }
  const before = largestGroup(config, fleet) > largestSafeGroup(config);
  const g = largestGroup(config, before ? fleet : fleet + add);
  return `UNSAFE  (closed form) ${before ? "before the addition" : "after the addition"}, a group of ${g} servers needs ${need(g)} threads, over the limit of ${threadLimit}`;
};

const describeClosedForm = (config: Config): string => {
  const { baseThreads } = config.threads;
  const threadLimit = threadLimitInForce(config);
  const threadsPerPeer = perPeerThreads(config);
  const cells = config.remediations.cellularization
    ? `; cells of ${config.remediationParameters.cellSize} cap every group`
    : "";
  const servers = config.remediations.largerServers
    ? `; a server holds ${config.remediationParameters.largerServerFactor} units`
    : "";
  return `${baseThreads} + ${threadsPerPeer} × (n − 1) ≤ ${threadLimit} ⇒ a group of at most ${largestSafeGroup(config)} servers${servers}${cells}`;
};

export const preflight = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
      fleet: { type: "string" },
      add: { type: "string" },
      "search-limit": { type: "string" },
      confirm: { type: "boolean" },
      "budget-seconds": { type: "string" },
      json: { type: "boolean" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) bad(`preflight: unexpected argument ${positionals[0]}`);
  if (values.fleet === undefined)
    bad("preflight: --fleet N is required (the fleet's size in servers' worth)");
  if (values.add === undefined) bad("preflight: --add K is required (the servers' worth to add)");
  const config = applyRemediations(loadConfig(values.config), values.remediation ?? []);
  const fleet = intFlag("--fleet", values.fleet, 0, 1, 10_000);
  const add = intFlag("--add", values.add, 0, 1, 10_000);
  const searchLimit = intFlag(
    "--search-limit",
    values["search-limit"],
    Math.max(64, 2 * (fleet + add)),
    1,
    10_000,
  );
  const budget = intFlag(
    "--budget-seconds",
    values["budget-seconds"],
    DEFAULT_PREFLIGHT_BUDGET_SECONDS,
    1,
    86_400,
  );
  if (values.confirm !== true) {
    if (values["search-limit"] !== undefined || values["budget-seconds"] !== undefined)
      bad("--search-limit and --budget-seconds bound the confirming simulation: give --confirm too");
    return closedFormAnswer(config, fleet, add, values.json === true, io);
  }
  return confirmed(config, fleet, add, searchLimit, budget, values.json === true, io);
};

/**
 * The answer from the closed form alone: instant at any fleet size. `stopped`: a confirming simulation the
 * budget stopped, and how far it got. Exit 0 safe, 1 unsafe.
 */
const closedFormAnswer = (
  config: Config,
  fleet: number,
  add: number,
  json: boolean,
  io: Io,
  stopped?: { readonly budget: number; readonly simulated: string },
): number => {
  const safe = safeByClosedForm(config, fleet, add);
  const closed = largestSafeAdditionByClosedForm(config, fleet);
  if (json) {
    const confirmation =
      stopped === undefined
        ? {}
        : {
            confirmation: {
              budgetReached: true,
              budgetSeconds: stopped.budget,
              simulated: stopped.simulated,
            },
          };
    io.out(
      `${JSON.stringify(
        {
          config: config.name,
          fleet,
          add,
          verdict: safe ? "safe" : "unsafe",
          answeredBy: "closed form",
          ...confirmation,
          closedForm: { largestSafeGroup: largestSafeGroup(config), largestSafeAddition: closed ?? null },
        },
        null,
        2,
      )}\n`,
    );
    return safe ? 0 : 1;
  }
  io.out(
    `${[
      `outage preflight: config ${config.name}, adding ${add} to a fleet of ${fleet} (servers' worth)`,
      "",
      closedFormVerdict(config, fleet, add),
      "",
      `closed form: ${describeClosedForm(config)}; largest safe addition ${closed === undefined ? "none" : String(closed)}`,
      stopped === undefined
        ? "confirm by simulating the addition through the model: add --confirm (time budget --budget-seconds N)"
        : `not confirmed: the --budget-seconds ${stopped.budget} budget was reached; ${stopped.simulated}`,
    ].join("\n")}\n`,
  );
  return safe ? 0 : 1;
};

/**
 * The closed form, then the simulation within `budget` seconds (progress on stderr): the verdict and trace, and
 * the largest safe addition found by simulation. A simulation the budget stops says how far it got and leaves
 * the closed form's answer as the answer (and its exit code).
 */
const confirmed = (
  config: Config,
  fleet: number,
  add: number,
  searchLimit: number,
  budget: number,
  json: boolean,
  io: Io,
): number => {
  const deadline = Date.now() + budget * 1000;
  const bar = progress(true, io);
  const verdict = simulateAddition(config, fleet, add, undefined, {
    stopBefore: (n, steps) => {
      bar.update(`preflight: simulating the addition, step ${n} of ${steps}`);
      return Date.now() > deadline;
    },
  });
  const largest =
    verdict.safe === "stopped"
      ? undefined
      : largestSafeAddition(config, fleet, searchLimit, undefined, {
          stopBefore: (k, n, steps) => {
            bar.update(`preflight: largest safe addition, trying ${k}: step ${n} of ${steps}`);
            return Date.now() > deadline;
          },
        });
  bar.done();
  if (verdict.safe === "stopped" || largest?.stopped !== undefined)
    return stoppedReport(config, fleet, add, budget, verdict, largest, json, io);
  return report(config, fleet, add, searchLimit, verdict, largest as LargestSafe, json, io);
};

const report = (
  config: Config,
  fleet: number,
  add: number,
  searchLimit: number,
  verdict: Exclude<PreflightVerdict, { readonly safe: "stopped" }>,
  largest: LargestSafe,
  json: boolean,
  io: Io,
): number => {
  const narrated = narrate(fleetSpec, verdict.scenario, verdict.trace);
  const closed = largestSafeAdditionByClosedForm(config, fleet);
  const largestText =
    largest.largest === undefined
      ? "none: the fleet is over the budget before any addition"
      : largest.reachedLimit
        ? `at least ${largest.largest} (every addition up to --search-limit ${searchLimit} is safe)`
        : `${largest.largest} (to a fleet of ${fleet + largest.largest})`;
  const closedText = closed === undefined ? "none" : String(closed);

  if (json) {
    io.out(
      `${JSON.stringify(
        {
          config: config.name,
          fleet,
          add,
          verdict: verdict.safe ? "safe" : "unsafe",
          answeredBy: "simulation",
          ...(verdict.safe
            ? {}
            : {
                reason: verdict.reason,
                invariant: verdict.invariant ?? null,
                message: verdict.message,
                step: verdict.step,
              }),
          trace: narrated.map((s) => ({
            step: s.step,
            label: s.label,
            ...(s.refused === undefined ? {} : { refused: s.refused }),
            changes: s.changes,
          })),
          largestSafeAddition: largest.largest ?? null,
          searchedUpTo: searchLimit,
          reachedSearchLimit: largest.reachedLimit,
          closedForm: { largestSafeGroup: largestSafeGroup(config), largestSafeAddition: closed ?? null },
        },
        null,
        2,
      )}\n`,
    );
    return verdict.safe ? 0 : 1;
  }
  const lines = [
    `outage preflight: config ${config.name}, adding ${add} to a fleet of ${fleet} (servers' worth)`,
    "",
  ];
  if (verdict.safe) {
    lines.push(
      `SAFE    no capacity invariant breaks while the fleet of ${fleet + add} settles (${verdict.trace.steps.length} steps)`,
    );
  } else {
    lines.push(
      verdict.reason === "refused"
        ? `UNSAFE  ${verdict.message}`
        : `UNSAFE  ${verdict.invariant} breaks ${verdict.step === 0 ? "before the addition" : `after step ${verdict.step}`}: ${verdict.message}`,
    );
    lines.push(...traceLines(narrated.slice(0, verdict.step)));
  }
  lines.push("");
  lines.push(`largest safe addition: ${largestText}`);
  lines.push(`closed form: ${describeClosedForm(config)}; largest safe addition ${closedText}`);
  lines.push(
    `simulation ${verdict.safe === safeByClosedForm(config, fleet, add) ? "agrees" : "DISAGREES"} with the closed form (${closedFormVerdict(config, fleet, add).split("  ")[0]})`,
  );
  io.out(`${lines.join("\n")}\n`);
  return verdict.safe ? 0 : 1;
};

/** A simulation stopped at the budget: how far it got; the closed form's answer stands, and its exit code. */
const stoppedReport = (
  config: Config,
  fleet: number,
  add: number,
  budget: number,
  verdict: PreflightVerdict,
  largest: LargestSafe | undefined,
  json: boolean,
  io: Io,
): number => {
  const simulated =
    verdict.safe === "stopped"
      ? `the addition simulated through step ${verdict.step} of ${verdict.steps} with no invariant broken`
      : `the addition simulated in full: ${verdict.safe ? "safe" : "unsafe"}; the largest safe addition is at least ${largest?.stopped?.safeUpTo ?? 0}${largest?.stopped?.unsafeFrom === undefined ? "" : ` and below ${largest.stopped.unsafeFrom}`}`;
  return closedFormAnswer(config, fleet, add, json, io, { budget, simulated });
};
