// ---------------------------------------------------------------------------------------------------------
// properties: WellFormed, what the types cannot say (the TypeOK that comes first in every Lamport spec,
// style habit 12). It holds in every config; a violation means the model itself is wrong.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import type { Config } from "../model/config.ts";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import { threadsHeld } from "../model/threads.ts";
import type { Invariant } from "./invariant.ts";

/** The first thing wrong with one frontend, if any (its name is built only when there is a problem to name). */
const frontendProblem = (config: Config, state: State, f: Frontend): string | undefined => {
  if (f.connectedPeers < 0 || f.knownPeers < 0) return `${frontendName(f)} has a negative peer count`;
  if (f.connectedPeers > f.knownPeers)
    return `${frontendName(f)} holds threads for peers it does not know of`;
  if (threadsHeld(config, f) > config.threads.threadLimit)
    return `${frontendName(f)} holds ${threadsHeld(config, f)} threads, more than the OS allows (${config.threads.threadLimit}): thread creation past the limit must fail (K7)`;
  if (f.status === "bootstrapping" && f.bootstrapLeft <= 0)
    return `${frontendName(f)} is bootstrapping with no work left`;
  if (f.status === "serving" && f.bootstrapLeft !== 0)
    return `${frontendName(f)} is serving with bootstrap work left`;
  if (f.cell < 0 || f.cell >= state.cellSizes.length) return `${frontendName(f)} belongs to no cell`;
  return undefined;
};

/** The first thing wrong that is about no one frontend: the cells, and the request counts. */
const restProblem = (config: Config, state: State): string | undefined => {
  const counted = state.cellSizes.reduce((a, b) => a + b, 0);
  if (counted !== state.frontends.length)
    return `the cells count ${counted} members but the fleet has ${state.frontends.length}`;
  if (
    config.remediations.cellularization &&
    state.cellSizes.some((n) => n > config.remediationParameters.cellSize)
  )
    return `a cell holds more than ${config.remediationParameters.cellSize} members`;
  const { succeeded, failed, misrouted } = state.requests;
  if (succeeded < 0 || failed < 0 || misrouted < 0 || misrouted > failed)
    return "the request counts are inconsistent";
  return undefined;
};

const problem = (config: Config, state: State): string | undefined => {
  for (const f of state.frontends) {
    const p = frontendProblem(config, state, f);
    if (p !== undefined) return p;
  }
  return restProblem(config, state);
};

export const wellFormed: Invariant = {
  name: "WellFormed",
  sentence:
    "Counts are non-negative, no frontend holds more threads than the OS allows, and the cells add up to the fleet.",
  source: "domain.md K7 (thread creation past the limit fails), R7",
  check: (config, state) => {
    const p = problem(config, state);
    return p === undefined
      ? O.none
      : O.some({ invariant: "WellFormed", message: p, source: wellFormed.source });
  },
  closeness: () => 0,
  closenessMeaning: "none (structural)",
  // Exact: `problem` is the first `frontendProblem` or else `restProblem`, and `frontendProblem` reads the
  // frontend, the config and, of the rest of the state, only the number of cells.
  fleetwise: {
    offends: (config, state, f) => frontendProblem(config, state, f) !== undefined,
    contextChanged: (_config, before, after) => before.cellSizes.length !== after.cellSizes.length,
    restHolds: (config, state) => restProblem(config, state) === undefined,
  },
};
