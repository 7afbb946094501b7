// ---------------------------------------------------------------------------------------------------------
// explain: the quantities that lead to a failure, as a list of chart panels. Each panel is a list of series
// computed from one state, so a new part of the model (for example dependent services with buffers and
// memory, explain/dependentPanels.ts) adds a list of panels over its own state and every renderer (SVG chart,
// HTML explorer) picks it up. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import { behindFor } from "../model/lag.ts";
import type { Frontend, State } from "../model/state.ts";
import { threadLimitInForce } from "../model/threadFormula.ts";
import { threadsHeld, threadsNeeded } from "../model/threads.ts";

/** One quantity over a state of type S under a config of type C (the core fleet's by default). */
export interface Series<C = Config, S = State> {
  readonly name: string;
  /** The value in `state`, or null where it is undefined (no requests yet, no live frontend). */
  readonly value: (config: C, state: S) => number | null;
}

export interface Panel<C = Config, S = State> {
  readonly id: string;
  readonly title: string;
  readonly yTitle: string;
  readonly series: ReadonlyArray<Series<C, S>>;
  /** A limit drawn as a horizontal rule (the OS thread limit, the propagation deadline). */
  readonly limit?: { readonly name: string; readonly value: (config: C) => number };
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
  limit: { name: "OS thread limit", value: (config) => threadLimitInForce(config) },
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
      value: (config, state) => maxOf(live(state).map((f) => behindFor(config, state, f))) ?? 0,
    },
  ],
  limit: { name: "propagation delay", value: (config) => config.membership.propagationDelayTicks },
};

/** The panels every renderer draws, top to bottom; a system counterexample adds DEPENDENT_PANELS below them. */
export const PANELS: ReadonlyArray<Panel> = [threadsPanel, healthPanel, lagPanel];

/** A panel as drawn: its limit resolved and each series' value at every frame (null where undefined). */
export interface PanelValues {
  readonly id: string;
  readonly title: string;
  readonly yTitle: string;
  readonly domain?: readonly [number, number];
  readonly limit?: { readonly name: string; readonly value: number };
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<number | null> }>;
}

/** Evaluates `panel` under `config` at each of `states` (undefined: a frame without this part of the model). */
export const panelValues = <C, S>(
  panel: Panel<C, S>,
  config: C,
  states: ReadonlyArray<S | undefined>,
): PanelValues => ({
  id: panel.id,
  title: panel.title,
  yTitle: panel.yTitle,
  ...(panel.domain !== undefined ? { domain: panel.domain } : {}),
  ...(panel.limit !== undefined
    ? { limit: { name: panel.limit.name, value: panel.limit.value(config) } }
    : {}),
  series: panel.series.map((s) => ({
    name: s.name,
    values: states.map((state) => (state === undefined ? null : s.value(config, state))),
  })),
});
