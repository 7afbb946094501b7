// properties: CellLoadWithinCapacity. R7 (a hot cell) and K2/K11: no cell of the front-end fleet is offered more
// requests than its frontends serving with a complete map can serve. With cells, the load is not spread evenly:
// a stream's shards live in one cell, so a few busy streams make a hot cell (dependents.load.firstCellLoadPercent,
// illustrative), and losing one frontend there can overload it while the other cells idle. Without cells it is
// the whole fleet delivering what it is offered, which the 2020 day broke at once.
import * as O from "fp-ts/lib/Option.js";
import { cellLoads } from "../../model/load.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

const EPSILON = 1e-9;

export const cellLoadWithinCapacity: SystemInvariant = {
  name: "CellLoadWithinCapacity",
  sentence:
    "No cell is offered more requests than its frontends serving with a complete map can serve (no hot cell).",
  source:
    "domain.md R7 (a hot cell: seed 001's 'may trigger future outages or surface other limits'), K2, K11",
  // Cells of the fleet and their load are core matters: no dependent remediation changes them.
  remediedBy: [],
  advice:
    "spread the streams evenly over the cells (dependents.load.firstCellLoadPercent) or leave each cell room for a lost frontend (docs/load.md)",
  check: (config, s) => {
    const cells = cellLoads(config, s.core);
    const hot = cells.find((c) => c.offered > c.goodput + EPSILON);
    return hot === undefined
      ? O.none
      : O.some({
          invariant: "CellLoadWithinCapacity",
          message: `cell ${hot.cell} is offered ${Math.round(10 * hot.offered) / 10} requests a tick but delivers ${Math.round(10 * hot.goodput) / 10}: ${hot.servingComplete} of its frontends serve with a complete map, ${hot.bootstrapping} bootstrapping${cells.length > 1 ? ` (it takes ${Math.round((100 * hot.offered) / config.dependents.load.offeredRequestsPerTick)}% of the load)` : ""}`,
          source: cellLoadWithinCapacity.source,
        });
  },
  closeness: (config, s) =>
    Math.max(
      0,
      ...cellLoads(config, s.core).map((c) => {
        const capacity = c.servingComplete * c.capacityEach;
        return capacity === 0 ? (c.offered > 0 ? 2 : 0) : c.offered / capacity;
      }),
    ),
  closenessMeaning:
    "the busiest cell's offered requests, as a fraction of what its complete-map frontends can serve",
};
