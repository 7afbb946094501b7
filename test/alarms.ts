// Test helpers for R2's thread alarm: the as-was system with the alarm on, and a fleet with thread headroom
// (the limit two threads above what a frontend holds at rest), on which a sampled alarm can miss a crossing.
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { type SystemConfig, withDependentRemediations } from "../model/dependents/config.ts";

/** The as-was system with R2's thread alarm at α percent. */
export const withThreadAlarm = (config: SystemConfig, alpha: number): SystemConfig => {
  const on = withDependentRemediations(config, ["threadAlarm"]);
  return { ...on, dependents: { ...on.dependents, alarms: { threadAlarmPercent: alpha } } };
};

/**
 * ILLUSTRATIVE: the as-was fleet with a limit of 13 instead of 11, so a frontend at rest holds 11 of 13 threads
 * (84.6 %) and passes the limit only when it learns of a third added server (4 + 1·10 = 14 > 13).
 */
export const headroom: SystemConfig = {
  ...asWasSystem,
  name: "as-was+threadLimit=13",
  threads: { ...asWasSystem.threads, threadLimit: 13 },
};
