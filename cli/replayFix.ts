// ---------------------------------------------------------------------------------------------------------
// cli: `outage replay FILE ... --remediation NAME ...`: does this fix stop this exact trace? Each saved trace's
// operations run under its own config with the remediations switched on (checker/replay.ts, `replayUnder`):
// STOPPED when the saved invariant now holds (naming the operation the model now refuses), NOT STOPPED with
// the step where it still fails. Exit 0 when the fix stops every trace, 1 otherwise.
// ---------------------------------------------------------------------------------------------------------
import { replayUnder } from "../checker/replay.ts";
import { fleetSpec, systemSpec } from "../specs/index.ts";
import { applyRemediations, bad } from "./input.ts";
import type { Io } from "./io.ts";
import { useSaved } from "./savedFile.ts";
import { splitCheckFlags, systemConfigOf } from "./specFlags.ts";

export const replayWithFix = (
  files: ReadonlyArray<string>,
  remediations: ReadonlyArray<string>,
  io: Io,
): number => {
  const split = splitCheckFlags(remediations, []);
  const asksAll = remediations.some((r) => r.split(",").includes("all"));
  const outcomes = files.map((file) => {
    const s = useSaved(file);
    const core = applyRemediations(s.saved.config, split.coreRemediations);
    const r =
      s.spec === "fleet"
        ? split.dependentRemediations.length > 0 && !asksAll
          ? bad(
              `--remediation ${split.dependentRemediations[0]}: a dependent service's remediation; ${file} is a trace of the fleet alone`,
            )
          : replayUnder(fleetSpec, s.saved, core)
        : replayUnder(
            systemSpec,
            s.saved,
            systemConfigOf(core, split.dependentRemediations, s.saved.config.dependents),
          );
    io.out(`${r.stops ? "STOPPED" : "NOT STOPPED"}  ${file}\n  ${r.detail}\n`);
    return r.stops;
  });
  return outcomes.every(Boolean) ? 0 : 1;
};
