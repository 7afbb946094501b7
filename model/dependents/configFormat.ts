// ---------------------------------------------------------------------------------------------------------
// model: the `dependents` section of a config file, defined once (issue 16): a valibot schema with exactly the
// shape of `asWasDependents` (same keys, integers ≥ 0 where it has numbers, flags where it has flags), so a field
// added to `DependentsConfig` and `asWasDependents` is in the decoder and the published JSON Schema at once.
// A system config is the core config (model/configFormat.ts) plus this section.
// ---------------------------------------------------------------------------------------------------------
import * as v from "valibot";
import { CONFIG_ENTRIES, SCHEMA_KEY } from "../configFormat.ts";
import { asWasDependents, asWasLoad } from "../configs/asWasDependents.ts";
import { atLeast, between, type Format, flag, section } from "../format.ts";
import type { DependentsConfig } from "./config.ts";

/** What each section is about, for the JSON Schema's reader. */
const SECTIONS: Readonly<Record<string, string>> = {
  kinesis: "what the dependents see of Kinesis (K8)",
  cognito: "C1–C3",
  cloudwatch: "W1, R10",
  autoscaling: "A1",
  lambda: "L1",
  eventbridge: "E1, E2",
  dashboard: "H1, R12",
  customer: "seed 000",
  alarms: "K9, K10, R2",
  remediations: "the dependents' remediation flags, all false in as-was",
};

/** The format of a value shaped like `like`: integers ≥ 0 for numbers, flags for flags, objects key by key. */
const shapeOf = (like: unknown, description?: string): Format<unknown> =>
  typeof like === "boolean"
    ? flag()
    : typeof like === "number"
      ? atLeast(0)
      : section(
          Object.fromEntries(Object.entries(like as object).map(([k, x]) => [k, shapeOf(x, SECTIONS[k])])),
          description,
        );

/**
 * K2/K11/R7: the `load` section (model/load.ts), each field with its own range. A file written before the
 * section existed has none and gets as-was's (`asWasLoad`), so saved counterexamples and config files stay valid.
 */
const LoadFormat = v.optional(
  section(
    {
      offeredRequestsPerTick: atLeast(0, "K2: requests per tick clients offer the whole front-end fleet"),
      capacityPerFrontend: atLeast(
        1,
        "K2: requests per tick one 2020-size frontend with a complete map serves",
      ),
      bootstrapCostPercent: between(
        0,
        100,
        " (a percent)",
        "K11: percent of a serving peer's capacity one bootstrap takes",
      ),
      healthCheckPercent: atLeast(
        1,
        "K11: a frontend sent more than this percent of its capacity is judged slow",
      ),
      firstCellLoadPercent: between(0, 100, " (a percent)", "R7: percent of the offered load on cell 0"),
    },
    "K2, K11, R7: load and capacity (model/load.ts); every number illustrative",
  ),
  asWasLoad,
);

/**
 * R6's own limit: the `partitionFleet` section (model/dependents/partitionFleet.ts). Optional with no default: a
 * file without it models no such limit (CloudWatch's partition is always available), as before it existed.
 */
const PartitionFleetFormat = v.optional(
  section(
    {
      frontends: atLeast(1, "R6: frontends in CloudWatch's partition at the start"),
      addedFrontends: atLeast(1, "R6: frontends one operator/partitionCapacityAdded adds"),
      maxFrontends: atLeast(1, "R6: the largest partition the capacity plan reaches"),
      baseThreads: atLeast(0, "K5: threads a partition frontend needs besides those for its peers"),
      threadsPerPeer: atLeast(0, "K5: threads a partition frontend opens for each other partition frontend"),
      threadLimit: atLeast(1, "K7: the OS limit on one partition frontend's threads"),
    },
    "R6's own limit: CloudWatch's partitioned front-end fleet, its size and thread limit (docs/remediation-limits.md); every number illustrative",
  ),
);

/**
 * K9/K10/R2: the `alarms` section (model/dependents/alarms.ts). A file written before it existed has none and
 * keeps none (DEFAULT_THREAD_ALARM_PERCENT applies), so saved counterexamples keep their names and hashes.
 */
const AlarmsFormat = v.optional(
  section(
    {
      threadAlarmPercent: between(
        1,
        100,
        " (a percent of the OS thread limit)",
        "R2: α, the percent of the OS thread limit at which the thread alarm fires (illustrative)",
      ),
    },
    SECTIONS.alarms,
  ),
);

/**
 * The remediation flags, each required, except R2's `threadAlarm`: a file written before it existed has none and
 * keeps none (absent is off, K10), so saved counterexamples keep their names and hashes.
 */
const RemediationsFormat = section(
  Object.fromEntries(
    Object.keys(asWasDependents.remediations).map((k) => [
      k,
      k === "threadAlarm" ? v.optional(flag()) : flag(),
    ]),
  ),
  SECTIONS.remediations,
);

/** The format of one section of `dependents`: an own range or an optional section, else as-was's shape. */
const sectionFormat = (k: string, x: unknown): Format<unknown> =>
  k === "load"
    ? LoadFormat
    : k === "partitionFleet"
      ? PartitionFleetFormat
      : k === "alarms"
        ? AlarmsFormat
        : k === "remediations"
          ? RemediationsFormat
          : shapeOf(x, SECTIONS[k]);

/** The `dependents` section; its type is `asWasDependents`'s, which `DependentsConfig` types. */
export const DependentsFormat = section(
  Object.fromEntries(Object.entries(asWasDependents).map(([k, x]) => [k, sectionFormat(k, x)])),
  "the dependent services' parameters (model/dependents/config.ts; every number illustrative)",
) as unknown as Format<DependentsConfig>;

/** A whole system config (a saved system counterexample's `config`): the core config plus `dependents`. */
export const SystemConfigFormat = section({ ...SCHEMA_KEY, ...CONFIG_ENTRIES, dependents: DependentsFormat });

/** A config file as `--config FILE` takes it: `dependents` may be left out (as-was's apply). */
export const ConfigFileFormat = section({
  ...SCHEMA_KEY,
  ...CONFIG_ENTRIES,
  dependents: v.optional(DependentsFormat),
});
