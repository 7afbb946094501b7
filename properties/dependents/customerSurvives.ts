// properties: CustomerIngestionSurvivesRegionalImpairment. Seed 000: the customer's clients "had to shut
// their system down all day"; no region switch was possible during the holiday change freeze.
import * as O from "fp-ts/lib/Option.js";
import type { SystemInvariant } from "./systemInvariant.ts";

export const customerSurvives: SystemInvariant = {
  name: "CustomerIngestionSurvivesRegionalImpairment",
  sentence:
    "The customer's ingestion loses no record and resumes within N ticks (dependents.customer.resumeWithinTicks) of a regional impairment.",
  source: "seed 000 (000_139a6cf1b7a9f00f.txt)",
  remediedBy: [["customerStandbyStream", "customerAutomaticFailover"]],
  check: (config, s) => {
    const c = s.dependents.customer;
    const n = config.dependents.customer.resumeWithinTicks;
    return c.lost > 0 || c.failingFor > n
      ? O.some({
          invariant: "CustomerIngestionSurvivesRegionalImpairment",
          message: `the customer's ingestion has been down ${c.failingFor} ticks (limit ${n}) and lost ${c.lost} record(s)`,
          source: customerSurvives.source,
        })
      : O.none;
  },
  closeness: (config, s) =>
    s.dependents.customer.failingFor / Math.max(1, config.dependents.customer.resumeWithinTicks),
  closenessMeaning: "ticks the customer's ingestion has been down, as a fraction of N",
};
