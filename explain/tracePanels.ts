// ---------------------------------------------------------------------------------------------------------
// explain: the panels drawn for one explained counterexample, with their values at every frame: the fleet's
// panels (panels.ts) over each frame's core state and, for a system counterexample, the dependents' panels
// (dependentPanels.ts) over each frame's system state. The chart and the explorer both draw this list. Pure.
// ---------------------------------------------------------------------------------------------------------
import { DEPENDENT_PANELS, type DependentPanel } from "./dependentPanels.ts";
import type { Explained } from "./frames.ts";
import { PANELS, type Panel, type PanelValues, panelValues } from "./panels.ts";

export interface PanelChoice {
  /** The fleet's panels (default PANELS). */
  readonly panels?: ReadonlyArray<Panel>;
  /** The dependents' panels, drawn only for a system counterexample (default DEPENDENT_PANELS). */
  readonly dependentPanels?: ReadonlyArray<DependentPanel>;
}

export const tracePanels = (e: Explained, choice: PanelChoice = {}): ReadonlyArray<PanelValues> => {
  const core = (choice.panels ?? PANELS).map((p) =>
    panelValues(
      p,
      e.config,
      e.frames.map((f) => f.state),
    ),
  );
  const sc = e.systemConfig;
  if (sc === undefined) return core;
  return [
    ...core,
    ...(choice.dependentPanels ?? DEPENDENT_PANELS).map((p) =>
      panelValues(
        p,
        sc,
        e.frames.map((f) => f.system),
      ),
    ),
  ];
};
