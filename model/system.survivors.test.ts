// systemStep's dependent events and a tick's effects, each pinned by a worked example on the as-was system.
// Written for issue 7: StrykerJS showed that dropping a dependent's update, the tick's effects, or a refusal's
// reason went unnoticed by the existing tests.

import * as E from "fp-ts/lib/Either.js";
import { describe, expect, test } from "vitest";
import { appliedSystem } from "../test/trace.ts";
import { asWasSystem } from "./dependents/asWas.ts";
import { mainFleetAvailable } from "./dependents/kinesisHealth.ts";
import { type SystemOp, type SystemState, systemStep, systemStepWithEffects } from "./system.ts";

/** Applies `ops` with the real `systemStep`; every op must be enabled. */
const run = (ops: ReadonlyArray<SystemOp>, from?: SystemState): SystemState =>
  appliedSystem(asWasSystem, ops, from);

const reasonOf = (s: SystemState, op: SystemOp): string | undefined => {
  const r = systemStep(asWasSystem, s, op);
  return E.isLeft(r) ? r.left.reason : undefined;
};

/**
 * K16 → K2/K8: one server added, and every 2020 frontend learns of it, passes the thread limit and holds a
 * useless shard-map: no serving frontend can route, so Kinesis is down for the dependents (C1, W1, E1).
 */
const outage: SystemState = run([
  { type: "capacityAdded", count: 1 },
  ...Array.from({ length: 8 }, (_, frontend): SystemOp => ({ type: "peerLearned", frontend })),
]);

describe("a tick's effects (habit 10)", () => {
  test("the first tick of the outage reports what each buffering dependent did, in dependency order", () => {
    expect(mainFleetAvailable(asWasSystem, outage.core)).toBe(false);
    const r = systemStepWithEffects(asWasSystem, outage, { type: "tick" });
    if (E.isLeft(r)) throw new Error("a tick is always enabled");
    expect(r.right.effects).toEqual([
      // C1: one usage record goes into Cognito's buffer (12 records of room).
      { _tag: "Buffered", service: "cognito", count: 1 },
      // W1: with no local store, this tick's datapoint is lost.
      { _tag: "Lost", service: "cloudwatch", count: 1 },
      // L1: CloudWatch refuses puts, so the Lambda metric agent buffers one unit in host memory.
      { _tag: "Buffered", service: "lambda", count: 1 },
      // Seed 000: the customer's producer holds its record.
      { _tag: "Buffered", service: "customer", count: 1 },
    ]);
  });
});

describe("dependent events update their dependent", () => {
  test("C2: a sign-in with Kinesis up is served", () => {
    const s = run([{ type: "authRequested" }, { type: "authRequested" }]);
    expect(s.dependents.cognito.served).toBe(2);
    expect(s.dependents.cognito.buffered).toBe(0);
  });

  test("C1/C2: a sign-in during the outage puts a usage record in Cognito's buffer", () => {
    const s = run([{ type: "authRequested" }], outage);
    expect(s.dependents.cognito).toMatchObject({ served: 1, buffered: 1 });
  });

  test("L1: an invocation on a healthy host runs", () => {
    const s = run([{ type: "functionInvoked" }, { type: "functionInvoked" }, { type: "functionInvoked" }]);
    expect(s.dependents.lambda).toEqual({
      metricBuffer: 0,
      droppedMetrics: 0,
      failedInvocations: 0,
      invocations: 3,
    });
  });
});

describe("refusals name why (habit 7)", () => {
  test("C3: Cognito's capacity is added once; a second addition is refused with its reason", () => {
    const once = run([{ type: "cognitoCapacityAdded" }]);
    expect(once.dependents.cognito.capacity).toBe(12 + 9);
    expect(reasonOf(once, { type: "cognitoCapacityAdded" })).toBe(
      "Cognito's buffer capacity was already added",
    );
  });

  test("H1: a second status post while one is in progress is refused with its reason", () => {
    const posting = run([{ type: "statusPostStarted" }]);
    expect(reasonOf(posting, { type: "statusPostStarted" })).toBe("a status update is already being posted");
  });
});
