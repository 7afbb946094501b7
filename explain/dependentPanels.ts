// ---------------------------------------------------------------------------------------------------------
// explain: the chart panels of a system counterexample, below the fleet's (panels.ts): how Kinesis looks to
// its dependents, their buffers' fill and Lambda's host memory (the issue's "buffer fill and memory for
// dependents"), how long each has waited on Kinesis, and what was lost. Every value is read from the
// dependents' state (model/dependents/*.ts) or the model's own helpers. Pure.
// ---------------------------------------------------------------------------------------------------------
import { scalingDelay } from "../model/dependents/autoscaling.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { postDelay } from "../model/dependents/dashboard.ts";
import { provisioningDelay } from "../model/dependents/eventbridge.ts";
import { routablePercent } from "../model/dependents/kinesisHealth.ts";
import { goodputPercent } from "../model/load.ts";
import type { SystemState } from "../model/system.ts";
import type { Panel } from "./panels.ts";

export type DependentPanel = Panel<SystemConfig, SystemState>;

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

/**
 * K2/K8/K11 → C1, W1, E1: the goodput as a share of the offered requests, against the dependents' threshold, and
 * the head count it replaced (the share of serving frontends that can route).
 */
export const kinesisPanel: DependentPanel = {
  id: "kinesis",
  title: "Kinesis as its dependents see it (K2, K8, K11)",
  yTitle: "percent",
  domain: [0, 100],
  series: [
    {
      name: "goodput, % of offered requests",
      value: (config, s) => Math.round(10 * goodputPercent(config, s.core)) / 10,
    },
    {
      name: "% of serving frontends that can route",
      value: (_config, s) => Math.round(10 * routablePercent(s.core)) / 10,
    },
  ],
  limit: {
    name: "available to dependents at or above",
    value: (config) => config.dependents.kinesis.minHealthyPercent,
  },
};

/** C1/C3, R10, seed 000: each buffer's fill as a share of its room (100 % = full). */
export const buffersPanel: DependentPanel = {
  id: "buffers",
  title: "Dependents' buffer fill (C1, R10, seed 000)",
  yTitle: "% full",
  domain: [0, 100],
  series: [
    {
      name: "Cognito usage-record buffer (C1)",
      value: (_config, s) => percent(s.dependents.cognito.buffered, s.dependents.cognito.capacity),
    },
    {
      name: "CloudWatch local store (R10, if remediated)",
      value: (config, s) =>
        config.dependents.remediations.cloudwatchLocalBuffer
          ? percent(
              s.dependents.cloudwatch.backlog,
              config.dependents.cloudwatch.localBufferTicks * config.dependents.cloudwatch.datapointsPerTick,
            )
          : null,
    },
    {
      name: "customer's producer buffer (seed 000)",
      value: (config, s) =>
        percent(s.dependents.customer.buffered, config.dependents.customer.producerBufferRecords),
    },
  ],
  limit: { name: "full", value: () => 100 },
};

/** L1: the memory Lambda's metric agent holds on the invocation hosts, against the contention threshold. */
export const memoryPanel: DependentPanel = {
  id: "memory",
  title: "Lambda host memory held by the metric buffer (L1)",
  yTitle: "units (illustrative)",
  series: [{ name: "metric buffer", value: (_config, s) => s.dependents.lambda.metricBuffer }],
  limit: { name: "memory threshold", value: (config) => config.dependents.lambda.memoryThresholdUnits },
};

/** W1, A1, E2, H1, seed 000: how long each dependent has waited on Kinesis (each invariant has its own N). */
export const waitsPanel: DependentPanel = {
  id: "waits",
  title: "Waiting on Kinesis (W1, A1, E2, H1, seed 000)",
  yTitle: "ticks",
  series: [
    {
      name: "CloudWatch: ticks without readable data",
      value: (_c, s) => s.dependents.cloudwatch.sinceReadable,
    },
    {
      name: "AutoScaling: load change pending",
      value: (_c, s) => scalingDelay(s.dependents.autoscaling, s.core.tick),
    },
    {
      name: "ECS provisioning pending",
      value: (_c, s) => provisioningDelay(s.dependents.eventbridge, "ecs", s.core.tick),
    },
    {
      name: "EKS provisioning pending",
      value: (_c, s) => provisioningDelay(s.dependents.eventbridge, "eks", s.core.tick),
    },
    { name: "status update pending", value: (_c, s) => postDelay(s.dependents.dashboard, s.core.tick) },
    { name: "customer ingestion down", value: (_c, s) => s.dependents.customer.failingFor },
  ],
};

/** W1, C2, L1, seed 000, R9–R11: what was lost or failed, and what was dropped on purpose. */
export const lossPanel: DependentPanel = {
  id: "loss",
  title: "Lost, failed and dropped (W1, C2, L1, seed 000; R9–R11)",
  yTitle: "count",
  series: [
    { name: "CloudWatch datapoints lost", value: (_c, s) => s.dependents.cloudwatch.lost },
    { name: "Cognito sign-ins failed", value: (_c, s) => s.dependents.cognito.blockedRequests },
    { name: "Lambda invocations failed", value: (_c, s) => s.dependents.lambda.failedInvocations },
    { name: "customer records lost", value: (_c, s) => s.dependents.customer.lost },
    {
      name: "dropped on purpose (Cognito, Lambda)",
      value: (_c, s) => s.dependents.cognito.dropped + s.dependents.lambda.droppedMetrics,
    },
  ],
};

/** The dependents' panels, drawn below PANELS for a system counterexample. */
export const DEPENDENT_PANELS: ReadonlyArray<DependentPanel> = [
  kinesisPanel,
  buffersPanel,
  memoryPanel,
  waitsPanel,
  lossPanel,
];
