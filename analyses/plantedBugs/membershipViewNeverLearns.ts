// Planted bug: a frontend's view of the membership never catches up.
import { tick } from "../../model/clock.ts";
import { notEnabled } from "../../model/refusal.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const membershipViewNeverLearns: PlantedBug = {
  name: "membershipViewNeverLearns",
  description:
    "no frontend ever learns a membership change: peerLearned is never enabled and the propagation deadline never fires",
  source: 'domain.md K6: every member learns of new participants within "up to an hour"',
  remediations: ["waitForCompleteMap"],
  expectedInvariant: "PeersLearnedWithin",
  step: stepWith({
    peerLearned: () => notEnabled("(planted bug) membership changes are never learned"),
    tick: (config, state) =>
      tick(
        { ...config, membership: { ...config.membership, propagationDelayTicks: Number.MAX_SAFE_INTEGER } },
        state,
      ),
  }),
};
