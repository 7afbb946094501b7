// Planted bug, above `small` only: learning a peer asks the OS for one more thread, not one more peer's threads.
import { peerLearned } from "../../model/membership.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/**
 * The check before opening a new peer's threads is written `held + 1 ≤ limit` instead of
 * `held + threadsPerPeer ≤ limit`. Run as the real `peerLearned` with the limit raised by threadsPerPeer − 1,
 * which is the same inequality; with one thread per peer (`small`, `as-was`) nothing changes.
 */
export const peerLearnedCountsOneThread: PlantedBug = {
  name: "peerLearnedCountsOneThread",
  description:
    "peerLearned lets a frontend open a new peer's threads while one more thread fits under the limit, not threadsPerPeer more",
  source: "domain.md K5 (threadsPerPeer ≥ 1 threads per peer), K6, K7",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    peerLearned: (config, state, op) =>
      peerLearned(
        {
          ...config,
          threads: {
            ...config.threads,
            threadLimit: config.threads.threadLimit + config.threads.threadsPerPeer - 1,
          },
        },
        state,
        op,
      ),
  }),
};
