// Test helpers for the dependents: system states placed by hand around dependents' states that the
// dependents' own steps reached, and the Kinesis outage as the dependents see it.

import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { type CloudWatchState, cloudwatchTick, initialCloudWatch } from "../model/dependents/cloudwatch.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import type { EventResult } from "../model/dependents/effects.ts";
import { stateWith } from "../model/state.ts";
import { type Dependents, initialSystemState, type SystemOp, type SystemState } from "../model/system.ts";
import type { SystemInvariant } from "../properties/dependents/index.ts";
import { appliedSystem } from "./trace.ts";

/** The initial `config` system state at tick `tick`, with the given dependents' states. */
export const systemWith = (config: SystemConfig, d: Partial<Dependents>, tick = 0): SystemState => {
  const s = initialSystemState(config);
  return { core: stateWith(s.core, { tick }), dependents: { ...s.dependents, ...d } };
};

/** `n` ticks of impairment of what a dependent's tick waits on (Kinesis, CloudWatch): one `false` per tick. */
export const downFor = (n: number): ReadonlyArray<boolean> => Array.from({ length: n }, () => false);

/** `n` ticks, as system operations. */
export const systemTicks = (n: number): ReadonlyArray<SystemOp> =>
  Array.from({ length: n }, (): SystemOp => ({ type: "tick" }));

/**
 * K16 → K2/K8 on the as-was system: one server added, and every 2020 frontend learns of it, passes the thread
 * limit and holds a useless shard-map: no serving frontend can route, so Kinesis is down for the dependents
 * (C1, W1, E1).
 */
export const kinesisDown: SystemState = appliedSystem(asWasSystem, [
  { type: "capacityAdded", count: 1 },
  ...Array.from({ length: 8 }, (_, frontend): SystemOp => ({ type: "peerLearned", frontend })),
]);

/** CloudWatch after ticks with Kinesis's availability `ups[i]`. */
export const cloudwatchAfter = (
  config: SystemConfig,
  ups: ReadonlyArray<boolean>,
  from: CloudWatchState = initialCloudWatch,
): CloudWatchState => ups.reduce((c, up) => cloudwatchTick(config, c, up).next, from);

/** The name of the invariant `inv` reports broken in `s`, or undefined when it holds. */
export const brokenName = (inv: SystemInvariant, config: SystemConfig, s: SystemState): string | undefined =>
  O.toUndefined(inv.check(config, s))?.invariant;

/** A dependent's next state after an event the test expects to be enabled (a refusal fails the test). */
export const accepted = <S>(r: EventResult<S>): S => {
  if (E.isLeft(r)) throw new Error(`the event was refused: ${r.left.reason}`);
  return r.right.next;
};

/** A dependent's next state after an event, or undefined when it was refused. */
export const nextOrUndefined = <S>(r: EventResult<S>): S | undefined =>
  E.isRight(r) ? r.right.next : undefined;
