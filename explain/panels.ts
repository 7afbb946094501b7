// ---------------------------------------------------------------------------------------------------------
// explain: the quantities that lead to a failure, as a list of chart panels. Each panel is a list of series
// computed from one state, so a new part of the model (for example dependent services with buffers and
// memory) adds a panel here and every renderer (SVG chart, HTML explorer) picks it up. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import type { Frontend, State } from "../model/state.ts";
import { threadsHeld, threadsNeeded } from "../model/threads.ts";

export interface Series {
  readonly name: string;
  /** The value in `state`, or null where it is undefined (no requests yet, no live frontend). */
  readonly value: (config: Config, state: State) => number | null;
}

export interface Panel {
  readonly id: string;
  readonly title: string;
  readonly yTitle: string;
  readonly series: ReadonlyArray<Series>;
  /** A limit drawn as a horizontal rule (the OS thread limit, the propagation deadline). */
  readonly limit?: { readonly name: string; readonly value: (config: Config) => number };
  /** The y axis always includes this range, so 0–100 % panels do not rescale. */
  readonly domain?: readonly [number, number];
}

const live = (state: State): ReadonlyArray<Frontend> => state.frontends.filter((f) => f.status !== "stopped");

const maxOf = (xs: ReadonlyArray<number>): number | null => (xs.length === 0 ? null : Math.max(...xs));

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

/** K5/K7: threads per frontend against the OS limit. */
export const threadsPanel: Panel = {
  id: "threads",
  title: "Threads per frontend (K5) against the OS limit (K7)",
  yTitle: "threads",
  series: [
    {
      name: "threads needed (most)",
      value: (config, state) => maxOf(live(state).map((f) => threadsNeeded(config, f))),
    },
    {
      name: "threads needed (fewest)",
      value: (config, state) => {
        const xs = live(state).map((f) => threadsNeeded(config, f));
        return xs.length === 0 ? null : Math.min(...xs);
      },
    },
    {
      name: "threads held (most)",
      value: (config, state) => maxOf(live(state).map((f) => threadsHeld(config, f))),
    },
  ],
  limit: { name: "OS thread limit", value: (config) => config.threads.threadLimit },
};

/** K8/K2/K11: how much of the fleet can route, and what happened to requests. */
export const healthPanel: Panel = {
  id: "health",
  title: "Shard-maps (K8) and requests (K2)",
  yTitle: "percent",
  domain: [0, 100],
  series: [
    {
      name: "% complete, current maps",
      value: (_config, state) =>
        percent(
          live(state).filter((f) => f.map === "complete" && f.staleShards === 0).length,
          live(state).length,
        ),
    },
    {
      name: "% frontends serving",
      value: (_config, state) =>
        percent(state.frontends.filter((f) => f.status === "serving").length, state.frontends.length),
    },
    {
      name: "% requests succeeded",
      value: (_config, state) => {
        // model/routing.ts counts a misrouted request as failed too, so succeeded + failed is every request.
        const r = state.requests;
        return percent(r.succeeded, r.succeeded + r.failed);
      },
    },
  ],
};

/** K6: how long the most-lagging frontend has been behind the membership. */
export const lagPanel: Panel = {
  id: "lag",
  title: "Membership lag (K6) against the propagation delay",
  yTitle: "ticks",
  series: [
    {
      name: "longest lag (ticks)",
      value: (_config, state) => maxOf(live(state).map((f) => f.behindFor)) ?? 0,
    },
  ],
  limit: { name: "propagation delay", value: (config) => config.membership.propagationDelayTicks },
};

/** The panels every renderer draws, top to bottom. Dependents add theirs to this list. */
export const PANELS: ReadonlyArray<Panel> = [threadsPanel, healthPanel, lagPanel];
