// Planted bug: routing records the request but not its outcome in the counts.
import * as E from "fp-ts/lib/Either.js";
import { requestRouted } from "../../model/routing.ts";
import { type PlantedBug, stepWith } from "./plantedBug.ts";

/** model/routing.ts `requestRouted` without its `requests: counted(...)` line. */
export const requestNotCounted: PlantedBug = {
  name: "requestNotCounted",
  description:
    "requestRouted records the request it routed (lastRequest) but leaves the request counts as they were",
  source: "domain.md K2; every request routed is counted once, by its outcome",
  remediations: [],
  expectedInvariant: "WellFormed",
  step: stepWith({
    requestRouted: (config, state, op) =>
      E.map((s: typeof state) => ({ ...s, requests: state.requests }))(requestRouted(config, state, op)),
  }),
};
