// EventBridge and the ECS/EKS workflows it drives (domain.md E1, E2; seeds 001, 003). Written for issue 7:
// StrykerJS showed the tick's arithmetic (delayed events, completed workflows) was never checked exactly.

import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect, test as it } from "vitest";
import { accepted } from "../../test/dependents.ts";
import {
  CONTAINER_SERVICES,
  clusterRequested,
  type EventBridgeState,
  eventbridgeTick,
  initialEventBridge,
  provisioningDelay,
} from "./eventbridge.ts";

describe("eventbridgeTick, a worked example (E1, E2)", () => {
  it("an ECS request at t=2, three ticks without Kinesis, then one with it: 3 delayed events, then ECS provisions once", () => {
    const asked = accepted(clusterRequested(initialEventBridge, "ecs", 2));
    // E1: every tick without Kinesis adds one delayed event; the request keeps waiting.
    const down = [1, 2, 3].reduce<EventBridgeState>((e) => eventbridgeTick(e, false), asked);
    expect(down).toEqual({
      delayedEvents: 3,
      pendingSince: { ecs: 2, eks: null },
      provisioned: { ecs: 0, eks: 0 },
    });
    expect(provisioningDelay(down, "ecs", 5)).toBe(3);
    // E2: once Kinesis is back the backlog is processed and the waiting workflow completes; EKS had none waiting.
    expect(eventbridgeTick(down, true)).toEqual({
      delayedEvents: 0,
      pendingSince: { ecs: null, eks: null },
      provisioned: { ecs: 1, eks: 0 },
    });
  });

  it("a tick with Kinesis up and nothing waiting completes no workflow", () => {
    const e: EventBridgeState = { ...initialEventBridge, provisioned: { ecs: 4, eks: 7 } };
    expect(eventbridgeTick(e, true).provisioned).toEqual({ ecs: 4, eks: 7 });
  });
});

/** The reference: one bookkeeping pass over the same events, written as counts rather than a state machine. */
const eventsArb = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("tick" as const), up: fc.boolean() }),
    fc.record({ kind: fc.constant("ask" as const), service: fc.constantFrom(...CONTAINER_SERVICES) }),
  ),
  { maxLength: 60 },
);

describe("eventbridgeTick against a count of the events", () => {
  test.prop({ events: eventsArb })(
    "delayed events = the trailing run of down ticks; provisioned = the up ticks that found a request waiting",
    ({ events }) => {
      let e = initialEventBridge;
      let now = 0;
      let downRun = 0;
      const waiting = { ecs: false, eks: false };
      const done = { ecs: 0, eks: 0 };
      for (const ev of events) {
        if (ev.kind === "ask") {
          e = accepted(clusterRequested(e, ev.service, now));
          waiting[ev.service] = true;
          continue;
        }
        e = eventbridgeTick(e, ev.up);
        now += 1;
        if (!ev.up) downRun += 1;
        else {
          downRun = 0;
          for (const svc of CONTAINER_SERVICES) if (waiting[svc]) done[svc] += 1;
          waiting.ecs = false;
          waiting.eks = false;
        }
      }
      expect(e.delayedEvents).toBe(downRun);
      expect(e.provisioned).toEqual(done);
      for (const svc of CONTAINER_SERVICES) expect(e.pendingSince[svc] !== null).toBe(waiting[svc]);
    },
  );
});
