// properties: NoRecoverySetback. K11/K15 (MP8): no frontend serving with a complete map is judged unhealthy and
// removed, which would set the in-service count back: the fleet is never restarted, or capacity never lost,
// faster than the frontends left serving can carry the load beside the shard-map fills.
import * as O from "fp-ts/lib/Option.js";
import { cellLoads } from "../../model/load.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

export const noRecoverySetback: SystemInvariant = {
  name: "NoRecoverySetback",
  sentence:
    "No frontend serving with a complete map is judged unhealthy and removed (the in-service count never falls back): frontends are restarted no faster than the serving ones can carry the load beside the bootstraps.",
  source: "domain.md K11, K15 (MP8); [AWS-p] 'to avoid servers being judged as unhealthy during startup'",
  // No dependent remediation bounds the load on a frontend; the pace is the operators' (recovery --pace).
  remediedBy: [],
  advice:
    "restart (and add capacity) no faster than the safe pace r_safe (npx outage recovery --pace N/D; docs/load.md)",
  check: (_config, s) => {
    const n = s.dependents.healthCheck.removedUnhealthy;
    return n > 0
      ? O.some({
          invariant: "NoRecoverySetback",
          message: `the health check judged ${n} slow frontend(s) unhealthy and removed them: each must bootstrap again, a setback (K11)`,
          source: noRecoverySetback.source,
        })
      : O.none;
  },
  // The busiest cell's load per serving frontend as a share of what each can serve: above 1 the check fires.
  closeness: (config, s) =>
    s.dependents.healthCheck.removedUnhealthy > 0
      ? 2
      : Math.max(
          0,
          ...cellLoads(config, s.core)
            .filter((c) => c.servingComplete > 0)
            .map((c) =>
              c.capacityEach === 0
                ? 1
                : c.perFrontend / ((c.capacityEach * config.dependents.load.healthCheckPercent) / 100),
            ),
        ),
  closenessMeaning:
    "requests sent to a serving frontend, as a fraction of what the health check lets it be sent",
};
