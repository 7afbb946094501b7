import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect } from "vitest";
import { statesOf } from "../../checker/trace.ts";
import { smallSystem } from "../../model/configs/smallDependents.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediationName,
  type SystemConfig,
  withDependentRemediations,
} from "../../model/dependents/config.ts";
import { type SystemOp, type SystemState, systemStep } from "../../model/system.ts";
import { SYSTEM_INVARIANTS } from "../../properties/dependents/index.ts";
import { candidateOps } from "../fleet/enabledOps.ts";
import { systemSpec } from "../system.ts";
import { systemOpsArb } from "./arbitraries.ts";
import { coneDependentOps, dependentCandidates, INVISIBLE_TO_DEPENDENTS } from "./candidates.ts";
import {
  COMPONENTS,
  type Component,
  coneOf,
  coneRemediations,
  OP_COMPONENT,
  systemStateKeyFor,
  WATCHES,
} from "./key.ts";

const setArb = fc.subarray([...DEPENDENT_REMEDIATION_NAMES]);
// Drawn with R6 on so the partition's additions are among them (refused, and skipped, under sets without R6).
const opsArb = systemOpsArb(withDependentRemediations(smallSystem, ["cloudwatchPartitionedFleet"]), 40);
const params = { numRuns: 60 };

/** The states a run of `ops` passes through, the initial state first. */
const systemStates = (config: SystemConfig, ops: ReadonlyArray<SystemOp>): ReadonlyArray<SystemState> =>
  statesOf(systemSpec, config, ops);

const configWith = (set: ReadonlyArray<DependentRemediationName>): SystemConfig =>
  withDependentRemediations(smallSystem, set);

/** Every operation worth trying in `s` (the invisible core ones included), as BFS would over the whole system. */
const allOps = (config: SystemConfig, s: SystemState): ReadonlyArray<SystemOp> => [
  ...candidateOps(config, s.core),
  ...dependentCandidates(s, coneDependentOps(COMPONENTS)),
];

const successorKeys = (
  config: SystemConfig,
  cone: ReadonlyArray<Component>,
  s: SystemState,
  watched: ReadonlyArray<Component> = cone,
) => {
  const key = systemStateKeyFor(config, cone, watched);
  return [
    ...new Set(
      allOps(config, s).flatMap((op) => {
        const r = systemStep(config, s, op);
        return E.isRight(r) ? [key(r.right)] : [];
      }),
    ),
  ].sort();
};

const verdicts = (config: SystemConfig, s: SystemState) =>
  SYSTEM_INVARIANTS.map((inv) => O.isSome(inv.check(config, s)));

const shiftedBack = (then: number | null, now: number, limit: number, by: number): number | null =>
  then === null ? null : now - then >= limit ? then - by : then;

/**
 * `s` with everything the key abstracts changed: the clock (and every remembered tick with it), counters read by
 * nothing, counters read only as "> 0" (while positive), values already past their cap pushed further, and the core
 * fields no dependent reads.
 */
const disguised = (config: SystemConfig, s: SystemState): SystemState => {
  const p = config.dependents;
  const d = s.dependents;
  const k = 7;
  const now = s.core.tick;
  const at = (then: number | null, limit: number): number | null => {
    const t = shiftedBack(then, now, limit, 3);
    return t === null ? null : t + k;
  };
  const up = (n: number): number => (n > 0 ? n + 2 : 0);
  const past = (n: number, limit: number): number => (n >= limit ? n + 3 : n);
  const cwCap = p.cloudwatch.localBufferTicks + 1;
  const dashLimit = Math.max(
    p.dashboard.backupTicksUntrained,
    p.dashboard.backupTicksTrained,
    p.dashboard.postWithinTicks + 1,
  );
  return {
    core: {
      ...s.core,
      tick: now + k,
      frontends: s.core.frontends.map((f) => ({
        ...f,
        staleShards: f.staleShards === 0 ? 1 : 0,
        // A remembered tick: the stamp a frontend's lag is derived from moves with the clock.
        behindSince: f.behindSince + k,
      })),
      requests: { succeeded: 5, failed: 9, misrouted: 4 },
    },
    dependents: {
      cognito: {
        ...d.cognito,
        blockedRequests: up(d.cognito.blockedRequests),
        dropped: d.cognito.dropped + 3,
        served: d.cognito.served + 4,
      },
      cloudwatch: {
        ...d.cloudwatch,
        lost: up(d.cloudwatch.lost),
        delivered: d.cloudwatch.delivered + 5,
        sinceReadable: past(d.cloudwatch.sinceReadable, Math.max(1, p.cloudwatch.alarmMissingTicks)),
        impairedFor: past(d.cloudwatch.impairedFor, cwCap),
        longestImpairment: past(d.cloudwatch.longestImpairment, cwCap),
      },
      autoscaling: {
        pendingSince: at(d.autoscaling.pendingSince, p.autoscaling.reactWithinTicks + 1),
        reactions: d.autoscaling.reactions + 2,
      },
      lambda: {
        ...d.lambda,
        metricBuffer: past(d.lambda.metricBuffer, p.lambda.memoryThresholdUnits + 1),
        failedInvocations: up(d.lambda.failedInvocations),
        droppedMetrics: d.lambda.droppedMetrics + 1,
        invocations: d.lambda.invocations + 6,
      },
      eventbridge: {
        delayedEvents: d.eventbridge.delayedEvents + 3,
        pendingSince: {
          ecs: at(d.eventbridge.pendingSince.ecs, p.eventbridge.provisionWithinTicks + 1),
          eks: at(d.eventbridge.pendingSince.eks, p.eventbridge.provisionWithinTicks + 1),
        },
        provisioned: { ecs: d.eventbridge.provisioned.ecs + 1, eks: d.eventbridge.provisioned.eks + 2 },
      },
      dashboard: {
        postStartedAt: at(d.dashboard.postStartedAt, dashLimit),
        posted: d.dashboard.posted + 2,
        viaBackup: d.dashboard.viaBackup + 1,
      },
      customer: {
        ...d.customer,
        lost: up(d.customer.lost),
        delivered: d.customer.delivered + 8,
        failingFor: past(
          d.customer.failingFor,
          Math.max(p.customer.detectTicks, p.customer.resumeWithinTicks + 1),
        ),
        approvalAskedAt: at(d.customer.approvalAskedAt, p.customer.approvalTicks),
      },
      // Read only as "> 0".
      healthCheck: { removedUnhealthy: up(d.healthCheck.removedUnhealthy) },
      // Nothing abstracted: the partition's size is kept whole.
      partition: d.partition,
      // Read only as "fired yet" (null or not): a fired alarm's tick moves with the clock, and further still.
      alarms: {
        errorAlarmAt: d.alarms.errorAlarmAt === null ? null : d.alarms.errorAlarmAt + k - 7,
        threadAlarmAt: d.alarms.threadAlarmAt === null ? null : d.alarms.threadAlarmAt + k - 3,
      },
    },
  };
};

describe("the system state key", () => {
  test.prop({ set: setArb, ops: opsArb }, params)(
    "states differing only in what the key abstracts share a key, their successors' keys and every verdict",
    ({ set, ops }) => {
      const config = configWith(set);
      const key = systemStateKeyFor(config, COMPONENTS);
      for (const s of systemStates(config, ops).filter((_, i) => i % 5 === 4)) {
        const t = disguised(config, s);
        expect(key(t)).toBe(key(s));
        expect(successorKeys(config, COMPONENTS, t)).toEqual(successorKeys(config, COMPONENTS, s));
        expect(verdicts(config, t)).toEqual(verdicts(config, s));
      }
    },
  );

  test.prop({ set: setArb, runs: fc.array(opsArb, { minLength: 3, maxLength: 3 }) }, { numRuns: 20 })(
    "reachable states that share an invariant's key (its cone, its watched fields) agree on it and their successors share keys (no over-merging)",
    ({ set, runs }) => {
      const config = configWith(set);
      const states = runs.flatMap((ops) => systemStates(config, ops));
      for (const inv of SYSTEM_INVARIANTS) {
        const cone = coneOf(inv.name);
        const key = systemStateKeyFor(config, cone, WATCHES[inv.name]);
        const seen = new Map<string, SystemState>();
        const compared = new Set<string>();
        for (const s of states) {
          const k = key(s);
          const first = seen.get(k);
          if (first === undefined) seen.set(k, s);
          else if (!compared.has(k) && JSON.stringify(first) !== JSON.stringify(s)) {
            compared.add(k);
            expect(O.isSome(inv.check(config, s))).toBe(O.isSome(inv.check(config, first)));
            expect(successorKeys(config, cone, s, WATCHES[inv.name])).toEqual(
              successorKeys(config, cone, first, WATCHES[inv.name]),
            );
          }
        }
      }
    },
  );

  test.prop({ set: setArb, ops: opsArb }, params)(
    "the core operations BFS skips (shard moves, routed requests) never change the key",
    ({ set, ops }) => {
      const config = configWith(set);
      const key = systemStateKeyFor(config, COMPONENTS);
      for (const s of systemStates(config, ops)) {
        for (const op of candidateOps(config, s.core).filter((o) => INVISIBLE_TO_DEPENDENTS.has(o.type))) {
          const r = systemStep(config, s, op);
          if (E.isRight(r)) expect(key(r.right)).toBe(key(s));
        }
      }
    },
  );

  test.prop({ set: setArb, ops: opsArb }, params)(
    "an invariant's cone: flags and events outside it change neither its key nor its verdict",
    ({ set, ops }) => {
      const config = configWith(set);
      for (const inv of SYSTEM_INVARIANTS) {
        const cone = coneOf(inv.name);
        const projected = configWith(coneRemediations(cone, set));
        const key = systemStateKeyFor(config, cone, WATCHES[inv.name]);
        const a = systemStates(config, ops);
        const b = systemStates(projected, ops);
        a.forEach((s, i) => {
          const t = b[i] as SystemState;
          expect(key(t)).toBe(key(s));
          expect(O.isSome(inv.check(projected, t))).toBe(O.isSome(inv.check(config, s)));
          const op = ops[i];
          if (
            op !== undefined &&
            op.type in OP_COMPONENT &&
            !cone.includes(OP_COMPONENT[op.type as keyof typeof OP_COMPONENT])
          ) {
            const next = a[i + 1] as SystemState;
            expect(key(next)).toBe(key(s));
          }
        });
      }
    },
  );
});
