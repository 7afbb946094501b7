// Planted bug: a refused peer thread leaves the shard-map marked complete.
import * as E from "fp-ts/lib/Either.js";
import { peerLearned } from "../../model/membership.ts";
import { positionOf } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/** model/threads.ts `learnOneChange`'s refused branch without its `map: "useless"`. */
export const refusedPeerKeepsMapComplete: PlantedBug = {
  name: "refusedPeerKeepsMapComplete",
  description:
    "peerLearned, when the OS refuses the new peer's threads, counts the peer but leaves the shard-map complete",
  source: "domain.md K4(c), K8 (a map without a peer's messages fails to complete)",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    peerLearned: (config, state, op) => {
      const before = state.frontends[positionOf(state, op.frontend)];
      return E.map((s: typeof state) => ({
        ...s,
        frontends: s.frontends.map((f) =>
          f.id === before?.id && f.map === "useless" && before.map === "complete"
            ? { ...f, map: "complete" as const }
            : f,
        ),
      }))(peerLearned(config, state, op));
    },
  }),
};
