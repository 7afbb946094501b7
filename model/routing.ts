// ---------------------------------------------------------------------------------------------------------
// model: request routing (K2). The front-end authenticates, throttles and routes each request to the
// back-end cluster its shard-map names. K8 [AWS-v]: a useless map "left them unable to route requests".
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { next, notEnabled, type StepResult } from "./refusal.ts";
import {
  type Frontend,
  frontendName,
  positionOf,
  type RequestCounts,
  type RoutedRequest,
  type State,
  stateWith,
} from "./state.ts";

/** The three things that can happen to a request a serving frontend accepts (recorded in State.lastRequest). */
export type RouteOutcome = RoutedRequest["outcome"];

/**
 * K2/K8: where a request for shard `s` through `f` ends. A map that is not complete cannot route (failed);
 * a stale entry for `s` sends it to the shard's former owner (misrouted) unless the frontend checks that its
 * map is current first (`waitForCompleteMap`), in which case it fails fast instead.
 */
export const routeOutcome = (config: Config, f: Frontend, s: number): RouteOutcome => {
  if (f.map !== "complete") return "failed";
  if ((f.staleShards & (1 << s)) === 0) return "succeeded";
  return config.remediations.waitForCompleteMap ? "failed" : "misrouted";
};

/** The counts with one more request of `outcome` (one literal, so every RequestCounts shares a hidden class). */
const counted = (requests: RequestCounts, outcome: RouteOutcome): RequestCounts => ({
  succeeded: requests.succeeded + (outcome === "succeeded" ? 1 : 0),
  failed: requests.failed + (outcome === "succeeded" ? 0 : 1),
  misrouted: requests.misrouted + (outcome === "misrouted" ? 1 : 0),
});

/** K2: a client request for a shard arrives at a frontend. Enabled when that frontend is serving. */
export const requestRouted = (
  config: Config,
  state: State,
  op: { readonly frontend: number; readonly shard: number },
): StepResult => {
  if (state.frontends.length === 0) return notEnabled("the fleet is empty");
  const f = state.frontends[positionOf(state, op.frontend)] as Frontend;
  if (f.status !== "serving")
    return notEnabled(`${frontendName(f)} is not in service; it is sent no traffic`);
  const shard = op.shard % config.shards.shardCount;
  const outcome = routeOutcome(config, f, shard);
  return next(
    stateWith(state, {
      requests: counted(state.requests, outcome),
      lastRequest: { frontend: f.id, shard, outcome },
    }),
  );
};
