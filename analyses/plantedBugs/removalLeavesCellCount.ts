// Planted bug: removing a frontend does not update the membership's cell counts.
import * as E from "fp-ts/lib/Either.js";
import { frontendRemoved } from "../../model/fleet.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const removalLeavesCellCount: PlantedBug = {
  name: "removalLeavesCellCount",
  description:
    "frontendRemoved drops the frontend but not its membership entry, so the survivors go on counting it as a peer",
  source:
    "09:39 [AWS-v] removal of the added capacity; domain.md K6 (the membership service is authoritative)",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    frontendRemoved: (config, state, op) =>
      E.map((s: typeof state) => ({ ...s, cellSizes: state.cellSizes }))(frontendRemoved(config, state, op)),
  }),
};
