// ---------------------------------------------------------------------------------------------------------
// properties: strengthened invariants, the ones that are inductive. ThreadBudget holds in every reachable
// state under cellularization (R7) and under the preflight guard (seed 003), but it is not inductive: from
// a state that satisfies it yet says a cell has more members than the plan allows (unreachable, but not
// excluded by ThreadBudget), a frontend learning its peers goes over the limit. The conjunctions below add
// what the remediation actually maintains, so that every operation preserves them from *any* state that
// satisfies them (searched for counterexamples by specs/fleet/inductive.ts; proved for every fleet size and
// parameter value, on the abstraction of docs/prove.md, by specs/fleet/prove/arguments.ts).
// Each implies ThreadBudget: a frontend knows at most its group's size − 1 peers, and that group fits.
// ---------------------------------------------------------------------------------------------------------
import type { Config, RemediationName } from "../model/config.ts";
import { threadsForGroupOf } from "../model/fleet.ts";
import type { State } from "../model/state.ts";
import { threadLimitInForce } from "../model/threadFormula.ts";
import { threadsNeeded } from "../model/threads.ts";
import type { InvariantName } from "./invariant.ts";

export interface StrengthenedInvariant {
  readonly name: string;
  /** What must always be true, as a sentence. */
  readonly sentence: string;
  readonly source: string;
  /** The registered invariant it implies. */
  readonly strengthens: InvariantName;
  /** The remediation that maintains it. */
  readonly remediation: RemediationName;
  readonly holds: (config: Config, state: State) => boolean;
}

/** K6/R7: the membership service's cell sizes count the frontends in each cell, and every frontend has a cell. */
export const isMembershipConsistent = (state: State): boolean =>
  state.frontends.every((f) => f.cell >= 0 && f.cell < state.cellSizes.length) &&
  state.cellSizes.every((n, c) => n === state.frontends.filter((f) => f.cell === c).length);

/** K5/K7: no live frontend needs more threads than the limit (ThreadBudget's predicate). */
const liveFrontendsFit = (config: Config, state: State): boolean =>
  state.frontends.every(
    (f) => f.status === "stopped" || threadsNeeded(config, f) <= threadLimitInForce(config),
  );

/**
 * R7: every frontend's peers are within its cell, a cell never exceeds its size, and a full cell's threads fit
 * under the limit. Whatever the fleet size, a frontend never knows more than cellSize − 1 peers.
 */
export const cellsBoundThreads: StrengthenedInvariant = {
  name: "CellsBoundThreads",
  sentence:
    "Cells count their members, no cell exceeds its size, every frontend knows at most cellSize − 1 peers, and a full cell's threads fit under the limit.",
  source: "domain.md R7 (cellularization), K5, K7",
  strengthens: "ThreadBudget",
  remediation: "cellularization",
  holds: (config, state) => {
    const size = config.remediationParameters.cellSize;
    return (
      threadsForGroupOf(config, size) <= threadLimitInForce(config) &&
      isMembershipConsistent(state) &&
      state.cellSizes.every((n) => n <= size) &&
      state.frontends.every((f) => f.knownPeers <= size - 1)
    );
  },
};

/**
 * Seed 003 / K16: every group (the fleet, or each cell) is small enough that a member knowing all its peers fits
 * under the limit, and no live frontend is over it now. The guard keeps the first conjunct across additions;
 * learning only moves a frontend's view towards its group, so the second follows.
 */
export const groupsWithinBudget: StrengthenedInvariant = {
  name: "GroupsWithinBudget",
  sentence:
    "Cells count their members, every group's full peer set fits under the thread limit, and no live frontend needs more threads than the limit.",
  source:
    'seed 003 ("a simulator to test all cases before deploying additional capacity"), domain.md K5, K7, K16',
  strengthens: "ThreadBudget",
  remediation: "preflightGuard",
  holds: (config, state) =>
    isMembershipConsistent(state) &&
    state.cellSizes.every((n) => threadsForGroupOf(config, n) <= threadLimitInForce(config)) &&
    liveFrontendsFit(config, state),
};

export const STRENGTHENED: ReadonlyArray<StrengthenedInvariant> = [cellsBoundThreads, groupsWithinBudget];
