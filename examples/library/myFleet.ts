// A user's own numbers and own invariant, written against the package's public API without forking it.
import { asWas, type Config, defineInvariant, type State, withRemediations } from "kinesis-outage-model";

/** Our fleet: 10 frontends growing to 24, in cells of at most 4 (illustrative numbers of our own). */
export const myFleet: Config = {
  ...withRemediations(asWas, ["cellularization"]),
  name: "my-fleet",
  description: "Our fleet: 10 frontends growing to 24, cellularized in cells of 4 (illustrative)",
  fleet: { initialSize: 10, maxSize: 24 },
  threads: { threadLimit: 16, baseThreads: 4, threadsPerPeer: 1 },
  remediationParameters: { ...asWas.remediationParameters, cellSize: 4 },
};

/** The largest share of the fleet we accept in one cell, once the fleet is big enough to split. */
const MAX_CELL_SHARE = 0.4;
const SPLIT_FROM = 10;

/**
 * Our invariant, which the package does not ship: once the fleet has 10 or more frontends, no cell holds
 * more than 40 % of them, so losing one cell never takes down most of the fleet.
 */
export const noCellHoldsMoreThan40Percent = defineInvariant<Config, State>({
  name: "NoCellHoldsMoreThan40Percent",
  sentence: "Once the fleet has 10 or more frontends, no cell holds more than 40 % of them.",
  source: "our blast-radius budget (examples/library/myFleet.ts)",
  violation: (_config, state) => {
    const fleet = state.frontends.length;
    if (fleet < SPLIT_FROM) return undefined;
    const largest = Math.max(...state.cellSizes);
    return largest > MAX_CELL_SHARE * fleet
      ? `a cell holds ${largest} of ${fleet} frontends, over 40 %`
      : undefined;
  },
  closeness: (_config, state) =>
    state.frontends.length < SPLIT_FROM
      ? 0
      : Math.max(...state.cellSizes) / (MAX_CELL_SHARE * state.frontends.length),
  closenessMeaning: "the largest cell's share of the fleet, as a fraction of 40 %",
});
