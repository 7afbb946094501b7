// ---------------------------------------------------------------------------------------------------------
// model: the whole system: the Kinesis front-end fleet (the core model, unchanged) composed with the services
// that depend on it (domain.md §(b) "Dependent services" and its dependency graph). One system state, one
// `systemStep`: core operations are delegated to the core `step`; a tick advances the core and then every
// dependent, each reading the health of what it depends on; dependents' own events go to their files.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import { match } from "ts-pattern";
import { type AlarmsState, alarmsTick, initialAlarms } from "./dependents/alarms.ts";
import {
  type AutoScalingState,
  autoscalingTick,
  initialAutoScaling,
  loadChanged,
} from "./dependents/autoscaling.ts";
import {
  acceptsPuts,
  type CloudWatchState,
  cloudwatchTick,
  initialCloudWatch,
  metricsReadable,
} from "./dependents/cloudwatch.ts";
import {
  authRequested,
  type CognitoState,
  cognitoCapacityAdded,
  cognitoFailing,
  cognitoTick,
  initialCognito,
} from "./dependents/cognito.ts";
import type { SystemConfig } from "./dependents/config.ts";
import { type CustomerState, customerTick, initialCustomer } from "./dependents/customer.ts";
import {
  type DashboardState,
  dashboardTick,
  initialDashboard,
  statusPostStarted,
} from "./dependents/dashboard.ts";
import type { DependentEffect, EventResult, Stepped } from "./dependents/effects.ts";
import {
  type ContainerService,
  clusterRequested,
  type EventBridgeState,
  eventbridgeTick,
  initialEventBridge,
} from "./dependents/eventbridge.ts";
import {
  frontendJudgedUnhealthy,
  type HealthCheckState,
  initialHealthCheck,
} from "./dependents/healthCheck.ts";
import {
  cloudwatchKinesisAvailable,
  eventbridgeKinesisAvailable,
  mainFleetAvailable,
} from "./dependents/kinesisHealth.ts";
import { functionInvoked, initialLambda, type LambdaState, lambdaTick } from "./dependents/lambda.ts";
import {
  initialPartition,
  type PartitionState,
  partitionCapacityAdded,
} from "./dependents/partitionFleet.ts";
import type { Op } from "./ops.ts";
import type { Refusal } from "./refusal.ts";
import { initialState, type State } from "./state.ts";
import { step } from "./step.ts";

// ---------------------------------------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------------------------------------

export interface Dependents {
  /** C1–C4: Cognito's usage-record buffer and its webservers. */
  readonly cognito: CognitoState;
  /** W1/R10: CloudWatch's ingest path, local store and alarms. */
  readonly cloudwatch: CloudWatchState;
  /** A1: a reactive scaling policy. */
  readonly autoscaling: AutoScalingState;
  /** L1: the invocation hosts' metric agent. */
  readonly lambda: LambdaState;
  /** E1/E2: EventBridge and the ECS/EKS workflows it drives. */
  readonly eventbridge: EventBridgeState;
  /** H1: the Service Health Dashboard's posting path. */
  readonly dashboard: DashboardState;
  /** Seed 000: a customer's telemetry pipeline. */
  readonly customer: CustomerState;
  /** K11: the front-end fleet's health check and the setbacks it caused (model/dependents/healthCheck.ts). */
  readonly healthCheck: HealthCheckState;
  /** R6's own limit: CloudWatch's partitioned front-end fleet (model/dependents/partitionFleet.ts). */
  readonly partition: PartitionState;
  /** K9/K10/R2: when the operators' error alarm and thread alarm first fired (model/dependents/alarms.ts). */
  readonly alarms: AlarmsState;
}

export interface SystemState {
  /** The Kinesis front-end fleet (model/state.ts). */
  readonly core: State;
  readonly dependents: Dependents;
}

/** The dependents' own events, grouped by actor (style habit 4). */
export type DependentOp =
  /** C2: an end user signs in or asks for credentials. */
  | { readonly type: "authRequested" }
  /** C3: Cognito's engineers add capacity to buffer more calls. */
  | { readonly type: "cognitoCapacityAdded" }
  /** A1: the load on a customer's Auto Scaling group changes. */
  | { readonly type: "loadChanged" }
  /** L1: a Lambda function is invoked. */
  | { readonly type: "functionInvoked" }
  /** E2: a customer asks ECS or EKS to provision or scale a cluster. */
  | { readonly type: "clusterRequested"; readonly service: ContainerService }
  /** H1: support operators start posting a status update to the dashboard. */
  | { readonly type: "statusPostStarted" }
  /** K11: the health check judges a slow frontend (position modulo the fleet) unhealthy; it restarts. */
  | { readonly type: "frontendJudgedUnhealthy"; readonly frontend: number }
  /** R6: operators add frontends to CloudWatch's partitioned fleet. */
  | { readonly type: "partitionCapacityAdded" };

export type SystemOp = Op | DependentOp;

export type DependentOpType = DependentOp["type"];

export const DEPENDENT_ACTOR: { readonly [K in DependentOpType]: string } = {
  authRequested: "user",
  cognitoCapacityAdded: "cognito",
  loadChanged: "customer",
  functionInvoked: "client",
  clusterRequested: "customer",
  statusPostStarted: "operator",
  frontendJudgedUnhealthy: "healthCheck",
  partitionCapacityAdded: "operator",
};

export const DEPENDENT_OP_TYPES: ReadonlyArray<DependentOpType> = Object.keys(
  DEPENDENT_ACTOR,
) as ReadonlyArray<DependentOpType>;

export type SystemStepResult = E.Either<Refusal, SystemState>;

/** A step's result with the dependents' effects as data (model/dependents/effects.ts). */
export type SystemStepped = E.Either<
  Refusal,
  { readonly state: SystemState; readonly effects: ReadonlyArray<DependentEffect> }
>;

// ---------------------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------------------

/** Every dependent healthy with empty buffers; the alarms as the fleet at rest has them (alarms.ts). */
const initialDependents = (config: SystemConfig, core: State): Dependents => ({
  cognito: initialCognito(config),
  cloudwatch: initialCloudWatch,
  autoscaling: initialAutoScaling,
  lambda: initialLambda,
  eventbridge: initialEventBridge,
  dashboard: initialDashboard,
  customer: initialCustomer,
  healthCheck: initialHealthCheck,
  partition: initialPartition(config),
  alarms: initialAlarms(config, core),
});

/** 02:44 on 25 Nov, before the addition: the fleet at rest and every dependent healthy with empty buffers. */
export const initialSystemState = (config: SystemConfig): SystemState => {
  const core = initialState(config);
  return { core, dependents: initialDependents(config, core) };
};

// ---------------------------------------------------------------------------------------------------------
// operations
// ---------------------------------------------------------------------------------------------------------

/**
 * One tick for the dependents, in dependency order (domain.md's graph): what reads Kinesis first, then what
 * reads CloudWatch (AutoScaling, Lambda) and Cognito (the dashboard). `core` is the fleet after its own tick.
 */
export const dependentsTick = (config: SystemConfig, core: State, d: Dependents): Stepped<Dependents> => {
  // Once a tick: it scans the whole fleet, and every dependent that calls Kinesis reads it.
  const kinesisUp = mainFleetAvailable(config, core);
  const cognito = cognitoTick(config, d.cognito, kinesisUp);
  const cloudwatch = cloudwatchTick(
    config,
    d.cloudwatch,
    cloudwatchKinesisAvailable(config, kinesisUp, d.partition),
  );
  const lambda = lambdaTick(config, d.lambda, acceptsPuts(config, cloudwatch.next));
  const customer = customerTick(config, d.customer, kinesisUp, core.tick);
  return {
    next: {
      cognito: cognito.next,
      cloudwatch: cloudwatch.next,
      autoscaling: autoscalingTick(d.autoscaling, metricsReadable(cloudwatch.next)),
      lambda: lambda.next,
      eventbridge: eventbridgeTick(d.eventbridge, eventbridgeKinesisAvailable(config, kinesisUp)),
      dashboard: dashboardTick(config, d.dashboard, !cognitoFailing(cognito.next), core.tick),
      customer: customer.next,
      // The health check has nothing to do with time passing: it acts through its own operation.
      healthCheck: d.healthCheck,
      // Nor does the partition: it grows only by the operators' additions.
      partition: d.partition,
      // Alarms sample this period last, once CloudWatch has ingested (or not) its datapoints (alarms.ts).
      alarms: alarmsTick(config, d.alarms, core, !kinesisUp, metricsReadable(cloudwatch.next)),
    },
    effects: [...cognito.effects, ...cloudwatch.effects, ...lambda.effects, ...customer.effects],
  };
};

/** A core operation: delegated to the core `step`; a tick also advances the dependents. */
const coreStep = (config: SystemConfig, s: SystemState, op: Op): SystemStepped => {
  const r = step(config, s.core, op);
  if (E.isLeft(r)) return r;
  const core = r.right;
  if (op.type !== "tick") return E.right({ state: { core, dependents: s.dependents }, effects: [] });
  const d = dependentsTick(config, core, s.dependents);
  return E.right({ state: { core, dependents: d.next }, effects: d.effects });
};

/**
 * A dependent's event, applied to its part of the system: its refusal when it is not enabled (habit 7), else
 * the system with that dependent's next state, and the event's effects as data (habit 10).
 */
const dependentEvent = <K extends keyof Dependents>(
  s: SystemState,
  key: K,
  result: EventResult<Dependents[K]>,
): SystemStepped =>
  pipe(
    result,
    E.map(({ next, effects }) => ({
      state: { ...s, dependents: { ...s.dependents, [key]: next } },
      effects,
    })),
  );

/**
 * The next system state after `op` with what the dependents did as data (habit 10), or a typed refusal when
 * `op` is not enabled. Only dispatches (habit 8).
 */
export const systemStepWithEffects = (config: SystemConfig, s: SystemState, op: SystemOp): SystemStepped => {
  const now = s.core.tick;
  const d = s.dependents;
  return match(op)
    .returnType<SystemStepped>()
    .with(
      { type: "capacityAdded" },
      { type: "frontendRemoved" },
      { type: "frontendRestarted" },
      { type: "frontendCrashed" },
      { type: "peerLearned" },
      { type: "shardMoved" },
      { type: "requestRouted" },
      { type: "tick" },
      (o) => coreStep(config, s, o),
    )
    .with({ type: "authRequested" }, () =>
      dependentEvent(s, "cognito", authRequested(config, d.cognito, mainFleetAvailable(config, s.core))),
    )
    .with({ type: "cognitoCapacityAdded" }, () =>
      dependentEvent(s, "cognito", cognitoCapacityAdded(config, d.cognito)),
    )
    .with({ type: "loadChanged" }, () => dependentEvent(s, "autoscaling", loadChanged(d.autoscaling, now)))
    .with({ type: "functionInvoked" }, () => dependentEvent(s, "lambda", functionInvoked(config, d.lambda)))
    .with({ type: "clusterRequested" }, (o) =>
      dependentEvent(s, "eventbridge", clusterRequested(d.eventbridge, o.service, now)),
    )
    .with({ type: "statusPostStarted" }, () =>
      dependentEvent(s, "dashboard", statusPostStarted(d.dashboard, now)),
    )
    .with({ type: "frontendJudgedUnhealthy" }, (o) =>
      pipe(
        frontendJudgedUnhealthy(config, s.core, d.healthCheck, o.frontend),
        E.map(({ core, healthCheck }) => ({
          state: { core, dependents: { ...d, healthCheck } },
          effects: [],
        })),
      ),
    )
    .with({ type: "partitionCapacityAdded" }, () =>
      dependentEvent(s, "partition", partitionCapacityAdded(config, d.partition)),
    )
    .exhaustive();
};

/** The next system state after `op`, or a typed refusal when `op` is not enabled. */
export const systemStep = (config: SystemConfig, s: SystemState, op: SystemOp): SystemStepResult =>
  pipe(
    systemStepWithEffects(config, s, op),
    E.map((r) => r.state),
  );
