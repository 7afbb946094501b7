// Planted bug: a crashed process is recorded as still holding its peer threads.
import * as E from "fp-ts/lib/Either.js";
import { frontendCrashed } from "../../model/fleet.ts";
import { positionOf } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/** model/fleet.ts `frontendCrashed` without its `connectedPeers: 0`. */
export const crashKeepsPeerThreads: PlantedBug = {
  name: "crashKeepsPeerThreads",
  description: "frontendCrashed stops the frontend but keeps its count of peer threads",
  source: "domain.md K5, K7: threads belong to the process; a dead one holds none",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    frontendCrashed: (config, state, op) => {
      const before = state.frontends[positionOf(state, op.frontend)];
      return E.map((s: typeof state) => ({
        ...s,
        frontends: s.frontends.map((f) =>
          f.id === before?.id ? { ...f, connectedPeers: before.connectedPeers } : f,
        ),
      }))(frontendCrashed(config, state, op));
    },
  }),
};
