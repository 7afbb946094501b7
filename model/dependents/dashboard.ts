// ---------------------------------------------------------------------------------------------------------
// model: the Service Health Dashboard's posting path (domain.md H1, R12; seeds 001, 003).
// H1: the tool support engineers use to post to the SHD uses Cognito, so early in the event it could not
// post. The backup tool, with minimal dependencies, worked as designed but was slower: "more manual and less
// familiar" to the operators. R12: operators are regularly trained on the backup tool.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { SystemConfig } from "./config.ts";
import { type EventResult, eventRefused, stepped } from "./effects.ts";

export interface DashboardState {
  /** H1: the tick at which operators started the status update still not posted (null: none in progress). */
  readonly postStartedAt: number | null;
  /** Status updates that reached the dashboard. */
  readonly posted: number;
  /** H1: of those, how many went out through the backup tool. */
  readonly viaBackup: number;
}

export const initialDashboard: DashboardState = { postStartedAt: null, posted: 0, viaBackup: 0 };

/** H1: operators start a status update; enabled while none is in progress. */
export const statusPostStarted = (d: DashboardState, now: number): EventResult<DashboardState> =>
  d.postStartedAt === null
    ? E.right(stepped({ ...d, postStartedAt: now }))
    : eventRefused("a status update is already being posted");

/** H1/R12: ticks the backup tool takes, by whether the operators are trained on it. */
export const backupTicks = (config: SystemConfig): number =>
  config.dependents.remediations.dashboardBackupPath
    ? config.dependents.dashboard.backupTicksTrained
    : config.dependents.dashboard.backupTicksUntrained;

/** One tick: the update goes out through the primary tool if Cognito works, else through the backup once it is done. */
export const dashboardTick = (
  config: SystemConfig,
  d: DashboardState,
  cognitoOk: boolean,
  now: number,
): DashboardState => {
  if (d.postStartedAt === null) return d;
  if (cognitoOk) return { ...d, postStartedAt: null, posted: d.posted + 1 };
  return now - d.postStartedAt >= backupTicks(config)
    ? { postStartedAt: null, posted: d.posted + 1, viaBackup: d.viaBackup + 1 }
    : d;
};

/** How long the update in progress has waited at `now` (0 when none is in progress). */
export const postDelay = (d: DashboardState, now: number): number =>
  d.postStartedAt === null ? 0 : now - d.postStartedAt;
