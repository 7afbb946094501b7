// ---------------------------------------------------------------------------------------------------------
// specs/system/prove: the dependents' invariants whose claim is a bound, each as an inductive invariant named
// after the properties/dependents invariant it proves, and, for the other direction, a witness run: a run
// from the initial state, of a length given by the parameters, that Z3 shows reaches the bound's edge (or a
// violation) for every parameter value satisfying the run's side condition.
// ---------------------------------------------------------------------------------------------------------
import type { Arith, Bool } from "z3-solver";
import type { SystemInvariantName } from "../../../properties/dependents/index.ts";
import type {
  BufferEnc,
  BufferEvent,
  BufferFlags,
  BufferRemediation,
  BufferService,
  BufferVars,
} from "./encoding.ts";

/** An inductive invariant over the three services' state, and the safety invariant it implies. */
export interface BufferArgument {
  /** The properties/dependents invariant it proves. */
  readonly name: SystemInvariantName;
  /** What the inductive invariant says beyond the safety invariant (its strengthening), as a sentence. */
  readonly strengthening: string;
  readonly source: string;
  /** The services whose fields (and parameters) it reads: a counterexample shows only these. */
  readonly reads: ReadonlyArray<BufferService>;
  /** The side condition in words. */
  readonly sideConditionText: string;
  readonly sideCondition: (e: BufferEnc) => Bool;
  /** Inv: the safety invariant with its strengthening. */
  readonly invariant: (e: BufferEnc, a: BufferVars) => Bool;
  /** The safety invariant itself, as properties/dependents states it (its `check` finding nothing). */
  readonly safety: (e: BufferEnc, a: BufferVars) => Bool;
  /** Remediation sets any one of which makes the invariant hold (properties/dependents `remediedBy`, restricted). */
  readonly remediedBy: ReadonlyArray<ReadonlyArray<BufferRemediation>>;
}

/**
 * A run from the initial state: `length` events of one kind with Kinesis down, whose j-th state satisfies
 * `at(j)`, and whose last event ends in `end`. Proved by induction on j (docs/prove.md): the initial state is
 * `at(0)`, the event takes `at(j)` to `at(j + 1)` for j < length − 1, and from `at(length − 1)` to `end`.
 */
export interface WitnessRun {
  /** What the run shows, as a sentence. */
  readonly claim: string;
  readonly sideConditionText: string;
  readonly sideCondition: (e: BufferEnc) => Bool;
  readonly event: BufferEvent;
  /** How many events the run takes, from the parameters (≥ 1 under the side condition). */
  readonly length: (e: BufferEnc) => Arith;
  readonly at: (e: BufferEnc, a: BufferVars, j: Arith) => Bool;
  readonly end: (e: BufferEnc, a: BufferVars) => Bool;
  /** Under which remediations the run is the one to show. */
  readonly appliesTo: (flags: BufferFlags) => boolean;
}

/**
 * What the types cannot say (habit 12's wellFormed): every number of the services `reads` names is ≥ 0.
 * Part of every strengthening, so that a counterexample to induction shows no impossible negative count.
 */
const countsNonNegative = (e: BufferEnc, a: BufferVars, reads: ReadonlyArray<BufferService>): Bool =>
  e.z.And(
    ...reads.flatMap((service) =>
      Object.values(a[service]).flatMap((x: Arith | Bool) =>
        x.sort.name() === "Int" ? [(x as Arith).ge(0)] : [],
      ),
    ),
  );

// ---------------------------------------------------------------------------------------------------------
// Cognito (C1–C4, R9)
// ---------------------------------------------------------------------------------------------------------

const cognitoSafety = (e: BufferEnc, a: BufferVars): Bool =>
  e.z.And(e.z.Not(a.cognito.blocked), a.cognito.blockedRequests.eq(0));

/** properties/dependents/cognitoNeverBlocks.ts, with the buffer's fill within its room. */
export const cognitoNeverBlocks: BufferArgument = {
  name: "CognitoNeverBlocksOnKinesisBuffer",
  strengthening: "the buffer holds at most its capacity of records; every count is ≥ 0",
  source: "domain.md C1, C2, C4, R9 (MP9); model/dependents/cognito.ts",
  reads: ["cognito"],
  sideConditionText: "none: every buffer size, added capacity and record rate",
  sideCondition: (e) => e.z.Bool.val(true),
  invariant: (e, a) =>
    e.z.And(
      cognitoSafety(e, a),
      countsNonNegative(e, a, ["cognito"]),
      a.cognito.buffered.le(a.cognito.capacity),
    ),
  safety: cognitoSafety,
  remediedBy: [["cognitoNonBlockingBuffer"]],
};

/** Without R9, bufferRecords + 1 sign-ins with Kinesis down block the webservers (C2), whatever the numbers. */
export const cognitoBlocksWithoutR9: WitnessRun = {
  claim: "bufferRecords + 1 sign-ins with Kinesis down, from the initial state, block Cognito's webservers",
  sideConditionText: "none",
  sideCondition: (e) => e.z.Bool.val(true),
  event: "authRequested",
  length: (e) => e.p.bufferRecords.add(1),
  at: (e, a, j) =>
    e.z.And(
      a.cognito.buffered.eq(j),
      a.cognito.capacity.eq(e.p.bufferRecords),
      e.z.Not(a.cognito.blocked),
      a.cognito.blockedRequests.eq(0),
    ),
  end: (e, a) => e.z.Not(cognitoSafety(e, a)),
  appliesTo: (flags) => !flags.cognitoNonBlockingBuffer,
};

// ---------------------------------------------------------------------------------------------------------
// CloudWatch (W1, R6, R10)
// ---------------------------------------------------------------------------------------------------------

/** properties/dependents/cloudwatchLosesNoDatapoint.ts: no datapoint lost, past R10's horizon included. */
const cloudwatchSafety = (_e: BufferEnc, a: BufferVars): Bool => a.cloudwatch.lost.eq(0);

/**
 * R10's bound, strengthened with what the local store holds: a tick's datapoints for every tick of the
 * current impairment, up to the horizon (backlog = datapointsPerTick × min(impairedFor, localBufferTicks)).
 */
export const cloudwatchLosesNoDatapoint: BufferArgument = {
  name: "CloudWatchLosesNoDatapoint",
  strengthening:
    "the local store holds datapointsPerTick × min(impairedFor, localBufferTicks) datapoints, the current impairment is no longer than the longest, every count is ≥ 0",
  source: "domain.md W1, R6, R10; model/dependents/cloudwatch.ts",
  reads: ["cloudwatch"],
  sideConditionText:
    "none on the numbers, for every horizon and rate; under R6 the encoding takes CloudWatch's partition as up, so it assumes PartitionWithinThreadLimit (R6's own limit, checked by check and verify, not here)",
  sideCondition: (e) => e.z.Bool.val(true),
  invariant: (e, a) => {
    const { z, p } = e;
    const w = a.cloudwatch;
    const heldTicks = z.If(w.impairedFor.le(p.localBufferTicks), w.impairedFor, p.localBufferTicks);
    return z.And(
      cloudwatchSafety(e, a),
      countsNonNegative(e, a, ["cloudwatch"]),
      w.impairedFor.le(w.longestImpairment),
      w.backlog.eq(p.datapointsPerTick.mul(heldTicks)),
    );
  },
  safety: cloudwatchSafety,
  // Not R10 alone: its horizon is its own limit (cloudwatchLosesPastHorizon below is the witness).
  remediedBy: [["cloudwatchPartitionedFleet"]],
};

/**
 * R10's own limit (docs/remediation-limits.md): the horizon is tight. localBufferTicks + 1 ticks with Kinesis
 * down lose datapointsPerTick datapoints, in an impairment one tick longer than the horizon, which breaks
 * CloudWatchLosesNoDatapoint under R10 without R6.
 */
export const cloudwatchLosesPastHorizon: WitnessRun = {
  claim:
    "localBufferTicks + 1 ticks with Kinesis down, from the initial state, lose datapoints in an impairment of localBufferTicks + 1 ticks",
  sideConditionText: "datapointsPerTick ≥ 1 (else nothing is produced to lose)",
  sideCondition: (e) => e.p.datapointsPerTick.ge(1),
  event: "tick",
  length: (e) => e.p.localBufferTicks.add(1),
  at: (e, a, j) => {
    const w = a.cloudwatch;
    return e.z.And(
      w.backlog.eq(e.p.datapointsPerTick.mul(j)),
      w.lost.eq(0),
      w.impairedFor.eq(j),
      w.longestImpairment.eq(j),
    );
  },
  end: (e, a) =>
    e.z.And(e.z.Not(cloudwatchSafety(e, a)), a.cloudwatch.longestImpairment.eq(e.p.localBufferTicks.add(1))),
  appliesTo: (flags) => flags.cloudwatchLocalBuffer && !flags.cloudwatchPartitionedFleet,
};

/** Without R10 or R6, one tick with Kinesis down loses datapoints in a one-tick impairment (W1). */
export const cloudwatchLosesWithoutR10: WitnessRun = {
  claim: "one tick with Kinesis down, from the initial state, loses datapoints in a one-tick impairment",
  sideConditionText: "datapointsPerTick ≥ 1 (else nothing is produced to lose)",
  sideCondition: (e) => e.p.datapointsPerTick.ge(1),
  event: "tick",
  length: (e) => e.z.Int.val(1),
  at: (e, a) =>
    e.z.And(a.cloudwatch.lost.eq(0), a.cloudwatch.impairedFor.eq(0), a.cloudwatch.longestImpairment.eq(0)),
  end: (e, a) => e.z.Not(cloudwatchSafety(e, a)),
  appliesTo: (flags) => !flags.cloudwatchLocalBuffer && !flags.cloudwatchPartitionedFleet,
};

// ---------------------------------------------------------------------------------------------------------
// Lambda (L1, R11)
// ---------------------------------------------------------------------------------------------------------

const lambdaSafety = (e: BufferEnc, a: BufferVars): Bool =>
  e.z.And(a.lambda.metricBuffer.le(e.p.memoryThresholdUnits), a.lambda.failedInvocations.eq(0));

/** properties/dependents/lambdaUnaffected.ts, with no negative count. */
export const lambdaUnaffected: BufferArgument = {
  name: "LambdaUnaffectedByCloudWatch",
  strengthening: "every count of Lambda and CloudWatch is ≥ 0",
  source: "domain.md L1, R10, R11 (MP9); model/dependents/lambda.ts",
  reads: ["cloudwatch", "lambda"],
  sideConditionText:
    "none: every memory threshold and metric rate (under R6 alone, assuming PartitionWithinThreadLimit: the encoding takes CloudWatch's partition as up)",
  sideCondition: (e) => e.z.Bool.val(true),
  invariant: (e, a) => e.z.And(lambdaSafety(e, a), countsNonNegative(e, a, ["cloudwatch", "lambda"])),
  safety: lambdaSafety,
  remediedBy: [["lambdaBoundedMetricBuffer"], ["cloudwatchLocalBuffer"], ["cloudwatchPartitionedFleet"]],
};

/** Without R11, R10 or R6, memoryThresholdUnits + 1 ticks without CloudWatch put the host over its memory (L1). */
export const lambdaOverWithoutR11: WitnessRun = {
  claim:
    "memoryThresholdUnits + 1 ticks with Kinesis down, from the initial state, put Lambda's metric buffer over the host memory threshold",
  sideConditionText: "metricUnitsPerTick ≥ 1 (else nothing is buffered)",
  sideCondition: (e) => e.p.metricUnitsPerTick.ge(1),
  event: "tick",
  length: (e) => e.p.memoryThresholdUnits.add(1),
  at: (e, a, j) =>
    e.z.And(
      a.lambda.metricBuffer.eq(e.p.metricUnitsPerTick.mul(j)),
      a.lambda.metricBuffer.ge(j),
      a.cloudwatch.impairedFor.ge(0),
    ),
  end: (e, a) => e.z.Not(lambdaSafety(e, a)),
  appliesTo: (flags) =>
    !flags.lambdaBoundedMetricBuffer && !flags.cloudwatchLocalBuffer && !flags.cloudwatchPartitionedFleet,
};

export const BUFFER_ARGUMENTS: ReadonlyArray<{
  readonly argument: BufferArgument;
  readonly runs: ReadonlyArray<WitnessRun>;
}> = [
  { argument: cognitoNeverBlocks, runs: [cognitoBlocksWithoutR9] },
  { argument: cloudwatchLosesNoDatapoint, runs: [cloudwatchLosesPastHorizon, cloudwatchLosesWithoutR10] },
  { argument: lambdaUnaffected, runs: [lambdaOverWithoutR11] },
];

/** Whether the remediations on include one of the invariant's remedies: PROVED is then the expected verdict. */
export const remedied = (argument: BufferArgument, flags: BufferFlags): boolean =>
  argument.remediedBy.some((set) => set.every((r) => flags[r]));
