// ---------------------------------------------------------------------------------------------------------
// model: the front-end fleet's health check (domain.md K11; [AWS-p] "to avoid servers being judged as
// unhealthy during startup"). It removes a frontend that is slow, one sent more requests than it can serve
// (model/load.ts `judgedSlow`), and that frontend has to bootstrap again: its removal is the core's restart
// (model/fleet.ts `frontendRestarted`), so the core model is unchanged. This is the sustaining loop of K11:
// too many frontends bootstrapping at once leave the serving ones too little capacity, the health check
// removes them, and they bootstrap too. Its state is the count of such setbacks, read by NoRecoverySetback.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { frontendRestarted } from "../fleet.ts";
import { judgedSlow, type LoadedConfig } from "../load.ts";
import type { Refusal } from "../refusal.ts";
import { type Frontend, frontendName, positionOf, type State } from "../state.ts";

export interface HealthCheckState {
  /** K11: frontends serving with a complete map that the health check judged unhealthy and removed so far. */
  readonly removedUnhealthy: number;
}

export const initialHealthCheck: HealthCheckState = { removedUnhealthy: 0 };

/**
 * K11: the health check judges the frontend at position `frontend` (modulo the fleet) unhealthy and removes it;
 * it restarts and bootstraps again. Enabled only when it serves with a complete map and is slow.
 */
export const frontendJudgedUnhealthy = (
  config: LoadedConfig,
  core: State,
  h: HealthCheckState,
  frontend: number,
): E.Either<Refusal, { readonly core: State; readonly healthCheck: HealthCheckState }> => {
  const f = core.frontends[positionOf(core, frontend)] as Frontend | undefined;
  if (f === undefined) return E.left({ _tag: "NotEnabled", reason: "the fleet is empty" });
  if (!judgedSlow(config, core, f))
    return E.left({
      _tag: "NotEnabled",
      reason: `${frontendName(f)} is not slow: it is not serving with a complete map, or it can serve what it is sent`,
    });
  return E.map((next: State) => ({ core: next, healthCheck: { removedUnhealthy: h.removedUnhealthy + 1 } }))(
    frontendRestarted(config, core, { frontend }),
  );
};
