// ---------------------------------------------------------------------------------------------------------
// explain: what changed in one system step, in domain words: the core's sentences (summary.ts) and then each
// dependent's. Only what changed is listed.
// ---------------------------------------------------------------------------------------------------------

import { match } from "ts-pattern";
import { type SystemConfig, threadAlarmPercent } from "../model/dependents/config.ts";
import type { BufferingService, DependentEffect } from "../model/dependents/effects.ts";
import { mainFleetAvailable } from "../model/dependents/kinesisHealth.ts";
import { partitionThreads, partitionWithinLimit } from "../model/dependents/partitionFleet.ts";
import { goodputWords } from "../model/load.ts";
import type { SystemState } from "../model/system.ts";
import { changesBetween } from "./fleetChanges.ts";

const when = (cond: boolean, text: string): ReadonlyArray<string> => (cond ? [text] : []);

/** R6's own limit: the partition grew, and whether that took its maps (and CloudWatch's ingest) down. */
const partitionChanges = (config: SystemConfig, a: SystemState, b: SystemState): ReadonlyArray<string> => {
  const [x, y] = [a.dependents.partition, b.dependents.partition];
  const limit = config.dependents.partitionFleet?.threadLimit ?? 0;
  const wasUp = partitionWithinLimit(config, x);
  const up = partitionWithinLimit(config, y);
  return [
    ...when(
      x.frontends !== y.frontends,
      `CloudWatch's partition has ${y.frontends} frontends, each needing ${partitionThreads(config, y)} threads of its limit of ${limit}`,
    ),
    ...when(
      wasUp && !up,
      "the partition's frontends cannot create the threads they need: their shard-maps are useless and CloudWatch's ingest through its partition fails (K7/K8 inside R6's partition)",
    ),
  ];
};

/** Sentences for what changed in the dependents between `a` and `b`. */
export const dependentChanges = (
  config: SystemConfig,
  a: SystemState,
  b: SystemState,
): ReadonlyArray<string> => {
  const [x, y] = [a.dependents, b.dependents];
  const up = mainFleetAvailable(config, b.core);
  return [
    ...when(
      mainFleetAvailable(config, a.core) !== up,
      `Kinesis is ${up ? "available again" : "unavailable"} to its dependents (the fleet ${goodputWords(config, b.core)})`,
    ),
    ...when(
      x.cognito.buffered !== y.cognito.buffered,
      `Cognito's Kinesis buffer holds ${y.cognito.buffered}/${y.cognito.capacity} records`,
    ),
    ...when(
      x.cognito.capacity !== y.cognito.capacity,
      `Cognito's buffer grew to ${y.cognito.capacity} records`,
    ),
    ...when(
      !x.cognito.blocked && y.cognito.blocked,
      "Cognito's webservers block on the full buffer: sign-ins fail",
    ),
    ...when(x.cognito.blocked && !y.cognito.blocked, "Cognito's webservers are unblocked"),
    ...when(
      y.cognito.blockedRequests > x.cognito.blockedRequests,
      "the sign-in failed: it blocked on the buffer",
    ),
    ...when(y.cognito.served > x.cognito.served, "the sign-in succeeded"),
    ...when(
      y.cloudwatch.backlog !== x.cloudwatch.backlog,
      `CloudWatch's local store holds ${y.cloudwatch.backlog} datapoints`,
    ),
    ...when(x.cloudwatch.alarm !== y.cloudwatch.alarm, `CloudWatch alarms are ${y.cloudwatch.alarm}`),
    ...when(
      x.autoscaling.pendingSince === null && y.autoscaling.pendingSince !== null,
      "a scaling action is pending on CloudWatch metrics",
    ),
    ...when(y.autoscaling.reactions > x.autoscaling.reactions, "AutoScaling acted on the load change"),
    ...when(
      y.lambda.metricBuffer !== x.lambda.metricBuffer,
      `Lambda's metric buffer holds ${y.lambda.metricBuffer} of ${config.dependents.lambda.memoryThresholdUnits} units of host memory`,
    ),
    ...when(
      y.lambda.failedInvocations > x.lambda.failedInvocations,
      "the invocation failed: memory contention",
    ),
    ...when(y.lambda.invocations > x.lambda.invocations, "the invocation ran"),
    ...when(
      y.eventbridge.delayedEvents > 0 && x.eventbridge.delayedEvents === 0,
      "EventBridge events are delayed",
    ),
    ...(["ecs", "eks"] as const).flatMap((svc) => [
      ...when(
        x.eventbridge.pendingSince[svc] === null && y.eventbridge.pendingSince[svc] !== null,
        `an ${svc.toUpperCase()} provisioning workflow waits on EventBridge`,
      ),
      ...when(
        y.eventbridge.provisioned[svc] > x.eventbridge.provisioned[svc],
        `${svc.toUpperCase()} provisioning completed`,
      ),
    ]),
    ...when(
      x.dashboard.postStartedAt === null && y.dashboard.postStartedAt !== null,
      "a status update is being posted to the dashboard",
    ),
    ...when(
      y.dashboard.posted > x.dashboard.posted,
      `the status update reached the dashboard${y.dashboard.viaBackup > x.dashboard.viaBackup ? " through the backup tool" : ""}`,
    ),
    ...partitionChanges(config, a, b),
    ...when(x.customer.failingFor === 0 && y.customer.failingFor > 0, "the customer's ingestion is failing"),
    ...when(x.customer.failingFor > 0 && y.customer.failingFor === 0, "the customer's ingestion resumed"),
    ...when(
      x.alarms.threadAlarmAt === null && y.alarms.threadAlarmAt !== null,
      `the thread alarm fires: a frontend holds ${threadAlarmPercent(config)} % or more of the OS thread limit (R2)`,
    ),
  ];
};

const NOUN: { readonly [S in BufferingService]: string } = {
  cognito: "Cognito usage records",
  cloudwatch: "CloudWatch datapoints",
  lambda: "Lambda metric units",
  customer: "customer telemetry records",
};

/** The sentence for an effect the step returned as data, for the ones the state diff does not tell. */
export const effectSentence = (e: DependentEffect): string | undefined =>
  match(e)
    .returnType<string | undefined>()
    .with({ _tag: "Dropped" }, (x) => `${x.count} ${NOUN[x.service]} dropped (counted, not blocking)`)
    .with({ _tag: "Lost" }, (x) => `${x.count} ${NOUN[x.service]} lost`)
    .with({ _tag: "FailedOver" }, () => "the customer's pipeline switched to the standby region")
    .with({ _tag: "Buffered" }, { _tag: "Drained" }, { _tag: "Blocked" }, () => undefined)
    .exhaustive();

/** Core and dependent sentences for one step, then the sentences for the effects it returned. */
export const systemChangesBetween = (
  config: SystemConfig,
  a: SystemState,
  b: SystemState,
  effects: ReadonlyArray<DependentEffect> = [],
): ReadonlyArray<string> => [
  ...changesBetween(config, a.core, b.core),
  ...dependentChanges(config, a, b),
  ...effects.map(effectSentence).filter((x): x is string => x !== undefined),
];
