// properties: ProvisioningCompletesWithin. E1/E2: ECS and EKS provisioning, scaling and de-provisioning run
// on EventBridge events, which were delayed; most issues were resolved only by 16:15.
import * as O from "fp-ts/lib/Option.js";
import { CONTAINER_SERVICES, provisioningDelay } from "../../model/dependents/eventbridge.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

const worst = (s: Parameters<SystemInvariant["check"]>[1]) =>
  CONTAINER_SERVICES.map((svc) => ({
    svc,
    delay: provisioningDelay(s.dependents.eventbridge, svc, s.core.tick),
  })).reduce((a, b) => (b.delay > a.delay ? b : a));

export const provisioningCompletesWithin: SystemInvariant = {
  name: "ProvisioningCompletesWithin",
  sentence:
    "ECS and EKS cluster provisioning completes within N ticks (dependents.eventbridge.provisionWithinTicks).",
  source: "domain.md E1, E2; seeds 001, 003",
  remediedBy: [["eventbridgePartitionedFleet"]],
  check: (config, s) => {
    const w = worst(s);
    const n = config.dependents.eventbridge.provisionWithinTicks;
    return w.delay > n
      ? O.some({
          invariant: "ProvisioningCompletesWithin",
          message: `an ${w.svc.toUpperCase()} provisioning request has waited ${w.delay} ticks for EventBridge, more than ${n}`,
          source: provisioningCompletesWithin.source,
        })
      : O.none;
  },
  closeness: (config, s) => worst(s).delay / Math.max(1, config.dependents.eventbridge.provisionWithinTicks),
  closenessMeaning: "wait of the oldest ECS/EKS provisioning request, as a fraction of N",
};
