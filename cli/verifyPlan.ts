// ---------------------------------------------------------------------------------------------------------
// cli: what `outage verify` explores: `--config`, `--remediation` and `--invariant` split between the fleet
// spec and the system spec; `--config small-system` is the dependents' checking config (model/configs/smallDependents.ts).
// ---------------------------------------------------------------------------------------------------------

import { smallSystem } from "../model/configs/smallDependents.ts";
import { DEPENDENT_REMEDIATION_NAMES, withDependentRemediations } from "../model/dependents/config.ts";
import type { SystemInvariant } from "../properties/dependents/index.ts";
import type { Invariant } from "../properties/index.ts";
import { applyRemediations, loadConfig } from "./input.ts";
import { splitCheckFlags, systemConfigOf } from "./specFlags.ts";

/** The name `--config` accepts for the dependents' checking config. */
export const SMALL_SYSTEM = "small-system";

export interface VerifyPlan {
  /** The core config name to load (`small` for `small-system`) and its remediation flags. */
  readonly coreConfig: string | undefined;
  readonly coreRemediations: ReadonlyArray<string>;
  /** Core invariants to explore with the core BFS (none when only dependents were asked for). */
  readonly coreInvariants: ReadonlyArray<Invariant>;
  readonly systemInvariants: ReadonlyArray<SystemInvariant>;
  readonly systemConfig: ReturnType<typeof systemConfigOf>;
}

/**
 * What to verify. Dependent invariants are explored when named with `--invariant`, or all of them with
 * `--config small-system` and no `--invariant`; core invariants when named, or all of them when none is named and
 * the config is not `small-system` (so `verify` without dependent flags does what it always did).
 */
export const planVerify = (
  config: string | undefined,
  remediations: ReadonlyArray<string>,
  invariants: ReadonlyArray<string>,
): VerifyPlan => {
  const split = splitCheckFlags(remediations, invariants);
  const named = invariants.some((v) => v.split(",").some((n) => n !== ""));
  const smallSys = config === SMALL_SYSTEM;
  const coreConfig = smallSys ? "small" : config;
  const core = applyRemediations(loadConfig(coreConfig), split.coreRemediations);
  const all =
    core.name.endsWith("+all") && split.dependentRemediations.length === DEPENDENT_REMEDIATION_NAMES.length;
  const systemConfig = smallSys
    ? all
      ? withDependentRemediations(
          { ...smallSystem, ...core, name: `${SMALL_SYSTEM}+all` },
          DEPENDENT_REMEDIATION_NAMES,
        )
      : withDependentRemediations(
          { ...smallSystem, ...core, name: SMALL_SYSTEM },
          split.dependentRemediations,
        )
    : systemConfigOf(core, split.dependentRemediations);
  return {
    coreConfig,
    coreRemediations: split.coreRemediations,
    coreInvariants: named ? split.coreInvariants : smallSys ? [] : split.coreInvariants,
    systemInvariants: named ? split.systemInvariants : smallSys ? split.systemInvariants : [],
    systemConfig,
  };
};
