// ---------------------------------------------------------------------------------------------------------
// The dependents' SMT formulas agree with the model (specs/system/prove/agreement.ts): drawn parameters,
// remediations, states of Cognito, CloudWatch and Lambda (any values, reachable or not), Kinesis up or down
// and an event; the model's successor satisfies the event's formula and is the only one that does, and a
// refused event has no successor in the formula. A planted step shows the property can fail. Z3 starts once.
// ---------------------------------------------------------------------------------------------------------
import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { beforeAll, describe, expect } from "vitest";
import { initialCloudWatch } from "../../../model/dependents/cloudwatch.ts";
import { initialLambda } from "../../../model/dependents/lambda.ts";
import { systemStep } from "../../../model/system.ts";
import { type Z3, z3Context } from "../../prove/z3.ts";
import { type AgreementCase, agreesOn, type SystemStepFn } from "./agreement.ts";
import { BUFFER_EVENTS, BUFFER_REMEDIATIONS, type BufferFlags } from "./encoding.ts";

let z: Z3;

beforeAll(async () => {
  z = await z3Context();
}, 60_000);

const small = fc.nat({ max: 6 });

const caseArb: fc.Arbitrary<AgreementCase> = fc.record({
  numbers: fc.record({
    recordsPerTick: small,
    bufferRecords: small,
    addedCapacityRecords: small,
    datapointsPerTick: small,
    localBufferTicks: small,
    alarmMissingTicks: small,
    metricUnitsPerTick: small,
    memoryThresholdUnits: small,
  }),
  flags: fc.record(
    Object.fromEntries(BUFFER_REMEDIATIONS.map((r) => [r, fc.boolean()])) as {
      readonly [K in keyof BufferFlags]: fc.Arbitrary<boolean>;
    },
  ),
  state: fc.record({
    cognito: fc.record({
      buffered: fc.nat({ max: 12 }),
      capacity: fc.nat({ max: 12 }),
      capacityAdded: fc.boolean(),
      blocked: fc.boolean(),
      blockedRequests: small,
      dropped: small,
      served: small,
    }),
    cloudwatch: fc.record({
      backlog: fc.nat({ max: 40 }),
      lost: small,
      delivered: small,
      sinceReadable: small,
      alarm: fc.constantFrom("OK" as const, "INSUFFICIENT_DATA" as const),
      impairedFor: fc.nat({ max: 8 }),
      longestImpairment: fc.nat({ max: 8 }),
    }),
    lambda: fc.record({
      metricBuffer: fc.nat({ max: 12 }),
      droppedMetrics: small,
      failedInvocations: small,
      invocations: small,
    }),
  }),
  kinesisUp: fc.boolean(),
  event: fc.constantFrom(...BUFFER_EVENTS.map((x) => x.name)),
});

describe("the dependents' SMT formulas are the model", () => {
  test.prop({ c: caseArb }, { numRuns: 150 })(
    "each event's formula holds of systemStep's successor, of no other, and of none when it refuses",
    async ({ c }) => {
      expect(await agreesOn(z, c)).toEqual({ agrees: true });
    },
    60_000,
  );

  test("a planted step whose Cognito never blocks, even without R9, disagrees with the formula", async () => {
    const planted: SystemStepFn = (config, s, op) =>
      E.map((next: typeof s) => ({
        ...next,
        dependents: { ...next.dependents, cognito: { ...next.dependents.cognito, blocked: false } },
      }))(systemStep(config, s, op));
    const c: AgreementCase = {
      numbers: {
        recordsPerTick: 2,
        bufferRecords: 1,
        addedCapacityRecords: 0,
        datapointsPerTick: 1,
        localBufferTicks: 1,
        alarmMissingTicks: 1,
        metricUnitsPerTick: 1,
        memoryThresholdUnits: 1,
      },
      flags: {
        cognitoNonBlockingBuffer: false,
        cloudwatchLocalBuffer: false,
        cloudwatchPartitionedFleet: false,
        lambdaBoundedMetricBuffer: false,
      },
      state: {
        cognito: {
          buffered: 1,
          capacity: 1,
          capacityAdded: false,
          blocked: false,
          blockedRequests: 0,
          dropped: 0,
          served: 0,
        },
        cloudwatch: initialCloudWatch,
        lambda: initialLambda,
      },
      kinesisUp: false,
      event: "tick",
    };
    expect(await agreesOn(z, c)).toEqual({ agrees: true });
    expect(await agreesOn(z, c, planted)).toMatchObject({
      agrees: false,
      why: "the model's successor does not satisfy the formula",
    });
  });
});
