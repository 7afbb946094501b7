// ---------------------------------------------------------------------------------------------------------
// analyses/configSearch: system configs as an arbitrary, for the search over the dependents' numbers (issue 18:
// "the dependents' buffers"). The fleet is `small`'s cut to one frontend (crashing it takes Kinesis down, and a
// larger fleet only multiplies the states: 25 configs took 15 s with small's fleet); drawn are the numbers the three bounded dependents
// invariants are about — Cognito's buffer and record rate (C1/C2), CloudWatch's datapoint rate and local store
// horizon (W1/R10), Lambda's metric rate and memory threshold (L1/R11), the share of routable frontends under
// which Kinesis counts as down, CloudWatch's partition (R6's own limit: absent, or its size, growth and thread
// numbers) — and every subset of the dependents' remediations. The other services keep
// `small-system`'s numbers. Each draw goes through `decodeSystemConfig`, as a user's file would.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { smallSystem } from "../../model/configs/smallDependents.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediations,
  type SystemConfig,
} from "../../model/dependents/config.ts";
import { decodeSystemConfig } from "../../model/dependents/configDecoder.ts";

const small = fc.integer({ min: 0, max: 3 });

export const dependentsConfigArb: fc.Arbitrary<SystemConfig> = fc
  .record({
    // 0 included: Kinesis then never counts as down, a boundary every rule must get right.
    minHealthyPercent: fc.constantFrom(0, 50, 100),
    cognito: fc.record({ recordsPerTick: small, bufferRecords: small, addedCapacityRecords: small }),
    cloudwatch: fc.record({ datapointsPerTick: small, localBufferTicks: small }),
    lambda: fc.record({ metricUnitsPerTick: small, memoryThresholdUnits: small }),
    // R6's own limit: absent (no limit modelled) or a partition of 1–3 frontends growing by 1–2 up to 1–4.
    partitionFleet: fc.option(
      fc.record({
        frontends: fc.integer({ min: 1, max: 3 }),
        addedFrontends: fc.integer({ min: 1, max: 2 }),
        maxFrontends: fc.integer({ min: 1, max: 4 }),
        baseThreads: fc.integer({ min: 0, max: 2 }),
        threadsPerPeer: fc.integer({ min: 0, max: 1 }),
        threadLimit: fc.integer({ min: 1, max: 4 }),
      }),
      { nil: undefined },
    ),
    remediations: fc.record(
      Object.fromEntries(DEPENDENT_REMEDIATION_NAMES.map((n) => [n, fc.boolean()])) as {
        readonly [K in keyof DependentRemediations]: fc.Arbitrary<boolean>;
      },
    ),
  })
  .map((d) => {
    const base = smallSystem.dependents;
    // Remediations by initials (cognitoNonBlockingBuffer: cNBB): the decoder allows names of 200 characters.
    const on = DEPENDENT_REMEDIATION_NAMES.filter((n) => d.remediations[n]).map(
      (n) => `${n[0]}${n.replace(/[a-z]/g, "")}`,
    );
    const decoded = decodeSystemConfig({
      ...smallSystem,
      name: `small-system@1,k${d.minHealthyPercent},cog${d.cognito.recordsPerTick}/${d.cognito.bufferRecords}/${d.cognito.addedCapacityRecords},cw${d.cloudwatch.datapointsPerTick}/${d.cloudwatch.localBufferTicks},lam${d.lambda.metricUnitsPerTick}/${d.lambda.memoryThresholdUnits}${d.partitionFleet === undefined ? "" : `,pf${Object.values(d.partitionFleet).join("/")}`}${on.length === 0 ? "" : `,${on.join("+")}`}`,
      description: "drawn by analyses/configSearch/dependentsConfigArb.ts",
      fleet: { initialSize: 1, maxSize: 1 },
      dependents: {
        ...base,
        kinesis: { minHealthyPercent: d.minHealthyPercent },
        cognito: d.cognito,
        cloudwatch: { ...base.cloudwatch, ...d.cloudwatch },
        lambda: d.lambda,
        remediations: d.remediations,
        partitionFleet: d.partitionFleet,
      },
    });
    if (E.isLeft(decoded))
      throw new Error(`dependentsConfigArb drew a config the decoder refuses: ${decoded.left}`);
    return decoded.right;
  });
