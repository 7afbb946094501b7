// ---------------------------------------------------------------------------------------------------------
// specs: the whole system, the fleet with the services that depend on it (model/system.ts), as a `Spec`.
// Explored one invariant at a time: each over the fleet and the dependents it reads (its cone of influence,
// specs/system/key.ts), so a search for Cognito's buffer does not enumerate the dashboard's states.
// ---------------------------------------------------------------------------------------------------------

import * as E from "fp-ts/lib/Either.js";
import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { systemChangesBetween } from "../explain/systemChanges.ts";
import { asWasSystem } from "../model/configs/asWasDependents.ts";
import { smallSystem } from "../model/configs/smallDependents.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { decodeSystemConfig } from "../model/dependents/configDecoder.ts";
import {
  initialSystemState,
  type SystemOp,
  type SystemState,
  systemStep,
  systemStepWithEffects,
} from "../model/system.ts";
import { decodeSystemOp } from "../model/systemOpDecoder.ts";
import { systemOpLabel } from "../model/systemOpLabel.ts";
import {
  SYSTEM_INVARIANTS,
  type SystemInvariantName,
  systemInvariantNamed,
} from "../properties/dependents/index.ts";
import { SYSTEM_MAX_STEPS } from "./defaults.ts";
import { systemOpsArb } from "./system/arbitraries.ts";
import { coneDependentOps, systemCandidateOps } from "./system/candidates.ts";
import { systemItf } from "./system/itf.ts";
import { coneOf, systemStateKeyFor, WATCHES } from "./system/key.ts";
import { SYSTEM_SOMETIMES } from "./system/sometimes.ts";

/** The one dependent invariant an exploration is about (explored one at a time). */
const onlyInvariant = (
  invariants: ReadonlyArray<SpecInvariant<SystemConfig, SystemState>>,
): SystemInvariantName => {
  const [inv, ...more] = invariants;
  const known = inv === undefined ? undefined : systemInvariantNamed(inv.name);
  if (known === undefined || more.length > 0)
    throw new Error("internal: the system is explored one dependent invariant at a time");
  return known.name;
};

export const systemSpec: Spec<SystemConfig, SystemState, SystemOp> = {
  id: "system",
  title:
    "the fleet with the services that depend on Kinesis: Cognito, CloudWatch, Auto Scaling, Lambda, EventBridge, the dashboard, a customer",
  corpusFolder: "system",
  configs: {
    builtin: { "as-was": asWasSystem, "small-system": smallSystem },
    decode: decodeSystemConfig,
    nameOf: (c) => c.name,
  },
  init: initialSystemState,
  step: systemStep,
  opsArb: systemOpsArb,
  defaultMaxSteps: SYSTEM_MAX_STEPS,
  decodeOp: decodeSystemOp,
  itf: systemItf,
  invariants: SYSTEM_INVARIANTS,
  sometimes: SYSTEM_SOMETIMES,
  narration: {
    label: systemOpLabel,
    // The dependents' effects are data (habit 10): the step is taken again to word them.
    changes: (config, before, op, after) => {
      const r = systemStepWithEffects(config, before, op);
      return systemChangesBetween(config, before, after, E.isRight(r) ? r.right.effects : []);
    },
    advice: (name, config) => {
      const inv = systemInvariantNamed(name);
      if (inv === undefined) return undefined;
      if (inv.remediedBy.length === 0)
        return `fixed by no dependent remediation flag${inv.advice === undefined ? "" : `: ${inv.advice}`}`;
      // A remedy already on that still lets the invariant break has hit a limit of its own (R2's alarm level, say):
      // advising the same flag again would send the reader in a circle.
      const on = inv.remediedBy.find((set) => set.every((r) => config.dependents.remediations[r] === true));
      return on === undefined
        ? `fixed by: ${inv.remediedBy.map((set) => `--remediation ${set.join(",")}`).join(" or ")}`
        : `violated with --remediation ${on.join(",")} on: a limit of the remedy itself (docs/remediation-limits.md)`;
    },
  },
  exploration: {
    oneInvariantAtATime: true,
    cone: (invariants) => coneOf(onlyInvariant(invariants)),
    candidates: (config, invariants) => {
      const dependentOps = coneDependentOps(coneOf(onlyInvariant(invariants)));
      return (state) => systemCandidateOps(config, state, dependentOps);
    },
    key: (config, invariants) => {
      const name = onlyInvariant(invariants);
      return systemStateKeyFor(config, coneOf(name), WATCHES[name]);
    },
  },
};
