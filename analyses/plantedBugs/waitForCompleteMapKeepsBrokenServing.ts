// Planted bug: the waitForCompleteMap remediation forgets a frontend whose map breaks while it serves.
import { peerLearned } from "../../model/membership.ts";
import { type PlantedBug, stepWith, without } from "./plantedBug.ts";

export const waitForCompleteMapKeepsBrokenServing: PlantedBug = {
  name: "waitForCompleteMapKeepsBrokenServing",
  description:
    "when learning a peer breaks a serving frontend's map (no threads for it), the remediation does not take it out of service",
  source: 'domain.md K8, K11, R4 ("do not take traffic until the map is complete")',
  remediations: ["waitForCompleteMap"],
  expectedInvariant: "ServesOnlyWithCompleteMap",
  step: stepWith({
    peerLearned: (config, state, op) => peerLearned(without(config, "waitForCompleteMap"), state, op),
  }),
};
