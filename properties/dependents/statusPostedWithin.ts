// properties: StatusPostedWithin. H1/R12 (MP11): with the posting tool's dependency (Cognito) down, a status
// update still reaches the Service Health Dashboard within N ticks.
import * as O from "fp-ts/lib/Option.js";
import { postDelay } from "../../model/dependents/dashboard.ts";
import type { SystemInvariant } from "./systemInvariant.ts";

export const statusPostedWithin: SystemInvariant = {
  name: "StatusPostedWithin",
  sentence:
    "A status update reaches the Service Health Dashboard within N ticks (dependents.dashboard.postWithinTicks), even while one of its dependencies is down.",
  source: "domain.md H1, R12 (MP11); seeds 001, 003",
  remediedBy: [["dashboardBackupPath"]],
  check: (config, s) => {
    const delay = postDelay(s.dependents.dashboard, s.core.tick);
    const n = config.dependents.dashboard.postWithinTicks;
    return delay > n
      ? O.some({
          invariant: "StatusPostedWithin",
          message: `a status update has waited ${delay} ticks to reach the dashboard, more than ${n}`,
          source: statusPostedWithin.source,
        })
      : O.none;
  },
  closeness: (config, s) =>
    postDelay(s.dependents.dashboard, s.core.tick) / Math.max(1, config.dependents.dashboard.postWithinTicks),
  closenessMeaning: "wait of the status update in progress, as a fraction of N",
};
