// Planted bug: when a peer leaves the fleet, the threads kept for it are never torn down.
import { peerLearned } from "../../model/membership.ts";
import { next } from "../../model/refusal.ts";
import { actualPeers, type Frontend, positionOf, withFrontendAt } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const peerThreadsNeverTornDown: PlantedBug = {
  name: "peerThreadsNeverTornDown",
  description:
    "on learning that a peer departed, a frontend forgets the peer but keeps the threads it held for it",
  source: "domain.md K5 (threads per peer), 09:39 [AWS-v] removal of the added capacity",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    peerLearned: (config, state, op) => {
      const index = positionOf(state, op.frontend);
      const f = state.frontends[index] as Frontend | undefined;
      return f !== undefined && f.status !== "stopped" && f.knownPeers > actualPeers(state, f)
        ? next(withFrontendAt(state, index, { ...f, knownPeers: f.knownPeers - 1 }))
        : peerLearned(config, state, op);
    },
  }),
};
