// ---------------------------------------------------------------------------------------------------------
// model: the format of a system operation, defined once (issue 16): a dependent event with exactly its
// fields, or a fleet operation (model/opFormat.ts). The decoder (model/systemOpDecoder.ts) and the system's
// operations in docs/counterexample.schema.json.
// ---------------------------------------------------------------------------------------------------------
import * as v from "valibot";
import { CONTAINER_SERVICES } from "./dependents/eventbridge.ts";
import { type Format, oneOf } from "./format.ts";
import { OpFormat, opMessage, opVariant, position } from "./opFormat.ts";
import { OP_TYPES } from "./ops.ts";
import { DEPENDENT_OP_TYPES, type DependentOpType, type SystemOp } from "./system.ts";

/** Each dependent operation's meaning (model/system.ts). Typed over DependentOpType, so a new one must be added. */
const DEPENDENT_OPS: { readonly [K in DependentOpType]: string } = {
  authRequested: "C2: an end user signs in or asks for credentials (through Cognito)",
  cognitoCapacityAdded: "C3: Cognito's engineers add capacity to buffer more calls (once)",
  loadChanged: "A1: the load on a customer's Auto Scaling group changes",
  functionInvoked: "L1: a Lambda function is invoked",
  clusterRequested: "E2: a customer asks ECS or EKS (`service`) to provision or scale a cluster",
  statusPostStarted: "H1: support operators start posting a status update to the Service Health Dashboard",
  frontendJudgedUnhealthy:
    "K11: the health check judges the slow frontend at position `frontend` (modulo the fleet) unhealthy; it restarts",
  partitionCapacityAdded:
    "R6: operators add dependents.partitionFleet.addedFrontends frontends to CloudWatch's partitioned fleet (enabled only with cloudwatchPartitionedFleet)",
};

/** The dependents' operations, one branch per type. */
export const DEPENDENT_OP_VARIANTS = DEPENDENT_OP_TYPES.map((t) =>
  opVariant(
    t,
    DEPENDENT_OPS[t],
    t === "clusterRequested"
      ? { service: oneOf(CONTAINER_SERVICES, CONTAINER_SERVICES.join(" or ")) }
      : t === "frontendJudgedUnhealthy"
        ? { frontend: position }
        : {},
  ),
);

/** A system operation: a fleet operation or a dependent one. */
export const SystemOpFormat = v.variant(
  "type",
  // The fleet's operations as one nested variant: the published schema refers to the fleet's list.
  [OpFormat as unknown as (typeof DEPENDENT_OP_VARIANTS)[number], ...DEPENDENT_OP_VARIANTS],
  opMessage([...OP_TYPES, ...DEPENDENT_OP_TYPES]),
) as unknown as Format<SystemOp>;
