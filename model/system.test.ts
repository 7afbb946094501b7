import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { opsArb } from "../specs/fleet/arbitraries.ts";
import { systemOpsArb } from "../specs/system/arbitraries.ts";
import { kinesisDown } from "../test/dependents.ts";
import { appliedSystem } from "../test/trace.ts";
import { asWasSystem } from "./configs/asWasDependents.ts";
import { mainFleetAvailable } from "./dependents/kinesisHealth.ts";
import { initialState } from "./state.ts";
import { step } from "./step.ts";
import {
  initialSystemState,
  type SystemOp,
  type SystemState,
  systemStep,
  systemStepWithEffects,
} from "./system.ts";

describe("systemStep composes the core model", () => {
  test.prop({ ops: opsArb(asWasSystem, 60) })(
    "on core operations, the core part evolves exactly as the core step makes it",
    ({ ops }) => {
      let core = initialState(asWasSystem);
      let sys = initialSystemState(asWasSystem);
      for (const op of ops) {
        const a = step(asWasSystem, core, op);
        const b = systemStep(asWasSystem, sys, op);
        expect(E.isLeft(b)).toBe(E.isLeft(a));
        if (E.isRight(a) && E.isRight(b)) {
          core = a.right;
          sys = b.right;
          expect(sys.core).toEqual(core);
        }
      }
    },
  );

  test.prop({ ops: systemOpsArb(asWasSystem, 80) })(
    "dependent events never change the core, and only a tick advances time",
    ({ ops }) => {
      let sys = initialSystemState(asWasSystem);
      for (const op of ops) {
        const r = systemStep(asWasSystem, sys, op);
        if (E.isLeft(r)) continue;
        if (!("frontend" in op || "shard" in op || "count" in op) && op.type !== "tick")
          expect(r.right.core).toBe(sys.core);
        expect(r.right.core.tick).toBe(sys.core.tick + (op.type === "tick" ? 1 : 0));
        sys = r.right;
      }
    },
  );

  test.prop({ n: fc.nat({ max: 5 }) })(
    "a second status update while one is in progress is refused, not ignored",
    ({ n }) => {
      let sys = initialSystemState(asWasSystem);
      for (let i = 0; i < n; i++)
        sys = E.getOrElse(() => sys)(systemStep(asWasSystem, sys, { type: "tick" }));
      const first = systemStep(asWasSystem, sys, { type: "statusPostStarted" });
      if (E.isLeft(first)) throw new Error("the first post must be accepted");
      const second = systemStep(asWasSystem, first.right, { type: "statusPostStarted" });
      expect(E.isLeft(second) && second.left._tag).toBe("NotEnabled");
    },
  );
});

/** Applies `ops` with the real `systemStep`; every op must be enabled. */
const run = (ops: ReadonlyArray<SystemOp>, from?: SystemState): SystemState =>
  appliedSystem(asWasSystem, ops, from);

const reasonOf = (s: SystemState, op: SystemOp): string | undefined => {
  const r = systemStep(asWasSystem, s, op);
  return E.isLeft(r) ? r.left.reason : undefined;
};

describe("a tick's effects (habit 10)", () => {
  test("the first tick of the outage reports what each buffering dependent did, in dependency order", () => {
    expect(mainFleetAvailable(asWasSystem, kinesisDown.core)).toBe(false);
    const r = systemStepWithEffects(asWasSystem, kinesisDown, { type: "tick" });
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
    const s = run([{ type: "authRequested" }], kinesisDown);
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
