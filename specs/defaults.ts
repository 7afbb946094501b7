// ---------------------------------------------------------------------------------------------------------
// specs: the longest generated operation sequence of each spec, when the user gives none. Here rather than in
// the specs themselves so that the help text (cli/usage.ts) can print them without loading the engine.
// ---------------------------------------------------------------------------------------------------------

/** The fleet: enough for an addition, the propagation delay and a restart to play out. */
export const FLEET_MAX_STEPS = 80;

/** The whole system: room for an impairment to last long enough for a dependent's buffer to fill. */
export const SYSTEM_MAX_STEPS = 120;
