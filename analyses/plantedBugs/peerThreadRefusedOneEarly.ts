// Planted bug: the OS check before opening a peer's threads is strict, so the last thread that fits is refused.
import { peerLearned } from "../../model/membership.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/**
 * model/threads.ts `canCreatePeerThreads` written `threadsFor(connected + 1) < threadLimit` (`<` for `<=`). Run
 * as the real `peerLearned` with the limit one lower, which is the same inequality.
 */
export const peerThreadRefusedOneEarly: PlantedBug = {
  name: "peerThreadRefusedOneEarly",
  description:
    "peerLearned refuses a new peer's threads when they would reach the limit exactly (`<` for `<=`), so the last peer that fits gets none",
  source: "domain.md K5, K7 (creation fails only past the limit)",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    peerLearned: (config, state, op) =>
      peerLearned(
        { ...config, threads: { ...config.threads, threadLimit: config.threads.threadLimit - 1 } },
        state,
        op,
      ),
  }),
};
