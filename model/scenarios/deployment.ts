// ---------------------------------------------------------------------------------------------------------
// model: a deployment's effect on the configuration (scenario.ts `Deployment`): the remediation flags it
// switches on, the fleet's (model/config.ts) or the dependents' (model/dependents/config.ts), and the OS
// thread limit it sets (K7; R3 is the tested higher limit). Pure; the config's name records the change.
// ---------------------------------------------------------------------------------------------------------
import { REMEDIATION_NAMES, type RemediationName, withRemediations } from "../config.ts";
import {
  type DependentRemediationName,
  type SystemConfig,
  withDependentRemediations,
} from "../dependents/config.ts";
import type { Deployment } from "./scenario.ts";

const isCore = (n: string): n is RemediationName => (REMEDIATION_NAMES as ReadonlyArray<string>).includes(n);

/** The config after `d` is rolled out. */
export const deployed = (config: SystemConfig, d: Deployment): SystemConfig => {
  const core = d.remediations.filter(isCore);
  const dependent = d.remediations.filter((n): n is DependentRemediationName => !isCore(n));
  const flags = withDependentRemediations(
    { ...withRemediations(config, core), dependents: config.dependents },
    dependent,
  );
  return d.threadLimit === undefined
    ? flags
    : {
        ...flags,
        name: `${flags.name}+threadLimit=${d.threadLimit}`,
        threads: { ...flags.threads, threadLimit: d.threadLimit },
      };
};

/** The words a timeline prints for `d`. */
export const deploymentText = (d: Deployment): string =>
  [
    ...(d.remediations.length === 0 ? [] : [`switch on ${d.remediations.join(", ")}`]),
    ...(d.threadLimit === undefined ? [] : [`set the OS thread limit to ${d.threadLimit} (K7)`]),
  ].join(" and ");
