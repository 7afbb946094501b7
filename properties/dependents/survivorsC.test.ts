// ProvisioningCompletesWithin (domain.md E1, E2) and AutoScalingReactsWithin (A1), on worked traces of the
// as-was system during the outage. Written for issue 7: StrykerJS showed which service the violation names,
// and the closeness (wait as a fraction of N), were never checked exactly.

import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/dependents/asWas.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { eventbridgeKinesisAvailable } from "../../model/dependents/kinesisHealth.ts";
import type { SystemOp, SystemState } from "../../model/system.ts";
import { appliedSystem } from "../../test/trace.ts";
import { autoscalingReactsWithin } from "./autoscalingReactsWithin.ts";
import { provisioningCompletesWithin } from "./provisioningCompletesWithin.ts";

/** Applies `ops` with the real `systemStep`; every op must be enabled. */
const run = (ops: ReadonlyArray<SystemOp>, from?: SystemState): SystemState =>
  appliedSystem(asWasSystem, ops, from);

const ticks = (n: number): ReadonlyArray<SystemOp> =>
  Array.from({ length: n }, (): SystemOp => ({ type: "tick" }));

/** K16 → K2/K8: one server added and every 2020 frontend learns of it: no serving frontend can route (E1). */
const outage: SystemState = run([
  { type: "capacityAdded", count: 1 },
  ...Array.from({ length: 8 }, (_, frontend): SystemOp => ({ type: "peerLearned", frontend })),
]);

const messageOf = (config: SystemConfig, s: SystemState): string | undefined =>
  O.toUndefined(provisioningCompletesWithin.check(config, s))?.message;

describe("ProvisioningCompletesWithin (E2; as-was N = 6 ticks)", () => {
  test("names the service that has waited longest: EKS asked at t=0, ECS at t=4, checked at t=5 and t=7", () => {
    const atFive = run(
      [
        { type: "clusterRequested", service: "eks" },
        ...ticks(4),
        { type: "clusterRequested", service: "ecs" },
        ...ticks(1),
      ],
      outage,
    );
    expect(eventbridgeKinesisAvailable(asWasSystem, atFive.core)).toBe(false);
    expect(atFive.core.tick).toBe(5);
    // EKS has waited 5 of its 6 ticks; ECS only 1.
    expect(provisioningCompletesWithin.closeness(asWasSystem, atFive)).toBe(5 / 6);
    expect(messageOf(asWasSystem, atFive)).toBeUndefined();
    const atSeven = run(ticks(2), atFive);
    expect(provisioningCompletesWithin.closeness(asWasSystem, atSeven)).toBe(7 / 6);
    expect(messageOf(asWasSystem, atSeven)).toBe(
      "an EKS provisioning request has waited 7 ticks for EventBridge, more than 6",
    );
  });

  test("when both have waited equally long, the message names the first container service, ECS (deterministic)", () => {
    const s = run(
      [
        { type: "clusterRequested", service: "ecs" },
        { type: "clusterRequested", service: "eks" },
        ...ticks(7),
      ],
      outage,
    );
    expect(messageOf(asWasSystem, s)).toBe(
      "an ECS provisioning request has waited 7 ticks for EventBridge, more than 6",
    );
  });

  test("with N = 0 the closeness is the wait itself (no division by zero)", () => {
    const config: SystemConfig = {
      ...asWasSystem,
      dependents: { ...asWasSystem.dependents, eventbridge: { provisionWithinTicks: 0 } },
    };
    const s = run([{ type: "clusterRequested", service: "ecs" }, ...ticks(2)], outage);
    expect(provisioningCompletesWithin.closeness(config, s)).toBe(2);
  });
});

describe("AutoScalingReactsWithin (A1; as-was N = 3 ticks)", () => {
  test("a load change at t=0 with CloudWatch's metrics unreadable: closeness 2/3 at t=2, violated at t=4", () => {
    const atTwo = run([{ type: "loadChanged" }, ...ticks(2)], outage);
    expect(autoscalingReactsWithin.closeness(asWasSystem, atTwo)).toBe(2 / 3);
    expect(O.isNone(autoscalingReactsWithin.check(asWasSystem, atTwo))).toBe(true);
    const atFour = run(ticks(2), atTwo);
    expect(autoscalingReactsWithin.closeness(asWasSystem, atFour)).toBe(4 / 3);
    expect(O.toUndefined(autoscalingReactsWithin.check(asWasSystem, atFour))?.message).toBe(
      "a load change has waited 4 ticks for CloudWatch metrics, more than 3",
    );
  });

  test("with N = 0 the closeness is the wait itself (no division by zero)", () => {
    const config: SystemConfig = {
      ...asWasSystem,
      dependents: { ...asWasSystem.dependents, autoscaling: { reactWithinTicks: 0 } },
    };
    const s = run([{ type: "loadChanged" }, ...ticks(2)], outage);
    expect(autoscalingReactsWithin.closeness(config, s)).toBe(2);
  });
});
