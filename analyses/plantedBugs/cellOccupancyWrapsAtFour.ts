// Planted bug: cell occupancy read from a two-bit counter, so a cell of four members looks empty. It bites only
// in a cellularized fleet whose cells reach four members: never on `small` (cells of 2), always on `as-was`
// (cells of 4) once a cell is full.
import * as E from "fp-ts/lib/Either.js";
import { capacityAdded } from "../../model/fleet.ts";
import { frontendWith, type State, stateWith } from "../../model/state.ts";
import { connectablePeers } from "../../model/threads.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/** Members a two-bit counter can hold: 4 reads as 0. */
const COUNTER_RANGE = 4;

export const cellOccupancyWrapsAtFour: PlantedBug = {
  name: "cellOccupancyWrapsAtFour",
  description:
    "capacityAdded places newcomers by each cell's occupancy modulo 4 (a two-bit counter), so a full cell of 4 looks empty and takes more",
  source:
    "domain.md R7 (cellularization keeps each cell within a tested size); a counter too narrow for the sizes it holds, wrong only past the sizes small configs reach",
  remediations: ["cellularization"],
  expectedInvariant: "WellFormed",
  step: stepWith({
    capacityAdded: (config, state, op) => {
      const read = state.cellSizes.map((n) => n % COUNTER_RANGE);
      // Placement (and the guard) see the wrapped counts; the membership service keeps the true ones, and the
      // newcomers read those (K4(a)), so only the placement is wrong.
      return E.map((s: State) => {
        const cellSizes = s.cellSizes.map((n, c) => n - (read[c] ?? 0) + (state.cellSizes[c] ?? 0));
        return stateWith(s, {
          cellSizes,
          frontends: s.frontends.map((f) => {
            if (f.id < state.nextId) return f;
            const peers = (cellSizes[f.cell] ?? 1) - 1;
            return frontendWith(f, { knownPeers: peers, connectedPeers: connectablePeers(config, peers) });
          }),
        });
      })(capacityAdded(config, stateWith(state, { cellSizes: read }), op));
    },
  }),
};
