// ---------------------------------------------------------------------------------------------------------
// explain: extra grids of cards for the trace explorer and the Markdown's "at the violation" summary, beside
// the fleet grid. The core model has none; a part of the model with its own state (the dependent services,
// each a card with its buffer fill and memory against their limits: explain/dependentGrids.ts) has a list of
// grids over that state, and both renderers show them. Pure.
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

/** A grid of cards over a state of type S under a config of type C (the core fleet's by default). */
export interface Grid<C = Config, S = State> {
  readonly id: string;
  readonly title: string;
  readonly cards: (config: C, state: S) => ReadonlyArray<Card>;
}

/** The extra grids, in display order. */
export const GRIDS: ReadonlyArray<Grid> = [];

/** One line per card, for the Markdown. */
export const gridSummary = <C, S>(grid: Grid<C, S>, config: C, state: S): ReadonlyArray<string> =>
  cardLines(grid.cards(config, state));

/** One line per card: name, status and each gauge against its maximum. */
export const cardLines = (cards: ReadonlyArray<Card>): ReadonlyArray<string> =>
  cards.map(
    (c) =>
      `${c.name}: ${c.status}${c.gauges.map((g) => `, ${g.label} ${g.value} of ${g.max}${g.value > g.max ? " (over)" : ""}`).join("")}`,
  );
