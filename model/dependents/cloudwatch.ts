// ---------------------------------------------------------------------------------------------------------
// model: Amazon CloudWatch (domain.md W1, R6, R10; seeds 001, 003).
// W1: CloudWatch processes metric and log data (PutMetricData, PutLogEvents) through Kinesis. With Kinesis
// impaired, puts errored, "the vast majority of metrics could not be processed", clients could not persist
// all metric data (gaps) and alarms went to INSUFFICIENT_DATA. R10: keep 3 hours of metric data in a local
// store, readable directly (by AutoScaling too) and delivered once Kinesis is back. R6: move CloudWatch to a
// separate, partitioned front-end fleet (kinesisHealth.ts).
// ---------------------------------------------------------------------------------------------------------
import type { SystemConfig } from "./config.ts";
import { type Stepped, stepped } from "./effects.ts";

/** W1: the state of the alarms on a metric that exists (datapoints keep being produced). */
export type AlarmState = "OK" | "INSUFFICIENT_DATA";

export interface CloudWatchState {
  /** R10: datapoints held in the local store waiting for Kinesis. */
  readonly backlog: number;
  /** W1: datapoints that could not be persisted: the gaps. */
  readonly lost: number;
  /** Datapoints processed (delivered through Kinesis, backlog included). */
  readonly delivered: number;
  /** W1: ticks since a datapoint was last readable (processed, or held in the local store). */
  readonly sinceReadable: number;
  /** W1: the alarms' state. */
  readonly alarm: AlarmState;
  /** Ticks the current impairment of CloudWatch's path to Kinesis has lasted (0 when it is up). */
  readonly impairedFor: number;
  /** The longest impairment so far, in ticks: the horizon the no-loss invariant is judged against. */
  readonly longestImpairment: number;
}

export const initialCloudWatch: CloudWatchState = {
  backlog: 0,
  lost: 0,
  delivered: 0,
  sinceReadable: 0,
  alarm: "OK",
  impairedFor: 0,
  longestImpairment: 0,
};

/** Kinesis is up: the backlog and this tick's datapoints are delivered; alarms evaluate on fresh data. */
const delivered = (c: CloudWatchState, produced: number): Stepped<CloudWatchState> =>
  stepped(
    {
      ...c,
      backlog: 0,
      delivered: c.delivered + c.backlog + produced,
      sinceReadable: 0,
      alarm: "OK",
      impairedFor: 0,
    },
    { _tag: "Drained", service: "cloudwatch", count: c.backlog },
  );

/** R10: Kinesis is down; datapoints go to the local store, which keeps the newest `localBufferTicks` worth. */
const storedLocally = (
  config: SystemConfig,
  c: CloudWatchState,
  produced: number,
): Stepped<CloudWatchState> => {
  const room = config.dependents.cloudwatch.localBufferTicks * config.dependents.cloudwatch.datapointsPerTick;
  const held = c.backlog + produced;
  const over = Math.max(0, held - room);
  return stepped(
    { ...c, backlog: Math.min(held, room), lost: c.lost + over, sinceReadable: 0, alarm: "OK" },
    { _tag: "Buffered", service: "cloudwatch", count: produced },
    { _tag: "Dropped", service: "cloudwatch", count: over },
  );
};

/** W1: Kinesis is down and there is no local store: this tick's datapoints are lost; alarms lose their data. */
const lostInFlight = (
  config: SystemConfig,
  c: CloudWatchState,
  produced: number,
): Stepped<CloudWatchState> => {
  const since = c.sinceReadable + 1;
  return stepped(
    {
      ...c,
      lost: c.lost + produced,
      sinceReadable: since,
      alarm: since >= config.dependents.cloudwatch.alarmMissingTicks ? "INSUFFICIENT_DATA" : c.alarm,
    },
    { _tag: "Lost", service: "cloudwatch", count: produced },
  );
};

/** One tick of metric traffic; `kinesisUp` is CloudWatch's own path to Kinesis (main fleet or partition). */
export const cloudwatchTick = (
  config: SystemConfig,
  c: CloudWatchState,
  kinesisUp: boolean,
): Stepped<CloudWatchState> => {
  const produced = config.dependents.cloudwatch.datapointsPerTick;
  if (kinesisUp) return delivered(c, produced);
  const impaired = {
    ...c,
    impairedFor: c.impairedFor + 1,
    longestImpairment: Math.max(c.longestImpairment, c.impairedFor + 1),
  };
  return config.dependents.remediations.cloudwatchLocalBuffer
    ? storedLocally(config, impaired, produced)
    : lostInFlight(config, impaired, produced);
};

/** A1/R10: whether recent metrics can be read (by AutoScaling, by alarms). */
export const metricsReadable = (c: CloudWatchState): boolean => c.sinceReadable === 0;

/** L1/R10: whether CloudWatch accepts a put now: Kinesis is up, or the local store takes it. */
export const acceptsPuts = (config: SystemConfig, c: CloudWatchState): boolean =>
  c.impairedFor === 0 || config.dependents.remediations.cloudwatchLocalBuffer;

/** Whether CloudWatch fails its users now (W1): datapoints are being lost or alarms have no data. */
export const cloudwatchFailing = (config: SystemConfig, c: CloudWatchState): boolean =>
  c.alarm === "INSUFFICIENT_DATA" || !acceptsPuts(config, c);
