// ---------------------------------------------------------------------------------------------------------
// checker/verify: the canonical key of a system state (core fleet + dependents) for one dependent invariant,
// the visited-set entry of checker/verify/bfs.ts. Two reductions, both sound (equal keys mean the same
// future for the invariant) and both tested in systemKey.test.ts:
//
// 1. Cone of influence. A dependent reads the core fleet and the dependents upstream of it (model/system.ts,
//    `dependentsTick`), never those downstream or beside it. An invariant's cone is the dependents its check
//    reads plus everything upstream of them; the rest of the system cannot change its verdict, so the key keeps
//    only the cone, and dependent events outside it are not tried. Likewise only the remediation flags read by
//    the cone matter: `coneRemediations` (used to share one search between remediation sets that agree on them).
//
// 2. Abstraction of unbounded counters. The dependents count things forever (records delivered, requests
//    served) and remember ticks (`pendingSince = now`); the clock itself is unbounded. The key keeps:
//      - counters read only as "> 0" (lost, failed, blocked requests) as that bit; counters read by nothing
//        (delivered, served, dropped, posted, reactions, invocations, delayed events) not at all;
//      - remembered ticks as ages (now − then), and ages and run lengths capped one past the largest threshold
//        any guard, update or the invariant compares them with (beyond it every comparison gives the same answer
//        and the value never comes back below it except by a reset to 0 or null);
//      - the core fleet by its own key (stateKey.ts), after clearing what no dependent reads: per-frontend stale
//        shard bits and request counts (read only by routing and RoutesToCurrentOwner; they never change a
//        frontend's status or map, which is all the dependents see: model/dependents/kinesisHealth.ts).
//    Fields a later model adds to a dependent are kept whole as JSON, so the key never merges states that differ.
//    Fields that no step reads and only one invariant does (WATCHES) are kept only in that invariant's key.
// ---------------------------------------------------------------------------------------------------------
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediationName,
  type SystemConfig,
} from "../../model/dependents/config.ts";
import type { State } from "../../model/state.ts";
import type { DependentOpType, Dependents, SystemState } from "../../model/system.ts";
import type { SystemInvariantName } from "../../properties/dependents/index.ts";
import { stateKeyFor } from "../fleet/stateKey.ts";

export type Component = keyof Dependents;

/** Every dependent, in `dependentsTick` order. */
export const COMPONENTS: ReadonlyArray<Component> = [
  "cognito",
  "cloudwatch",
  "autoscaling",
  "lambda",
  "eventbridge",
  "dashboard",
  "customer",
  "healthCheck",
  "partition",
  "alarms",
];

/** What each dependent reads besides the core fleet (model/system.ts `dependentsTick`; domain.md's graph). */
export const UPSTREAM: { readonly [K in Component]: ReadonlyArray<Component> } = {
  cognito: [],
  // R6: CloudWatch's calls go to its partition when it has one (model/dependents/kinesisHealth.ts).
  cloudwatch: ["partition"],
  autoscaling: ["cloudwatch"],
  lambda: ["cloudwatch"],
  eventbridge: [],
  dashboard: ["cognito"],
  customer: [],
  healthCheck: [],
  partition: [],
  alarms: ["cloudwatch"],
};

/** The dependents each invariant's check reads (properties/dependents/*.ts). */
export const READS: { readonly [K in SystemInvariantName]: ReadonlyArray<Component> } = {
  CognitoNeverBlocksOnKinesisBuffer: ["cognito"],
  CloudWatchLosesNoDatapoint: ["cloudwatch"],
  AlarmsHaveData: ["cloudwatch"],
  AutoScalingReactsWithin: ["autoscaling"],
  LambdaUnaffectedByCloudWatch: ["lambda"],
  ProvisioningCompletesWithin: ["eventbridge"],
  StatusPostedWithin: ["dashboard"],
  CustomerIngestionSurvivesRegionalImpairment: ["customer"],
  NoRecoverySetback: ["healthCheck"],
  // Reads the core fleet only.
  CellLoadWithinCapacity: [],
  PartitionWithinThreadLimit: ["partition"],
  // R2: the alarms, and through them CloudWatch (whether the thread metric is readable).
  ThreadAlarmBeforeLimit: ["alarms"],
};

/**
 * The dependents whose invariant-only fields each invariant reads. Some fields are written by a dependent's
 * step and never read back by any step, only by one invariant: Cognito's blocked-request count (CognitoNever-
 * BlocksOnKinesisBuffer), CloudWatch's lost datapoints and longest impairment (CloudWatchLosesNoDatapoint),
 * Lambda's failed invocations (LambdaUnaffectedByCloudWatch), the customer's lost records (CustomerIngestion-
 * SurvivesRegionalImpairment). Another invariant's key leaves them out: they cannot change its verdict or any
 * step.
 */
export const WATCHES: { readonly [K in SystemInvariantName]: ReadonlyArray<Component> } = {
  CognitoNeverBlocksOnKinesisBuffer: ["cognito"],
  CloudWatchLosesNoDatapoint: ["cloudwatch"],
  AlarmsHaveData: [],
  AutoScalingReactsWithin: [],
  LambdaUnaffectedByCloudWatch: ["lambda"],
  ProvisioningCompletesWithin: [],
  StatusPostedWithin: [],
  CustomerIngestionSurvivesRegionalImpairment: ["customer"],
  NoRecoverySetback: ["healthCheck"],
  CellLoadWithinCapacity: [],
  PartitionWithinThreadLimit: [],
  ThreadAlarmBeforeLimit: [],
};

/**
 * The dependent each remediation flag is read by (model/dependents/*.ts). R6 is read by CloudWatch and by the
 * partition (whose growth it enables); every cone holding CloudWatch holds the partition (UPSTREAM), so naming
 * the partition counts R6 in both.
 */
export const REMEDIATION_COMPONENT: { readonly [K in DependentRemediationName]: Component } = {
  cognitoNonBlockingBuffer: "cognito",
  cloudwatchLocalBuffer: "cloudwatch",
  cloudwatchPartitionedFleet: "partition",
  eventbridgePartitionedFleet: "eventbridge",
  lambdaBoundedMetricBuffer: "lambda",
  dashboardBackupPath: "dashboard",
  customerStandbyStream: "customer",
  customerAutomaticFailover: "customer",
  threadAlarm: "alarms",
};

/** The dependent each dependent event changes (model/system.ts `systemStepWithEffects`). */
export const OP_COMPONENT: { readonly [K in DependentOpType]: Component } = {
  authRequested: "cognito",
  cognitoCapacityAdded: "cognito",
  loadChanged: "autoscaling",
  functionInvoked: "lambda",
  clusterRequested: "eventbridge",
  statusPostStarted: "dashboard",
  frontendJudgedUnhealthy: "healthCheck",
  partitionCapacityAdded: "partition",
};

/** The invariant's cone of influence: what it reads and everything upstream of that, in `COMPONENTS` order. */
export const coneOf = (inv: SystemInvariantName): ReadonlyArray<Component> => {
  const cone = new Set<Component>();
  const add = (c: Component): void => {
    if (cone.has(c)) return;
    cone.add(c);
    for (const u of UPSTREAM[c]) add(u);
  };
  for (const c of READS[inv]) add(c);
  return COMPONENTS.filter((c) => cone.has(c));
};

/** The remediation flags of `names` the cone reads, in declaration order: remediation sets that agree on these give the invariant the same verdict. */
export const coneRemediations = (
  cone: ReadonlyArray<Component>,
  names: ReadonlyArray<DependentRemediationName>,
): ReadonlyArray<DependentRemediationName> =>
  DEPENDENT_REMEDIATION_NAMES.filter((n) => names.includes(n) && cone.includes(REMEDIATION_COMPONENT[n]));

// ---------------------------------------------------------------------------------------------------------
// the per-dependent keys
// ---------------------------------------------------------------------------------------------------------

const bit = (n: number): number => (n > 0 ? 1 : 0);

const cap = (n: number, limit: number): number => Math.min(n, limit);

/** A remembered tick as its age now, capped; -1 for none. */
const age = (then: number | null, now: number, limit: number): number =>
  then === null ? -1 : cap(now - then, limit);

/** JSON of the fields of `o` outside `known` ("" when none): kept whole so unknown fields never merge states. */
const rest = (o: object, known: ReadonlyArray<string>): string => {
  // Fast path: the types give every known field, so as many keys as known fields means no others.
  if (Object.keys(o).length === known.length) return "";
  const extra = Object.entries(o).filter(([k]) => !known.includes(k));
  return extra.length === 0 ? "" : JSON.stringify(extra);
};

/** `watched`: keep the fields only an invariant reads (WATCHES); "-" stands for them otherwise. */
type Part = (config: SystemConfig, d: Dependents, now: number, watched: boolean) => string;

/** A field only an invariant reads, or "-" when the key is for an invariant that does not. */
const only = (watched: boolean, n: number): string => (watched ? String(n) : "-");

/** Per dependent: the numbers that matter, then any unknown fields. The caps are explained beside each. */
const PARTS: { readonly [K in Component]: Part } = {
  // C1–C3: buffered ≤ capacity; blockedRequests read only as > 0; dropped and served by nothing.
  cognito: (_, { cognito: c }, _now, watched) =>
    `${c.buffered},${c.capacity},${+c.capacityAdded},${+c.blocked},${only(watched, bit(c.blockedRequests))}${rest(
      c,
      ["buffered", "capacity", "capacityAdded", "blocked", "blockedRequests", "dropped", "served"],
    )}`,
  // W1/R10: backlog ≤ the store; lost read as > 0; sinceReadable compared with 0 and alarmMissingTicks;
  // impairedFor with 0 and (through longestImpairment) the horizon; delivered read by nothing.
  cloudwatch: (config, { cloudwatch: c }, _now, watched) => {
    const p = config.dependents.cloudwatch;
    const h = p.localBufferTicks + 1;
    return `${c.backlog},${only(watched, bit(c.lost))},${cap(c.sinceReadable, Math.max(1, p.alarmMissingTicks))},${c.alarm},${cap(
      c.impairedFor,
      h,
    )},${only(watched, cap(c.longestImpairment, h))}${rest(c, [
      "backlog",
      "lost",
      "delivered",
      "sinceReadable",
      "alarm",
      "impairedFor",
      "longestImpairment",
    ])}`;
  },
  // A1: the pending change's age is compared with reactWithinTicks only.
  autoscaling: (config, { autoscaling: a }, now) =>
    `${age(a.pendingSince, now, config.dependents.autoscaling.reactWithinTicks + 1)}${rest(a, [
      "pendingSince",
      "reactions",
    ])}`,
  // L1/R11: the buffer is compared with the threshold (and bounded at it under R11); failures read as > 0.
  lambda: (config, { lambda: l }, _now, watched) =>
    `${cap(l.metricBuffer, config.dependents.lambda.memoryThresholdUnits + 1)},${only(watched, bit(l.failedInvocations))}${rest(
      l,
      ["metricBuffer", "droppedMetrics", "failedInvocations", "invocations"],
    )}`,
  // E2: each waiting request's age is compared with provisionWithinTicks only; the counts are read by nothing.
  eventbridge: (config, { eventbridge: e }, now) => {
    const limit = config.dependents.eventbridge.provisionWithinTicks + 1;
    return `${age(e.pendingSince.ecs, now, limit)},${age(e.pendingSince.eks, now, limit)}${rest(e, [
      "delayedEvents",
      "pendingSince",
      "provisioned",
    ])}${rest(e.pendingSince, ["ecs", "eks"])}`;
  },
  // H1/R12: the post's age is compared with the backup tool's ticks (both settings) and postWithinTicks.
  dashboard: (config, { dashboard: d }, now) => {
    const p = config.dependents.dashboard;
    const limit = Math.max(p.backupTicksUntrained, p.backupTicksTrained, p.postWithinTicks + 1);
    return `${age(d.postStartedAt, now, limit)}${rest(d, ["postStartedAt", "posted", "viaBackup"])}`;
  },
  // Seed 000: buffered ≤ the producer's buffer; lost read as > 0; failingFor compared with detectTicks and
  // resumeWithinTicks; the approval's age with approvalTicks; delivered read by nothing.
  customer: (config, { customer: c }, now, watched) => {
    const p = config.dependents.customer;
    return `${c.buffered},${only(watched, bit(c.lost))},${cap(c.failingFor, Math.max(p.detectTicks, p.resumeWithinTicks + 1))},${age(
      c.approvalAskedAt,
      now,
      p.approvalTicks,
    )},${+c.onStandby}${rest(c, ["buffered", "lost", "delivered", "failingFor", "approvalAskedAt", "onStandby"])}`;
  },
  // K11: the setbacks are read only by NoRecoverySetback, as "> 0"; no step reads them.
  healthCheck: (_config, { healthCheck: h }, _now, watched) =>
    `${only(watched, bit(h.removedUnhealthy))}${rest(h, ["removedUnhealthy"])}`,
  // R6: the partition's size is bounded by the plan (maxFrontends) and read by CloudWatch's tick and the invariant.
  partition: (_config, { partition: p }) => `${p.frontends}${rest(p, ["frontends"])}`,
  // K9/R2: a step only sets an alarm's tick while it is null, and ThreadAlarmBeforeLimit reads it as "fired
  // yet": whether each has fired is all that matters; the tick itself is read by the replay only.
  alarms: (_config, { alarms: a }) =>
    `${+(a.errorAlarmAt !== null)},${+(a.threadAlarmAt !== null)}${rest(a, ["errorAlarmAt", "threadAlarmAt"])}`,
};

/**
 * The core fleet without what no dependent reads: stale shard bits and request counts (with no stale bit, the
 * core key also drops the shards' move ages and the last request: stateKey.ts keeps them only for stale entries).
 */
const coreSeenByDependents = (core: State): State => ({
  ...core,
  frontends: core.frontends.map((f) => (f.staleShards === 0 ? f : { ...f, staleShards: 0 })),
  requests: { succeeded: 0, failed: 0, misrouted: 0 },
});

/**
 * A key function for one cone under `config`: equal keys mean the same future for the cone (see the header).
 * `watched`: the dependents whose invariant-only fields are kept (WATCHES[inv] for one invariant; by default the
 * whole cone, which is sound for every invariant on it).
 */
export const systemStateKeyFor = (
  config: SystemConfig,
  cone: ReadonlyArray<Component>,
  watched: ReadonlyArray<Component> = cone,
): ((s: SystemState) => string) => {
  const key = stateKeyFor(config);
  // Dependent events leave the core object as it was, so its key is looked up rather than recomputed.
  const cache = new WeakMap<State, string>();
  const coreKey = (core: State): string => {
    const hit = cache.get(core);
    if (hit !== undefined) return hit;
    const k = key(coreSeenByDependents(core));
    cache.set(core, k);
    return k;
  };
  return (s) =>
    [
      coreKey(s.core),
      ...cone.map((c) => PARTS[c](config, s.dependents, s.core.tick, watched.includes(c))),
      rest(s.dependents, COMPONENTS),
      rest(s, ["core", "dependents"]),
    ].join("|");
};
