// ---------------------------------------------------------------------------------------------------------
// explain: the dependent services as a grid of cards, beside the fleet (the issue's "the dependents with
// their buffers"): one card per dependent with its buffer fill, memory or wait against its limit. A card is
// drawn as bad exactly when one of that dependent's invariants (properties/dependents/) fails in the state,
// so the explorer's red cards are the model's own verdict. Pure.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { overThreadLimit } from "../model/dependents/alarms.ts";
import { scalingDelay } from "../model/dependents/autoscaling.ts";
import { type SystemConfig, threadAlarmOn, threadAlarmPercent } from "../model/dependents/config.ts";
import { postDelay } from "../model/dependents/dashboard.ts";
import { provisioningDelay } from "../model/dependents/eventbridge.ts";
import { memoryContended } from "../model/dependents/lambda.ts";
import {
  partitionGrowable,
  partitionThreads,
  partitionWithinLimit,
} from "../model/dependents/partitionFleet.ts";
import { goodput, goodputWords } from "../model/load.ts";
import type { SystemState } from "../model/system.ts";
import { type SystemInvariantName, systemInvariantNamed } from "../properties/dependents/index.ts";
import type { Card, Gauge, Grid } from "./grids.ts";

export type DependentGrid = Grid<SystemConfig, SystemState>;

/** Whether any of `names` fails in `s`. */
const failing = (config: SystemConfig, s: SystemState, names: ReadonlyArray<SystemInvariantName>): boolean =>
  names.some((n) => {
    const inv = systemInvariantNamed(n);
    return inv !== undefined && O.isSome(inv.check(config, s));
  });

const card = (
  config: SystemConfig,
  s: SystemState,
  name: string,
  invariants: ReadonlyArray<SystemInvariantName>,
  status: string,
  gauges: ReadonlyArray<Gauge>,
): Card => ({ name, status, bad: failing(config, s, invariants), gauges });

const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? "" : "s"}`;

export const dependentCards = (config: SystemConfig, s: SystemState): ReadonlyArray<Card> => {
  const d = s.dependents;
  const p = config.dependents;
  const now = s.core.tick;
  const cw = d.cloudwatch;
  const room = p.cloudwatch.localBufferTicks * p.cloudwatch.datapointsPerTick;
  const waits = (["ecs", "eks"] as const).map((svc) => provisioningDelay(d.eventbridge, svc, now));
  return [
    card(
      config,
      s,
      "Cognito",
      ["CognitoNeverBlocksOnKinesisBuffer"],
      `${d.cognito.blocked ? "blocked on the full buffer" : d.cognito.buffered > 0 ? "buffering" : "ok"}${d.cognito.blockedRequests > 0 ? `, ${plural(d.cognito.blockedRequests, "sign-in")} failed` : ""}${d.cognito.dropped > 0 ? `, ${d.cognito.dropped} records dropped` : ""}`,
      [{ label: "buffer (records)", value: d.cognito.buffered, max: d.cognito.capacity }],
    ),
    card(
      config,
      s,
      "CloudWatch",
      ["CloudWatchLosesNoDatapoint", "AlarmsHaveData"],
      `alarms ${cw.alarm}${cw.impairedFor > 0 ? `, Kinesis impaired for ${plural(cw.impairedFor, "tick")}` : ""}`,
      p.remediations.cloudwatchLocalBuffer
        ? [
            { label: "local store (datapoints)", value: cw.backlog, max: room },
            { label: "datapoints lost", value: cw.lost, max: 0 },
          ]
        : [{ label: "datapoints lost (no local store)", value: cw.lost, max: 0 }],
    ),
    card(
      config,
      s,
      "AutoScaling",
      ["AutoScalingReactsWithin"],
      d.autoscaling.pendingSince === null ? "ok" : "a load change waits on CloudWatch metrics",
      [
        {
          label: "scaling wait (ticks)",
          value: scalingDelay(d.autoscaling, now),
          max: p.autoscaling.reactWithinTicks,
        },
      ],
    ),
    card(
      config,
      s,
      "Lambda",
      ["LambdaUnaffectedByCloudWatch"],
      `${memoryContended(config, d.lambda) ? "memory contention" : d.lambda.metricBuffer > 0 ? "buffering metrics" : "ok"}${d.lambda.failedInvocations > 0 ? `, ${plural(d.lambda.failedInvocations, "invocation")} failed` : ""}`,
      [
        {
          label: "metric buffer (host memory)",
          value: d.lambda.metricBuffer,
          max: p.lambda.memoryThresholdUnits,
        },
      ],
    ),
    card(
      config,
      s,
      "EventBridge (ECS, EKS)",
      ["ProvisioningCompletesWithin"],
      d.eventbridge.delayedEvents > 0
        ? `events delayed ${plural(d.eventbridge.delayedEvents, "tick")}`
        : "ok",
      [
        {
          label: "ECS provisioning wait (ticks)",
          value: waits[0] ?? 0,
          max: p.eventbridge.provisionWithinTicks,
        },
        {
          label: "EKS provisioning wait (ticks)",
          value: waits[1] ?? 0,
          max: p.eventbridge.provisionWithinTicks,
        },
      ],
    ),
    card(
      config,
      s,
      "Service Health Dashboard",
      ["StatusPostedWithin"],
      d.dashboard.postStartedAt === null ? "ok" : "a status update is being posted",
      [{ label: "post wait (ticks)", value: postDelay(d.dashboard, now), max: p.dashboard.postWithinTicks }],
    ),
    card(
      config,
      s,
      "customer pipeline",
      ["CustomerIngestionSurvivesRegionalImpairment"],
      `${d.customer.onStandby ? "on the standby region" : d.customer.failingFor > 0 ? "ingestion failing" : "ok"}${d.customer.lost > 0 ? `, ${d.customer.lost} records lost` : ""}`,
      [
        {
          label: "producer buffer (records)",
          value: d.customer.buffered,
          max: p.customer.producerBufferRecords,
        },
        { label: "ingestion down (ticks)", value: d.customer.failingFor, max: p.customer.resumeWithinTicks },
      ],
    ),
    card(
      config,
      s,
      "front-end load (K11, R7)",
      ["NoRecoverySetback", "CellLoadWithinCapacity"],
      `${goodputWords(config, s.core)}${d.healthCheck.removedUnhealthy > 0 ? `, ${plural(d.healthCheck.removedUnhealthy, "frontend")} set back by the health check` : ""}`,
      [
        {
          label: "requests not delivered (a tick)",
          value: Math.round(10 * (p.load.offeredRequestsPerTick - goodput(config, s.core))) / 10,
          max: 0,
        },
        { label: "frontends set back (health check)", value: d.healthCheck.removedUnhealthy, max: 0 },
      ],
    ),
    card(config, s, "alarms (K9, K10, R2)", ["ThreadAlarmBeforeLimit"], alarmsStatus(config, s), [
      {
        label: "frontends past the OS thread limit",
        value: s.core.frontends.filter((f) => overThreadLimit(config, f)).length,
        max: 0,
      },
    ]),
    ...partitionCards(config, s),
  ];
};

/** R6's own limit: CloudWatch's partition, drawn only where it can grow (R6 on, a `partitionFleet` section). */
const partitionCards = (config: SystemConfig, s: SystemState): ReadonlyArray<Card> => {
  const p = config.dependents.partitionFleet;
  if (p === undefined || !partitionGrowable(config)) return [];
  const part = s.dependents.partition;
  const threads = partitionThreads(config, part);
  return [
    card(
      config,
      s,
      "CloudWatch's partition (R6)",
      ["PartitionWithinThreadLimit"],
      `${plural(part.frontends, "frontend")}, ${threads} threads each of ${p.threadLimit}${partitionWithinLimit(config, part) ? "" : ": maps useless, CloudWatch's ingest fails"}`,
      [{ label: "threads over the limit", value: Math.max(0, threads - p.threadLimit), max: 0 }],
    ),
  ];
};

/** K9/K10/R2: which alarms have fired, and since when. */
const alarmsStatus = (config: SystemConfig, s: SystemState): string => {
  const { errorAlarmAt: error, threadAlarmAt: thread } = s.dependents.alarms;
  const errors = error === null ? "no error alarm" : `error alarm since t${error}`;
  const threads = !threadAlarmOn(config)
    ? "no thread alarm (K10)"
    : thread === null
      ? `thread alarm (α ${threadAlarmPercent(config)} %) not fired`
      : `thread alarm since t${thread}`;
  return `${errors}, ${threads}`;
};

/** The dependents' grid, shown below the fleet for a system counterexample. */
export const dependentsGrid: DependentGrid = {
  id: "dependents",
  title: "Dependent services",
  cards: dependentCards,
};

export const DEPENDENT_GRIDS: ReadonlyArray<DependentGrid> = [dependentsGrid];
