// Planted bug: a cell admits one member past its size (issue 19's "one-character bug in model/").
import { additionMiscounts, type PlantedBug } from "./plantedBug.ts";

export const cellAdmitsOneTooMany: PlantedBug = {
  name: "cellAdmitsOneTooMany",
  description:
    "capacityAdded places newcomers as if cells held one member more than their size (`<=` for `<` in cellForNewMember)",
  source: "domain.md R5, R7 (cellularization keeps each cell within a tested size); issue 19",
  remediations: ["cellularization"],
  expectedInvariant: "WellFormed",
  step: additionMiscounts("cellSize"),
};
