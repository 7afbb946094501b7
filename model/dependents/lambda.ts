// ---------------------------------------------------------------------------------------------------------
// model: AWS Lambda (domain.md L1, R11; seeds 001, 003). Every invocation publishes metric data to
// CloudWatch. When CloudWatch is unavailable the metric agents buffer locally "for a period of time"; the
// buffer grew until it caused memory contention on the invocation hosts and invocation errors rose (06:15,
// fixed 10:36). R11 (model choice; AWS gives only the in-event fix): a bounded buffer that drops past its bound.
// ---------------------------------------------------------------------------------------------------------

import * as E from "fp-ts/lib/Either.js";
import type { SystemConfig } from "./config.ts";
import { type EventResult, type Stepped, stepped } from "./effects.ts";

export interface LambdaState {
  /** L1: host memory (abstract units) held by the metric agent's buffer. */
  readonly metricBuffer: number;
  /** R11: metric units dropped because the bounded buffer was full. */
  readonly droppedMetrics: number;
  /** L1: invocations that failed because of memory contention. */
  readonly failedInvocations: number;
  /** Invocations that ran. */
  readonly invocations: number;
}

export const initialLambda: LambdaState = {
  metricBuffer: 0,
  droppedMetrics: 0,
  failedInvocations: 0,
  invocations: 0,
};

/** L1: whether the metric buffer has pushed the host past its memory threshold. */
export const memoryContended = (config: SystemConfig, l: LambdaState): boolean =>
  l.metricBuffer > config.dependents.lambda.memoryThresholdUnits;

/** One tick of invocations: metrics flush when CloudWatch accepts them, otherwise they pile up in memory. */
export const lambdaTick = (
  config: SystemConfig,
  l: LambdaState,
  cloudwatchAccepts: boolean,
): Stepped<LambdaState> => {
  if (cloudwatchAccepts)
    return stepped({ ...l, metricBuffer: 0 }, { _tag: "Drained", service: "lambda", count: l.metricBuffer });
  const units = config.dependents.lambda.metricUnitsPerTick;
  const grown = l.metricBuffer + units;
  const bound = config.dependents.lambda.memoryThresholdUnits;
  return config.dependents.remediations.lambdaBoundedMetricBuffer && grown > bound
    ? stepped(
        { ...l, metricBuffer: bound, droppedMetrics: l.droppedMetrics + grown - bound },
        { _tag: "Buffered", service: "lambda", count: bound - l.metricBuffer },
        { _tag: "Dropped", service: "lambda", count: grown - bound },
      )
    : stepped({ ...l, metricBuffer: grown }, { _tag: "Buffered", service: "lambda", count: units });
};

/** L1: a function is invoked; under memory contention it errors. Always enabled. */
export const functionInvoked = (config: SystemConfig, l: LambdaState): EventResult<LambdaState> =>
  E.right(
    stepped(
      memoryContended(config, l)
        ? { ...l, failedInvocations: l.failedInvocations + 1 }
        : { ...l, invocations: l.invocations + 1 },
    ),
  );
