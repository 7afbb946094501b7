// ---------------------------------------------------------------------------------------------------------
// cli: `outage preflight --fleet N --add K`: is this capacity addition safe to deploy? (seed 003; domain.md K16)
// Answers SAFE or UNSAFE with the first invariant that breaks and its trace, the largest safe addition found by
// simulation, and the closed form it must agree with (analyses/preflight.ts).
// ---------------------------------------------------------------------------------------------------------

import { parseArgs } from "node:util";
import {
  largestSafeAddition,
  largestSafeAdditionByClosedForm,
  largestSafeGroup,
  simulateAddition,
} from "../analyses/preflight.ts";
import { narrate } from "../explain/narrate.ts";
import type { Config } from "../model/config.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { applyRemediations, bad, intFlag, loadConfig } from "./input.ts";
import type { Io } from "./io.ts";
import { traceLines } from "./reportLines.ts";

const describeClosedForm = (config: Config): string => {
  const { baseThreads, threadsPerPeer, threadLimit } = config.threads;
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

  const verdict = simulateAddition(config, fleet, add);
  const narrated = narrate(fleetSpec, verdict.scenario, verdict.trace);
  const largest = largestSafeAddition(config, fleet, searchLimit);
  const closed = largestSafeAdditionByClosedForm(config, fleet);
  const largestText =
    largest.largest === undefined
      ? "none: the fleet is over the budget before any addition"
      : largest.reachedLimit
        ? `at least ${largest.largest} (every addition up to --search-limit ${searchLimit} is safe)`
        : `${largest.largest} (to a fleet of ${fleet + largest.largest})`;
  const closedText = closed === undefined ? "none" : String(closed);

  if (values.json) {
    io.out(
      `${JSON.stringify(
        {
          config: config.name,
          fleet,
          add,
          verdict: verdict.safe ? "safe" : "unsafe",
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
  io.out(`${lines.join("\n")}\n`);
  return verdict.safe ? 0 : 1;
};
