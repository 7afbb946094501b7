// ProvisioningCompletesWithin (E1, E2) on worked traces of the as-was system during the outage: the violation
// names the service that has waited longest, and the near miss is that wait as a fraction of N.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import type { SystemConfig } from "../../model/dependents/config.ts";
import { eventbridgeKinesisAvailable, mainFleetAvailable } from "../../model/dependents/kinesisHealth.ts";
import type { SystemOp, SystemState } from "../../model/system.ts";
import { kinesisDown, systemTicks } from "../../test/dependents.ts";
import { appliedSystem } from "../../test/trace.ts";
import { provisioningCompletesWithin } from "./provisioningCompletesWithin.ts";

/** Applies `ops` to `from` with the real `systemStep`; every op must be enabled. */
const run = (ops: ReadonlyArray<SystemOp>, from: SystemState): SystemState =>
  appliedSystem(asWasSystem, ops, from);

const messageOf = (config: SystemConfig, s: SystemState): string | undefined =>
  O.toUndefined(provisioningCompletesWithin.check(config, s))?.message;

describe("ProvisioningCompletesWithin (E2; as-was N = 6 ticks)", () => {
  test("names the service that has waited longest: EKS asked at t=0, ECS at t=4, checked at t=5 and t=7", () => {
    const atFive = run(
      [
        { type: "clusterRequested", service: "eks" },
        ...systemTicks(4),
        { type: "clusterRequested", service: "ecs" },
        ...systemTicks(1),
      ],
      kinesisDown,
    );
    expect(eventbridgeKinesisAvailable(asWasSystem, mainFleetAvailable(asWasSystem, atFive.core))).toBe(
      false,
    );
    expect(atFive.core.tick).toBe(5);
    // EKS has waited 5 of its 6 ticks; ECS only 1.
    expect(provisioningCompletesWithin.closeness(asWasSystem, atFive)).toBe(5 / 6);
    expect(messageOf(asWasSystem, atFive)).toBeUndefined();
    const atSeven = run(systemTicks(2), atFive);
    expect(provisioningCompletesWithin.closeness(asWasSystem, atSeven)).toBe(7 / 6);
    expect(messageOf(asWasSystem, atSeven)).toBe(
      "an EKS provisioning request has waited 7 ticks for EventBridge, more than 6",
    );
  });

  test("when both have waited equally long, the message names ECS, the first container service", () => {
    const s = run(
      [
        { type: "clusterRequested", service: "ecs" },
        { type: "clusterRequested", service: "eks" },
        ...systemTicks(7),
      ],
      kinesisDown,
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
    const s = run([{ type: "clusterRequested", service: "ecs" }, ...systemTicks(2)], kinesisDown);
    expect(provisioningCompletesWithin.closeness(config, s)).toBe(2);
  });
});
