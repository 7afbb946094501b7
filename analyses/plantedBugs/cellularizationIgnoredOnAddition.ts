// Planted bug: new capacity is placed without regard to cells.
import { capacityAdded } from "../../model/fleet.ts";
import { type PlantedBug, stepWith, without } from "./plantedBug.ts";

export const cellularizationIgnoredOnAddition: PlantedBug = {
  name: "cellularizationIgnoredOnAddition",
  description: "capacityAdded puts every new frontend into the first cell, growing it past the cell size",
  source: "domain.md R5, R7 (cellularization keeps each cell within a tested size)",
  remediations: ["cellularization"],
  expectedInvariant: "WellFormed",
  step: stepWith({
    capacityAdded: (config, state, op) => capacityAdded(without(config, "cellularization"), state, op),
  }),
};
