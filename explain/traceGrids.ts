// ---------------------------------------------------------------------------------------------------------
// explain: the extra grids shown for one frame: the core grids (grids.ts) over the fleet and, for a system
// counterexample, the dependents' grids (dependentGrids.ts) over the system state. The explorer and the
// Markdown's "at the violation" summary both use this list. Pure.
// ---------------------------------------------------------------------------------------------------------
import { DEPENDENT_GRIDS, type DependentGrid } from "./dependentGrids.ts";
import type { Explained, Frame } from "./frames.ts";
import { type Card, GRIDS, type Grid } from "./grids.ts";

export interface GridChoice {
  /** Grids over the fleet (default GRIDS). */
  readonly grids?: ReadonlyArray<Grid>;
  /** Grids over the system state, shown only for a system counterexample (default DEPENDENT_GRIDS). */
  readonly dependentGrids?: ReadonlyArray<DependentGrid>;
}

export interface GridCards {
  readonly id: string;
  readonly title: string;
  readonly cards: ReadonlyArray<Card>;
}

export const gridsAt = (e: Explained, f: Frame, choice: GridChoice = {}): ReadonlyArray<GridCards> => {
  const core = (choice.grids ?? GRIDS).map((g) => ({
    id: g.id,
    title: g.title,
    cards: g.cards(e.config, f.state),
  }));
  const sc = e.systemConfig;
  const system = f.system;
  if (sc === undefined || system === undefined) return core;
  return [
    ...core,
    ...(choice.dependentGrids ?? DEPENDENT_GRIDS).map((g) => ({
      id: g.id,
      title: g.title,
      cards: g.cards(sc, system),
    })),
  ];
};
