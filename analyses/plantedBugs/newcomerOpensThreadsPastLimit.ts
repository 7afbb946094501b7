// Planted bug: a newly added frontend opens a thread for every peer, whatever the OS limit.
import * as E from "fp-ts/lib/Either.js";
import { capacityAdded } from "../../model/fleet.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

export const newcomerOpensThreadsPastLimit: PlantedBug = {
  name: "newcomerOpensThreadsPastLimit",
  description: "capacityAdded gives each new frontend a thread per peer without asking the OS (K7)",
  source: "domain.md K5, K7: a starting frontend creates its per-peer threads and hits the same limit",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    capacityAdded: (config, state, op) =>
      E.map((s: typeof state) => ({
        ...s,
        frontends: s.frontends.map((f) =>
          f.id >= state.nextId ? { ...f, connectedPeers: f.knownPeers } : f,
        ),
      }))(capacityAdded(config, state, op)),
  }),
};
