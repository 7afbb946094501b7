// ---------------------------------------------------------------------------------------------------------
// cli: which spec a flag is for. `--remediation` and `--invariant` values name the fleet's or the
// dependents' (the system spec's); this splits them, and builds the system config from the fleet's config,
// the dependents' numbers and the dependents' remediations.
// ---------------------------------------------------------------------------------------------------------

import type { Config } from "../model/config.ts";
import { asWasDependents } from "../model/configs/asWasDependents.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediationName,
  type DependentsConfig,
  type SystemConfig,
  withDependentRemediations,
} from "../model/dependents/config.ts";
import { SYSTEM_INVARIANTS, type SystemInvariant } from "../properties/dependents/index.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";
import { applyRemediations, bad, type LoadedConfig, loadConfigFile } from "./input.ts";

export interface SplitFlags {
  /** `--remediation` values for the core (including "all" when all was asked). */
  readonly coreRemediations: ReadonlyArray<string>;
  readonly dependentRemediations: ReadonlyArray<DependentRemediationName>;
  readonly coreInvariants: ReadonlyArray<Invariant>;
  readonly systemInvariants: ReadonlyArray<SystemInvariant>;
}

const names = (values: ReadonlyArray<string>): ReadonlyArray<string> =>
  values.flatMap((v) => v.split(",")).filter((v) => v !== "");

const isDependentRemediation = (n: string): n is DependentRemediationName =>
  (DEPENDENT_REMEDIATION_NAMES as ReadonlyArray<string>).includes(n);

/** Splits the flags; unknown invariant names are a BadInput naming both lists. */
export const splitCheckFlags = (
  remediations: ReadonlyArray<string>,
  invariants: ReadonlyArray<string>,
): SplitFlags => {
  const r = names(remediations);
  const all = r.includes("all");
  const i = names(invariants);
  const unknown = i.find(
    (n) => !INVARIANTS.some((x) => x.name === n) && !SYSTEM_INVARIANTS.some((x) => x.name === n),
  );
  if (unknown !== undefined)
    bad(
      `--invariant ${unknown}: unknown; expected one of ${[...INVARIANTS, ...SYSTEM_INVARIANTS].map((x) => x.name).join(", ")}`,
    );
  return {
    coreRemediations: r.filter((n) => !isDependentRemediation(n)),
    dependentRemediations: all ? DEPENDENT_REMEDIATION_NAMES : [...new Set(r.filter(isDependentRemediation))],
    coreInvariants: i.length === 0 ? INVARIANTS : INVARIANTS.filter((x) => i.includes(x.name)),
    systemInvariants:
      i.length === 0 ? SYSTEM_INVARIANTS : SYSTEM_INVARIANTS.filter((x) => i.includes(x.name)),
  };
};

/**
 * The system config: the (remediated) core config, the dependents' numbers (`as-was` unless a config file
 * gave its own), and the dependent remediations asked for.
 */
export const systemConfigOf = (
  core: Config,
  remediations: ReadonlyArray<DependentRemediationName>,
  dependents: DependentsConfig = asWasDependents,
): SystemConfig => {
  const all = remediations.length === DEPENDENT_REMEDIATION_NAMES.length && core.name.endsWith("+all");
  const c = withDependentRemediations({ ...core, dependents }, remediations);
  return all ? { ...c, name: core.name } : c;
};

/**
 * The whole system of a `--config` (default: the `as-was` fleet and dependents) with `--remediation` values
 * (core or dependent names, or all) applied: what scenario, recovery and replay run under.
 */
export const remediatedSystem = (
  remediations: ReadonlyArray<string>,
  loaded: LoadedConfig = loadConfigFile(undefined),
): SystemConfig => {
  const split = splitCheckFlags(remediations, []);
  return systemConfigOf(
    applyRemediations(loaded.core, split.coreRemediations),
    split.dependentRemediations,
    loaded.dependents,
  );
};
