// ---------------------------------------------------------------------------------------------------------
// cli: `check --expect`: each verdict against the outcome recorded for its config (habit 13: the outage is an
// expected violation). The fleet's outcomes are properties/expectations.ts (as-was with each remediation set);
// the dependents' are properties/dependents/expectations.ts (the as-was system, and every remediation on).
// A config is recognised by its numbers and switches, not its printed name.
// ---------------------------------------------------------------------------------------------------------
import { type Config, withAllRemediations } from "../model/config.ts";
import { asWas } from "../model/configs/asWas.ts";
import { DEPENDENT_REMEDIATION_NAMES, type SystemConfig } from "../model/dependents/config.ts";
import { SYSTEM_EXPECTATIONS } from "../properties/dependents/expectations.ts";
import { EXPECTATIONS, type Outcome } from "../properties/expectations.ts";
import { applyRemediations } from "./input.ts";
import { systemConfigOf } from "./specFlags.ts";

/** The expected outcome of each invariant of a config, by name. */
export type Outcomes = Readonly<Record<string, Outcome>>;

/** JSON with sorted keys and without the printed name: equal for equal numbers and switches. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (key, v: unknown) =>
    key === "name"
      ? undefined
      : typeof v === "object" && v !== null && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );

const sameConfig = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** The fleet outcomes recorded for this config, if it is as-was with one of the recorded remediation sets. */
export const fleetOutcomes = (config: Config): Outcomes | undefined =>
  EXPECTATIONS.find((e) =>
    sameConfig(config, applyRemediations(asWas, e.remediations === "all" ? ["all"] : e.remediations)),
  )?.outcomes;

/** The dependents' outcomes recorded for this system config: the as-was system, or every remediation on. */
export const systemOutcomes = (config: SystemConfig): Outcomes | undefined =>
  SYSTEM_EXPECTATIONS.find((e) =>
    sameConfig(
      config,
      e.remediations === "all"
        ? systemConfigOf(withAllRemediations(asWas), DEPENDENT_REMEDIATION_NAMES)
        : systemConfigOf(asWas, []),
    ),
  )?.outcomes;

/** A verdict that is not the one recorded. */
export interface Unexpected {
  readonly invariant: string;
  readonly configName: string;
  /** The verdict; "vacuous" is a HOLDS whose runs missed what the invariant is about, never an expected outcome. */
  readonly status: Outcome | "vacuous";
  readonly expected: Outcome;
}

/** The closing lines of `check --expect`: each unexpected verdict, then one line saying whether all matched. */
export const expectationLines = (
  verdicts: number,
  unexpected: ReadonlyArray<Unexpected>,
  configName: string,
): ReadonlyArray<string> =>
  unexpected.length === 0
    ? [`AS EXPECTED: all ${verdicts} verdicts match the outcomes recorded for config ${configName}`]
    : [
        ...unexpected.map(
          (u) => `UNEXPECTED  ${u.invariant} (config ${u.configName}): ${u.status}, expected ${u.expected}`,
        ),
        `NOT AS EXPECTED: ${unexpected.length} of ${verdicts} verdicts differ from the outcomes recorded for config ${configName}`,
      ];
