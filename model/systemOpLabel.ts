// ---------------------------------------------------------------------------------------------------------
// model: `actor/event` labels for system operations (style habit 15). Core operations keep the core labels.
// ---------------------------------------------------------------------------------------------------------
import { match } from "ts-pattern";
import type { SystemConfig } from "./dependents/config.ts";
import { partitionThreadsFor } from "./dependents/partitionFleet.ts";
import { opLabel } from "./opLabel.ts";
import { frontendName, positionOf } from "./state.ts";
import { DEPENDENT_ACTOR, type DependentOp, type SystemOp, type SystemState } from "./system.ts";

const isDependentOp = (op: SystemOp): op is DependentOp => op.type in DEPENDENT_ACTOR;

/** The label of `op` as applied in `s` (the state before the step). */
export const systemOpLabel = (config: SystemConfig, s: SystemState, op: SystemOp): string =>
  isDependentOp(op)
    ? `${DEPENDENT_ACTOR[op.type]}/${op.type}${match(op)
        .returnType<string>()
        .with({ type: "authRequested" }, () => " (a sign-in through Cognito)")
        .with(
          { type: "cognitoCapacityAdded" },
          () => ` (+${config.dependents.cognito.addedCapacityRecords} records of buffer)`,
        )
        .with({ type: "loadChanged" }, () => " on an Auto Scaling group")
        .with({ type: "functionInvoked" }, () => " on a Lambda host")
        .with({ type: "clusterRequested" }, (o) => ` on ${o.service.toUpperCase()}`)
        .with({ type: "statusPostStarted" }, () => " to the Service Health Dashboard")
        .with({ type: "frontendJudgedUnhealthy" }, (o) => {
          const f = s.core.frontends[positionOf(s.core, o.frontend)];
          return ` ${f === undefined ? "(no frontend)" : frontendName(f)} (slow: sent more than it can serve, K11)`;
        })
        .with({ type: "partitionCapacityAdded" }, () => {
          const p = config.dependents.partitionFleet;
          if (p === undefined) return " (no partitioned fleet in this config)";
          const after = s.dependents.partition.frontends + p.addedFrontends;
          return ` to CloudWatch's partition (+${p.addedFrontends}: ${s.dependents.partition.frontends} → ${after} frontends, ${partitionThreadsFor(p, after)} threads each of ${p.threadLimit})`;
        })
        .exhaustive()}`
    : opLabel(config, s.core, op);
