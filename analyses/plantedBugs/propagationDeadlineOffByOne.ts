// Planted bug: the propagation deadline fires one tick late.
import { tick } from "../../model/clock.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const propagationDeadlineOffByOne: PlantedBug = {
  name: "propagationDeadlineOffByOne",
  description:
    "the clock forces pending membership changes after propagationDelayTicks + 1 ticks instead of propagationDelayTicks (`>` for `>=`)",
  source: 'domain.md K6 ("up to an hour"): an off-by-one slip in a bounded-liveness deadline',
  remediations: ["waitForCompleteMap"],
  expectedInvariant: "PeersLearnedWithin",
  step: stepWith({
    tick: (config, state) =>
      tick(
        {
          ...config,
          membership: {
            ...config.membership,
            propagationDelayTicks: config.membership.propagationDelayTicks + 1,
          },
        },
        state,
      ),
  }),
};
