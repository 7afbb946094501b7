// Planted bug: thread creation past the OS limit silently succeeds when a frontend learns of a new peer.
import { peerLearned } from "../../model/membership.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const threadCreationPastLimitSucceeds: PlantedBug = {
  name: "threadCreationPastLimitSucceeds",
  description:
    "peerLearned opens the new peer's threads as if the OS had no limit, so creation past the limit succeeds",
  source:
    "domain.md K7: creation past the OS-configured maximum fails; a model that lets it succeed hides K8",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    peerLearned: (config, state, op) =>
      peerLearned(
        { ...config, threads: { ...config.threads, threadLimit: Number.MAX_SAFE_INTEGER } },
        state,
        op,
      ),
  }),
};
