// ---------------------------------------------------------------------------------------------------------
// cli: `outage scenario 2020-11-25|FILE [--config NAME|FILE] [--remediation NAME ...] [--json]`: the day
// replayed on the `as-was` system (model/scenarios/nov25.ts), or on the user's config, printed as a timeline
// with each service's first failure, recovery and recovery time. With remediations, the same operations run
// under the remediated config. FILE is a scenario file (docs/scenario.schema.json;
// examples/scenarios/2020-11-25.json is the built-in day): the operators' actions a user wants to evaluate.
// ---------------------------------------------------------------------------------------------------------

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as E from "fp-ts/lib/Either.js";
import { detectionJson, detectionLines } from "../analyses/detectionText.ts";
import { runScenario, type ScenarioResult, timeOfDay } from "../analyses/scenario.ts";
import { writeFileAtomic } from "../checker/corpus.ts";
import { SERVICES } from "../model/dependencyGraph.ts";
import { SCENARIOS } from "../model/scenarios/index.ts";
import type { Scenario } from "../model/scenarios/scenario.ts";
import { decodeScenarioFile } from "../model/scenarios/scenarioDecoder.ts";
import { compileScenario } from "../model/scenarios/scenarioFile.ts";
import { bad, loadConfigFile, writing } from "./input.ts";
import type { Io } from "./io.ts";
import { remediatedSystem } from "./specFlags.ts";

/** The system a scenario runs under: `--config` (default as-was) with `--remediation` values applied. */
export const scenarioConfig = remediatedSystem;

const duration = (ticks: number, tickMinutes: number): string => {
  const m = ticks * tickMinutes;
  return `${ticks} ticks (${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min)`;
};

/** The human-readable timeline. */
export const scenarioText = (r: ScenarioResult, startMinute: number): string => {
  const at = (t: number) => `t${t} ${timeOfDay(startMinute, r.tickMinutes, t)}`;
  const lines = [
    `scenario ${r.scenario}: config ${r.config}; one tick = ${r.tickMinutes} minutes; tick 0 = ${timeOfDay(startMinute, r.tickMinutes, 0)} PST`,
    "",
    "tick  time   service      event",
    ...r.events.map((e) => `${String(e.tick).padStart(4)}  ${e.time}  ${e.service.padEnd(12)} ${e.event}`),
    "",
    "service      first failure   recovered       recovery time",
  ];
  const failed = SERVICES.filter((s) => r.firstFailure[s] !== undefined);
  for (const s of failed) {
    const f = r.firstFailure[s] as number;
    const rec = r.recovered[s];
    lines.push(
      `${s.padEnd(12)} ${at(f).padEnd(15)} ${(rec === undefined ? "not recovered" : at(rec)).padEnd(15)} ${rec === undefined ? "-" : duration(rec - f, r.tickMinutes)}`,
    );
  }
  const dependents = failed.filter((s) => s !== "kinesis");
  if (failed.length === 0) lines.push("(no service failed)");
  lines.push(
    "",
    dependents.length === 0
      ? "No dependent service failed."
      : `${dependents.length} dependent services failed.`,
  );
  const removal = r.events.find(
    (e) => e.event.startsWith("operators remove the added capacity") && !e.event.includes("refused"),
  );
  const last = Math.max(...failed.map((s) => r.recovered[s] ?? Number.POSITIVE_INFINITY));
  if (failed.length > 0 && Number.isFinite(last))
    lines.push(
      `Every service healthy again at ${at(last)}${removal === undefined ? "" : `, ${duration(last - removal.tick, r.tickMinutes)} after the added capacity was removed`}.`,
    );
  else if (failed.length > 0) lines.push(`Still failing at the end: ${r.stillFailing.join(", ")}.`);
  lines.push("", ...detectionLines(r, startMinute));
  return `${lines.join("\n")}\n`;
};

/** Exactly the JSON the issue specifies. */
export const scenarioJson = (r: ScenarioResult, startMinute: number) => ({
  scenario: r.scenario,
  tickMinutes: r.tickMinutes,
  events: r.events.map((e) => ({ tick: e.tick, time: e.time, service: e.service, event: e.event })),
  firstFailure: r.firstFailure,
  recovered: r.recovered,
  detection: detectionJson(r, startMinute),
});

/** A scenario file (model/scenarios/scenarioFile.ts), decoded; a name that is neither built in nor a file is a BadInput. */
export const loadScenarioFile = (path: string, names: string): Scenario => {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return bad(`scenario ${path}: unknown; expected one of ${names} or a readable scenario file (JSON)`);
  }
  const json = E.tryCatch(
    () => JSON.parse(text) as unknown,
    (e) => `not valid JSON (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`,
  );
  if (E.isLeft(json)) return bad(`scenario ${path}: ${json.left}`);
  const decoded = decodeScenarioFile(json.right);
  return E.isLeft(decoded) ? bad(`scenario ${path}: ${decoded.left}`) : compileScenario(decoded.right);
};

export const scenarioCommand = (args: ReadonlyArray<string>, io: Io): number => {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      config: { type: "string" },
      remediation: { type: "string", multiple: true },
      json: { type: "boolean" },
      "save-corpus": { type: "string" },
    },
    strict: true,
    allowPositionals: true,
  });
  const names = Object.keys(SCENARIOS).join(", ");
  if (positionals.length !== 1) bad(`scenario: give one scenario name: ${names}`);
  const scenario = SCENARIOS[positionals[0] as string] ?? loadScenarioFile(positionals[0] as string, names);
  if (values["save-corpus"] !== undefined) {
    if (values.remediation !== undefined || values.config !== undefined)
      bad("--save-corpus records the as-was day; it takes no --config or --remediation");
    const file = values["save-corpus"];
    writing("--save-corpus", file, () => writeFileAtomic(file, scenarioCorpusText(scenario)));
    io.out(`saved ${values["save-corpus"]}\n`);
    return 0;
  }
  const r = runScenario(scenarioConfig(values.remediation ?? [], loadConfigFile(values.config)), scenario);
  io.out(
    values.json === true
      ? `${JSON.stringify(scenarioJson(r, scenario.startMinute), null, 2)}\n`
      : scenarioText(r, scenario.startMinute),
  );
  return 0;
};

/** The committed corpus entry for a scenario: its config, notes, operations and the expected timeline. */
export const scenarioCorpusText = (scenario: Scenario): string => {
  const config = scenarioConfig([]);
  return `${JSON.stringify(
    {
      scenario: scenario.name,
      tickMinutes: config.tickMinutes,
      startMinute: scenario.startMinute,
      expected: scenarioJson(runScenario(config, scenario), scenario.startMinute),
      notes: scenario.notes,
      ops: scenario.ops,
      config,
    },
    null,
    2,
  )}\n`;
};
