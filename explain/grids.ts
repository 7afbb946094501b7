// ---------------------------------------------------------------------------------------------------------
// explain: extra grids of cards for the trace explorer and the Markdown's "at the violation" summary, beside
// the fleet grid. The core model has none; a part of the model added later (for example dependent services,
// each a card with its buffer fill and memory against their limits) adds a Grid to GRIDS and both renderers
// show it, with no change to them. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import type { State } from "../model/state.ts";

/** One bar on a card: `value` against `max` (over `max` is drawn as a breach). */
export interface Gauge {
  readonly label: string;
  readonly value: number;
  readonly max: number;
}

export interface Card {
  readonly name: string;
  readonly status: string;
  /** Drawn in red: this card is part of what is going wrong. */
  readonly bad: boolean;
  readonly gauges: ReadonlyArray<Gauge>;
}

export interface Grid {
  readonly id: string;
  readonly title: string;
  readonly cards: (config: Config, state: State) => ReadonlyArray<Card>;
}

/** The extra grids, in display order. */
export const GRIDS: ReadonlyArray<Grid> = [];

/** One line per card, for the Markdown. */
export const gridSummary = (grid: Grid, config: Config, state: State): ReadonlyArray<string> =>
  grid
    .cards(config, state)
    .map(
      (c) =>
        `${c.name}: ${c.status}${c.gauges.map((g) => `, ${g.label} ${g.value} of ${g.max}${g.value > g.max ? " (over)" : ""}`).join("")}`,
    );
