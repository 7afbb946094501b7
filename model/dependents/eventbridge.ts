// ---------------------------------------------------------------------------------------------------------
// model: CloudWatch Events / EventBridge, and ECS and EKS which it drives (domain.md E1, E2; seeds 001, 003).
// E1: EventBridge saw API errors and event-processing delays from 05:15. E2: ECS and EKS use it for internal
// workflows: new-cluster provisioning, scaling of existing clusters and task de-provisioning were all delayed;
// mostly resolved by 16:15. R6 extended (model choice): EventBridge on its own partitioned fleet.
// ---------------------------------------------------------------------------------------------------------

import * as E from "fp-ts/lib/Either.js";
import { type EventResult, stepped } from "./effects.ts";

/** E2: the container services whose workflows EventBridge drives. */
export type ContainerService = "ecs" | "eks";

export const CONTAINER_SERVICES: ReadonlyArray<ContainerService> = ["ecs", "eks"];

export interface EventBridgeState {
  /** E1: events waiting to be processed because Kinesis is unavailable. */
  readonly delayedEvents: number;
  /** E2: the tick at which a provisioning request still waiting was made, per service (null: none waiting). */
  readonly pendingSince: { readonly [S in ContainerService]: number | null };
  /** E2: provisioning workflows completed, per service. */
  readonly provisioned: { readonly [S in ContainerService]: number };
}

export const initialEventBridge: EventBridgeState = {
  delayedEvents: 0,
  pendingSince: { ecs: null, eks: null },
  provisioned: { ecs: 0, eks: 0 },
};

/**
 * E2: a customer asks ECS or EKS to provision (or scale) a cluster; the workflow runs on EventBridge events.
 * Always enabled: a second request while one waits adds nothing new to wait for.
 */
export const clusterRequested = (
  e: EventBridgeState,
  service: ContainerService,
  now: number,
): EventResult<EventBridgeState> =>
  E.right(
    stepped(
      e.pendingSince[service] === null ? { ...e, pendingSince: { ...e.pendingSince, [service]: now } } : e,
    ),
  );

/** One tick: with Kinesis up, delayed events are processed and waiting workflows complete; otherwise events pile up. */
export const eventbridgeTick = (e: EventBridgeState, kinesisUp: boolean): EventBridgeState => {
  if (!kinesisUp) return { ...e, delayedEvents: e.delayedEvents + 1 };
  const done = (s: ContainerService): number => e.provisioned[s] + (e.pendingSince[s] === null ? 0 : 1);
  return {
    delayedEvents: 0,
    pendingSince: { ecs: null, eks: null },
    provisioned: { ecs: done("ecs"), eks: done("eks") },
  };
};

/** How long `service`'s waiting request has waited at `now` (0 when none waits). */
export const provisioningDelay = (e: EventBridgeState, service: ContainerService, now: number): number => {
  const since = e.pendingSince[service];
  return since === null ? 0 : now - since;
};
