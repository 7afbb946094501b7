// ---------------------------------------------------------------------------------------------------------
// model: request routing (K2). The front-end authenticates, throttles and routes each request to the
// back-end cluster its shard-map names. K8 [AWS-v]: a useless map "left them unable to route requests".
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "./config.ts";
import { next, notEnabled, type StepResult } from "./refusal.ts";
import { type Frontend, frontendName, positionOf, type RequestCounts, type State } from "./state.ts";

/** The three things that can happen to a request a serving frontend accepts. */
export type RouteOutcome = "succeeded" | "failed" | "misrouted";

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

const counted = (requests: RequestCounts, outcome: RouteOutcome): RequestCounts =>
  outcome === "succeeded"
    ? { ...requests, succeeded: requests.succeeded + 1 }
    : outcome === "failed"
      ? { ...requests, failed: requests.failed + 1 }
      : { ...requests, failed: requests.failed + 1, misrouted: requests.misrouted + 1 };

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
  const outcome = routeOutcome(config, f, op.shard % config.shards.shardCount);
  return next({ ...state, requests: counted(state.requests, outcome) });
};
