// Planted bug: a restart re-reads the membership but keeps the peer threads of the old process.
import * as E from "fp-ts/lib/Either.js";
import { frontendRestarted } from "../../model/fleet.ts";
import { type Frontend, positionOf } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const restartKeepsStaleThreads: PlantedBug = {
  name: "restartKeepsStaleThreads",
  description:
    "frontendRestarted does not re-open its peer connections from the membership it re-reads: it keeps the old process's thread count",
  source: "domain.md K4(a), K12: a restarted frontend reads the membership afresh and opens threads for it",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    frontendRestarted: (config, state, op) => {
      const i = positionOf(state, op.frontend);
      const before = state.frontends[i] as Frontend | undefined;
      return E.map((s: typeof state) => ({
        ...s,
        frontends: s.frontends.map((f, j) =>
          j === i && before !== undefined ? { ...f, connectedPeers: before.connectedPeers } : f,
        ),
      }))(frontendRestarted(config, state, op));
    },
  }),
};
