// Planted bug, above `small` only: a shard move's age stops counting at 2 ticks, a constant.
import * as E from "fp-ts/lib/Either.js";
import { tick } from "../../model/clock.ts";
import { type State, stateWith } from "../../model/state.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/**
 * The age of each shard's last move is capped one past the propagation deadline (model/state.ts `moveAgeCap`),
 * enough to tell a late move. The slip writes the cap as the number it has in `small` (deadline 1, cap 2): with a
 * deadline of 2 or more no move is ever late, so ShardMovesAppliedWithin can no longer be violated. A bug that
 * hides violations rather than causing them: only an expected "violated" shows it.
 */
export const shardMoveAgeCappedAtTwo: PlantedBug = {
  name: "shardMoveAgeCappedAtTwo",
  description:
    "tick caps the age of each shard's last move at 2 ticks instead of one past the propagation deadline, so no move is ever overdue when the deadline is 2 or more",
  source: "domain.md K1, K4(c), K6 (the deadline); model/state.ts moveAgeCap",
  remediations: [],
  expectedInvariant: "ShardMovesAppliedWithin",
  step: stepWith({
    tick: (config, state) =>
      E.map((s: State) => stateWith(s, { sinceMoved: s.sinceMoved.map((age) => Math.min(age, 2)) }))(
        tick(config, state),
      ),
  }),
};
