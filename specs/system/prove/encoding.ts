// ---------------------------------------------------------------------------------------------------------
// specs/system/prove: three dependents' buffers (Cognito, CloudWatch, Lambda) as SMT formulas over symbolic
// parameters, for the invariants whose claim is a bound (docs/prove.md "The dependents").
//
// The abstraction. The three services' states are kept whole, field for field (model/dependents/cognito.ts,
// cloudwatch.ts, lambda.ts), and every number of their config is an unbounded integer ≥ 0 (the decoder's
// domain, model/dependents/configDecoder.ts). What is abstracted away is the fleet: whether Kinesis serves the
// dependents (model/dependents/kinesisHealth.ts `mainFleetAvailable`) is a FREE Boolean input to every event
// that reads it, so the formulas allow every pattern of Kinesis outages, the 2020 one among them. Each event's
// formula gives the successor the model function named beside it computes for every value of that input: an
// over-approximation of `systemStep` on these fields (exact but for the input). The system's other
// operations leave these fields alone (model/system.ts: a core operation other than `tick` keeps the
// dependents; AutoScaling's, EventBridge's and the dashboard's events touch only their own services), so they
// preserve every invariant below and need no query.
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool } from "z3-solver";
import type { DependentRemediations } from "../../../model/dependents/config.ts";
import type { Z3 } from "../../prove/z3.ts";

/** The dependents' remediations that change what these three buffers do. */
export type BufferRemediation =
  | "cognitoNonBlockingBuffer"
  | "cloudwatchLocalBuffer"
  | "cloudwatchPartitionedFleet"
  | "lambdaBoundedMetricBuffer";

export const BUFFER_REMEDIATIONS: ReadonlyArray<BufferRemediation> = [
  "cognitoNonBlockingBuffer",
  "cloudwatchLocalBuffer",
  "cloudwatchPartitionedFleet",
  "lambdaBoundedMetricBuffer",
];

export type BufferFlags = Pick<DependentRemediations, BufferRemediation>;

/** The symbolic parameters: `DependentsConfig`'s numbers for the three services (model/dependents/config.ts). */
export interface BufferParams {
  readonly recordsPerTick: Arith;
  readonly bufferRecords: Arith;
  readonly addedCapacityRecords: Arith;
  readonly datapointsPerTick: Arith;
  readonly localBufferTicks: Arith;
  readonly alarmMissingTicks: Arith;
  readonly metricUnitsPerTick: Arith;
  readonly memoryThresholdUnits: Arith;
}

/** model/dependents/cognito.ts `CognitoState`, field for field. */
export interface CognitoVars {
  readonly buffered: Arith;
  readonly capacity: Arith;
  readonly capacityAdded: Bool;
  readonly blocked: Bool;
  readonly blockedRequests: Arith;
  readonly dropped: Arith;
  readonly served: Arith;
}

/** model/dependents/cloudwatch.ts `CloudWatchState`; `insufficientData` is `alarm === "INSUFFICIENT_DATA"`. */
export interface CloudWatchVars {
  readonly backlog: Arith;
  readonly lost: Arith;
  readonly delivered: Arith;
  readonly sinceReadable: Arith;
  readonly insufficientData: Bool;
  readonly impairedFor: Arith;
  readonly longestImpairment: Arith;
}

/** model/dependents/lambda.ts `LambdaState`. */
export interface LambdaVars {
  readonly metricBuffer: Arith;
  readonly droppedMetrics: Arith;
  readonly failedInvocations: Arith;
  readonly invocations: Arith;
}

/** The three services' part of `Dependents` (model/system.ts). */
export interface BufferVars {
  readonly cognito: CognitoVars;
  readonly cloudwatch: CloudWatchVars;
  readonly lambda: LambdaVars;
}

/** Formulas built over one context, for one set of remediations (each a constant, as the fleet's flags are). */
export interface BufferEnc {
  readonly z: Z3;
  readonly flags: BufferFlags;
  readonly p: BufferParams;
}

/** The three services, as `BufferVars` keys. */
export type BufferService = keyof BufferVars;

/** Which service each parameter belongs to (model/dependents/config.ts `DependentsConfig`). */
export const PARAM_SERVICE: { readonly [K in keyof BufferParams]: BufferService } = {
  recordsPerTick: "cognito",
  bufferRecords: "cognito",
  addedCapacityRecords: "cognito",
  datapointsPerTick: "cloudwatch",
  localBufferTicks: "cloudwatch",
  alarmMissingTicks: "cloudwatch",
  metricUnitsPerTick: "lambda",
  memoryThresholdUnits: "lambda",
};

const PARAM_NAMES = Object.keys(PARAM_SERVICE) as ReadonlyArray<keyof BufferParams>;

export const bufferEncoding = (z: Z3, flags: BufferFlags): BufferEnc => ({
  z,
  flags,
  p: Object.fromEntries(PARAM_NAMES.map((n) => [n, z.Int.const(n)])) as unknown as BufferParams,
});

/** The three services' state as unknowns named `service.field` plus `suffix` (`'` for the successor). */
export const bufferVarsIn = (z: Z3, suffix: string): BufferVars => {
  const int = (name: string) => z.Int.const(`${name}${suffix}`);
  const bool = (name: string) => z.Bool.const(`${name}${suffix}`);
  return {
    cognito: {
      buffered: int("cognito.buffered"),
      capacity: int("cognito.capacity"),
      capacityAdded: bool("cognito.capacityAdded"),
      blocked: bool("cognito.blocked"),
      blockedRequests: int("cognito.blockedRequests"),
      dropped: int("cognito.dropped"),
      served: int("cognito.served"),
    },
    cloudwatch: {
      backlog: int("cloudwatch.backlog"),
      lost: int("cloudwatch.lost"),
      delivered: int("cloudwatch.delivered"),
      sinceReadable: int("cloudwatch.sinceReadable"),
      insufficientData: bool("cloudwatch.insufficientData"),
      impairedFor: int("cloudwatch.impairedFor"),
      longestImpairment: int("cloudwatch.longestImpairment"),
    },
    lambda: {
      metricBuffer: int("lambda.metricBuffer"),
      droppedMetrics: int("lambda.droppedMetrics"),
      failedInvocations: int("lambda.failedInvocations"),
      invocations: int("lambda.invocations"),
    },
  };
};

// ---------------------------------------------------------------------------------------------------------
// the functional layer
// ---------------------------------------------------------------------------------------------------------

/** model/dependents/configDecoder.ts: every number of the dependents' config an integer ≥ 0. */
export const decoderDomain = ({ z, p }: BufferEnc): Bool => z.And(...PARAM_NAMES.map((n) => p[n].ge(0)));

const max = (e: BufferEnc, a: Arith, b: Arith): Arith => e.z.If(a.ge(b), a, b);
const min = (e: BufferEnc, a: Arith, b: Arith): Arith => e.z.If(a.le(b), a, b);

/** Every field of `post` equal to the term `next` gives for it. */
const equalFields = (e: BufferEnc, post: BufferVars, next: BufferVars): Bool => {
  const eq = <T extends object>(a: T, b: T): ReadonlyArray<Bool> =>
    Object.keys(a).map((k) => {
      const x = a[k as keyof T] as Arith | Bool;
      const y = b[k as keyof T] as Arith | Bool;
      return (x as Arith).eq(y as Arith);
    });
  return e.z.And(
    ...eq(post.cognito, next.cognito),
    ...eq(post.cloudwatch, next.cloudwatch),
    ...eq(post.lambda, next.lambda),
  );
};

// ---------------------------------------------------------------------------------------------------------
// the state machine: model/system.ts `initialSystemState` and the events that change these fields
// ---------------------------------------------------------------------------------------------------------

/** `initialCognito`, `initialCloudWatch`, `initialLambda`: empty buffers, nothing counted, alarms OK. */
export const initial = (e: BufferEnc, a: BufferVars): Bool => {
  const { z, p } = e;
  const c = a.cognito;
  const w = a.cloudwatch;
  const l = a.lambda;
  return z.And(
    c.buffered.eq(0),
    c.capacity.eq(p.bufferRecords),
    z.Not(c.capacityAdded),
    z.Not(c.blocked),
    c.blockedRequests.eq(0),
    c.dropped.eq(0),
    c.served.eq(0),
    ...[w.backlog, w.lost, w.delivered, w.sinceReadable, w.impairedFor, w.longestImpairment].map((x) =>
      x.eq(0),
    ),
    z.Not(w.insufficientData),
    ...[l.metricBuffer, l.droppedMetrics, l.failedInvocations, l.invocations].map((x) => x.eq(0)),
  );
};

/** cognito.ts `emit`: `records` more usage records while Kinesis is down; a full buffer drops (R9) or blocks (C2). */
const cognitoEmit = (e: BufferEnc, c: CognitoVars, records: Arith): CognitoVars => {
  const { z } = e;
  const room = c.capacity.sub(c.buffered);
  const fits = records.le(room);
  const nonBlocking = e.flags.cognitoNonBlockingBuffer;
  return {
    ...c,
    buffered: z.If(fits, c.buffered.add(records), c.capacity),
    dropped: nonBlocking ? z.If(fits, c.dropped, c.dropped.add(records).sub(room)) : c.dropped,
    // R9/C4: the non-blocking buffer releases blocked webservers (a mid-event deployment, cognito.ts).
    blocked: nonBlocking ? z.Bool.val(false) : z.Or(c.blocked, z.Not(fits)),
  };
};

/** cognito.ts `cognitoTick`: drained and unblocked when Kinesis is up, else a tick's records emitted. */
const cognitoTick = (e: BufferEnc, c: CognitoVars, kinesisUp: Bool): CognitoVars => {
  const { z } = e;
  const down = cognitoEmit(e, c, e.p.recordsPerTick);
  return {
    ...down,
    buffered: z.If(kinesisUp, 0, down.buffered) as Arith,
    dropped: z.If(kinesisUp, c.dropped, down.dropped) as Arith,
    blocked: z.If(kinesisUp, false, down.blocked) as Bool,
  };
};

/** cloudwatch.ts `cloudwatchTick`: delivered when its path is up; else stored locally (R10) or lost (W1). */
const cloudwatchTick = (e: BufferEnc, w: CloudWatchVars, up: Bool): CloudWatchVars => {
  const { z, p } = e;
  const impairedFor = w.impairedFor.add(1);
  const longestImpairment = max(e, w.longestImpairment, impairedFor);
  const room = p.localBufferTicks.mul(p.datapointsPerTick);
  const held = w.backlog.add(p.datapointsPerTick);
  const since = w.sinceReadable.add(1);
  const down: CloudWatchVars = e.flags.cloudwatchLocalBuffer
    ? {
        ...w,
        impairedFor,
        longestImpairment,
        backlog: min(e, held, room),
        lost: w.lost.add(max(e, held.sub(room), z.Int.val(0))),
        sinceReadable: z.Int.val(0),
        insufficientData: z.Bool.val(false),
      }
    : {
        ...w,
        impairedFor,
        longestImpairment,
        lost: w.lost.add(p.datapointsPerTick),
        sinceReadable: since,
        insufficientData: z.Or(w.insufficientData, since.ge(p.alarmMissingTicks)),
      };
  const upNext: CloudWatchVars = {
    ...w,
    backlog: z.Int.val(0),
    delivered: w.delivered.add(w.backlog).add(p.datapointsPerTick),
    sinceReadable: z.Int.val(0),
    insufficientData: z.Bool.val(false),
    impairedFor: z.Int.val(0),
  };
  const pick = <K extends keyof CloudWatchVars>(k: K): CloudWatchVars[K] =>
    z.If(up, upNext[k] as Arith, down[k] as Arith) as unknown as CloudWatchVars[K];
  return {
    backlog: pick("backlog"),
    lost: pick("lost"),
    delivered: pick("delivered"),
    sinceReadable: pick("sinceReadable"),
    insufficientData: z.If(up, upNext.insufficientData, down.insufficientData) as Bool,
    impairedFor: pick("impairedFor"),
    longestImpairment: pick("longestImpairment"),
  };
};

/** cloudwatch.ts `acceptsPuts`, after CloudWatch's tick. */
const acceptsPuts = (e: BufferEnc, w: CloudWatchVars): Bool =>
  e.flags.cloudwatchLocalBuffer ? e.z.Bool.val(true) : w.impairedFor.eq(0);

/** lambda.ts `lambdaTick`: flushed when CloudWatch accepts; else a tick's units held, capped under R11. */
const lambdaTick = (e: BufferEnc, l: LambdaVars, accepts: Bool): LambdaVars => {
  const { z, p } = e;
  const grown = l.metricBuffer.add(p.metricUnitsPerTick);
  const capped = z.And(z.Bool.val(e.flags.lambdaBoundedMetricBuffer), grown.gt(p.memoryThresholdUnits));
  return {
    ...l,
    metricBuffer: z.If(accepts, 0, z.If(capped, p.memoryThresholdUnits, grown)) as Arith,
    droppedMetrics: z.If(
      z.And(z.Not(accepts), capped),
      l.droppedMetrics.add(grown).sub(p.memoryThresholdUnits),
      l.droppedMetrics,
    ) as Arith,
  };
};

/**
 * model/system.ts `dependentsTick` on the three services: Cognito reads the main fleet, CloudWatch its own
 * path to Kinesis (under R6 its partition, taken as up: the partition's own thread limit is not encoded, so a
 * proof under R6 assumes PartitionWithinThreadLimit; model/dependents/kinesisHealth.ts), Lambda whether
 * CloudWatch accepts puts after its tick.
 */
export const tick = (e: BufferEnc, pre: BufferVars, post: BufferVars, kinesisUp: Bool): Bool => {
  const cloudwatchUp = e.flags.cloudwatchPartitionedFleet ? e.z.Bool.val(true) : kinesisUp;
  const cloudwatch = cloudwatchTick(e, pre.cloudwatch, cloudwatchUp);
  return equalFields(e, post, {
    cognito: cognitoTick(e, pre.cognito, kinesisUp),
    cloudwatch,
    lambda: lambdaTick(e, pre.lambda, acceptsPuts(e, cloudwatch)),
  });
};

/** cognito.ts `authRequested`: served when Kinesis is up; else one record emitted, and a blocked sign-in fails. */
export const authRequested = (e: BufferEnc, pre: BufferVars, post: BufferVars, kinesisUp: Bool): Bool => {
  const { z } = e;
  const c = pre.cognito;
  const after = cognitoEmit(e, c, z.Int.val(1));
  const failed = z.And(z.Not(kinesisUp), after.blocked);
  return equalFields(e, post, {
    ...pre,
    cognito: {
      ...c,
      buffered: z.If(kinesisUp, c.buffered, after.buffered) as Arith,
      dropped: z.If(kinesisUp, c.dropped, after.dropped) as Arith,
      blocked: z.If(kinesisUp, c.blocked, after.blocked) as Bool,
      blockedRequests: z.If(failed, c.blockedRequests.add(1), c.blockedRequests) as Arith,
      served: z.If(failed, c.served, c.served.add(1)) as Arith,
    },
  });
};

/** cognito.ts `cognitoCapacityAdded`: enabled once (the guard); the buffer grows by the added room (C3). */
export const cognitoCapacityAdded = (e: BufferEnc, pre: BufferVars, post: BufferVars): Bool => {
  const { z } = e;
  const c = pre.cognito;
  return z.And(
    z.Not(c.capacityAdded),
    equalFields(e, post, {
      ...pre,
      cognito: { ...c, capacityAdded: z.Bool.val(true), capacity: c.capacity.add(e.p.addedCapacityRecords) },
    }),
  );
};

/** lambda.ts `functionInvoked`: it errors while the buffer is over the memory threshold (L1). */
export const functionInvoked = (e: BufferEnc, pre: BufferVars, post: BufferVars): Bool => {
  const { z } = e;
  const l = pre.lambda;
  const contended = l.metricBuffer.gt(e.p.memoryThresholdUnits);
  return equalFields(e, post, {
    ...pre,
    lambda: {
      ...l,
      failedInvocations: z.If(contended, l.failedInvocations.add(1), l.failedInvocations) as Arith,
      invocations: z.If(contended, l.invocations, l.invocations.add(1)) as Arith,
    },
  });
};

/** The system's operations that change these fields, each with its free input (Kinesis up) if it reads one. */
export type BufferEvent = "tick" | "authRequested" | "cognitoCapacityAdded" | "functionInvoked";

export const BUFFER_EVENTS: ReadonlyArray<{
  readonly name: BufferEvent;
  readonly relation: (e: BufferEnc, pre: BufferVars, post: BufferVars, kinesisUp: Bool) => Bool;
}> = [
  { name: "tick", relation: tick },
  { name: "authRequested", relation: authRequested },
  { name: "cognitoCapacityAdded", relation: (e, a, b) => cognitoCapacityAdded(e, a, b) },
  { name: "functionInvoked", relation: (e, a, b) => functionInvoked(e, a, b) },
];
