// Planted bug: a cell admits one member past its size (issue 19's "one-character bug in model/").
import { capacityAdded } from "../../model/fleet.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const cellAdmitsOneTooMany: PlantedBug = {
  name: "cellAdmitsOneTooMany",
  description:
    "capacityAdded places newcomers as if cells held one member more than their size (`<=` for `<` in cellForNewMember)",
  source: "domain.md R5, R7 (cellularization keeps each cell within a tested size); issue 19",
  remediations: ["cellularization"],
  expectedInvariant: "WellFormed",
  step: stepWith({
    capacityAdded: (config, state, op) =>
      capacityAdded(
        {
          ...config,
          remediationParameters: {
            ...config.remediationParameters,
            cellSize: config.remediationParameters.cellSize + 1,
          },
        },
        state,
        op,
      ),
  }),
};
