// ---------------------------------------------------------------------------------------------------------
// checker: running a scenario through `systemStep` and reading its timeline: for every service, when it
// failed and when it recovered (from health predicates over the states, not from the scenario's notes),
// plus the operators' actions and the record's notes. Pure and deterministic.
// ---------------------------------------------------------------------------------------------------------

import * as E from "fp-ts/lib/Either.js";
import { SERVICES, type Service } from "../model/dependencyGraph.ts";
import { overThreadLimit } from "../model/dependents/alarms.ts";
import { scalingDelay } from "../model/dependents/autoscaling.ts";
import { cloudwatchFailing } from "../model/dependents/cloudwatch.ts";
import { cognitoFailing } from "../model/dependents/cognito.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { postDelay } from "../model/dependents/dashboard.ts";
import { provisioningDelay } from "../model/dependents/eventbridge.ts";
import { eventbridgeKinesisAvailable, mainFleetAvailable } from "../model/dependents/kinesisHealth.ts";
import { memoryContended } from "../model/dependents/lambda.ts";
import { goodput, goodputWords } from "../model/load.ts";
import { deployed, deploymentText } from "../model/scenarios/deployment.ts";
import type { Deployment, Scenario } from "../model/scenarios/scenario.ts";
import { initialSystemState, type SystemOp, type SystemState, systemStep } from "../model/system.ts";
import { threadLimitInForce } from "../model/threadFormula.ts";
import { type Detection, detection } from "./detection.ts";

export interface ScenarioEvent {
  readonly tick: number;
  /** Wall-clock time of day, HH:MM (PST). */
  readonly time: string;
  readonly service: Service;
  readonly event: string;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly config: string;
  readonly tickMinutes: number;
  readonly events: ReadonlyArray<ScenarioEvent>;
  /** The tick of each service's first failure (only services that failed). */
  readonly firstFailure: Readonly<Partial<Record<Service, number>>>;
  /** The tick each failed service was last healthy again, if it ends the scenario healthy. */
  readonly recovered: Readonly<Partial<Record<Service, number>>>;
  /** Services still failing at the end. */
  readonly stillFailing: ReadonlyArray<Service>;
  /** K9/K10/R2: when the limit was passed, the first alarm, and when the root cause was named (detection.ts). */
  readonly detection: Detection;
}

/** What is wrong with each service now, or undefined when it is healthy. */
export const serviceProblems = (
  config: SystemConfig,
  s: SystemState,
): Readonly<Record<Service, string | undefined>> => {
  const d = s.dependents;
  const now = s.core.tick;
  const p = config.dependents;
  const pending = (delay: number, n: number, what: string) =>
    delay > n ? `${what} waited ${delay} ticks (> ${n})` : undefined;
  const mainUp = mainFleetAvailable(config, s.core);
  return {
    kinesis: mainUp
      ? undefined
      : `API errors: the fleet ${goodputWords(config, s.core)} (useless shard-maps K8, bootstrap contention K11)`,
    cognito: cognitoFailing(d.cognito)
      ? `webservers blocked on the full Kinesis buffer (${d.cognito.buffered}/${d.cognito.capacity}): sign-ins fail (C2)`
      : undefined,
    cloudwatch: cloudwatchFailing(config, d.cloudwatch)
      ? `PutMetricData errors, datapoints lost, alarms ${d.cloudwatch.alarm} (W1)`
      : undefined,
    autoscaling: pending(
      scalingDelay(d.autoscaling, now),
      p.autoscaling.reactWithinTicks,
      "a scaling action has",
    ),
    lambda: memoryContended(config, d.lambda)
      ? `metric buffer ${d.lambda.metricBuffer} > ${p.lambda.memoryThresholdUnits} units: memory contention, invocation errors (L1)`
      : undefined,
    eventbridge: eventbridgeKinesisAvailable(config, mainUp)
      ? undefined
      : "API errors and event-processing delays (E1)",
    ecs: pending(
      provisioningDelay(d.eventbridge, "ecs", now),
      p.eventbridge.provisionWithinTicks,
      "ECS provisioning has",
    ),
    eks: pending(
      provisioningDelay(d.eventbridge, "eks", now),
      p.eventbridge.provisionWithinTicks,
      "EKS provisioning has",
    ),
    dashboard: pending(postDelay(d.dashboard, now), p.dashboard.postWithinTicks, "a status update has"),
    customer:
      d.customer.failingFor > p.customer.resumeWithinTicks
        ? `ingestion down ${d.customer.failingFor} ticks (> ${p.customer.resumeWithinTicks}), ${d.customer.lost} records lost: no region switch`
        : undefined,
  };
};

/** Minutes past midnight → HH:MM. */
export const timeOfDay = (startMinute: number, tickMinutes: number, tick: number): string => {
  const m = (startMinute + tick * tickMinutes) % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/** Kinesis milestones read from the core state: the thread limit first exceeded, the first useless map. */
const coreMilestones = (config: SystemConfig, a: SystemState, b: SystemState): ReadonlyArray<string> => {
  const over = (s: SystemState) => s.core.frontends.filter((f) => overThreadLimit(config, f)).length;
  const useless = (s: SystemState) => s.core.frontends.filter((f) => f.map === "useless").length;
  const out: string[] = [];
  if (over(a) === 0 && over(b) > 0)
    out.push(
      `thread limit exceeded: ${over(b)} frontend(s) need more than ${threadLimitInForce(config)} threads (K5, K7)`,
    );
  if (useless(b) > useless(a))
    out.push(`${useless(b)} of ${b.core.frontends.length} frontends have a useless shard-map (K8)`);
  if (useless(a) > 0 && useless(b) === 0) out.push("no frontend has a useless shard-map any more");
  const whole = (s: SystemState) =>
    s.core.frontends.every((f) => f.status === "serving" && f.map === "complete");
  if (!whole(a) && whole(b))
    out.push(`all ${b.core.frontends.length} frontends serve with a complete shard-map`);
  return out;
};

const opEvent = (op: SystemOp): { readonly service: Service; readonly event: string } | undefined => {
  switch (op.type) {
    case "capacityAdded":
      return { service: "kinesis", event: `operators add ${op.count} server(s) of front-end capacity (K16)` };
    case "frontendRemoved":
      return { service: "kinesis", event: "operators remove the added capacity (the trigger)" };
    case "frontendRestarted":
      return { service: "kinesis", event: `operators restart a frontend (paced restart, K12/K15)` };
    case "cognitoCapacityAdded":
      return { service: "cognito", event: "Cognito adds buffer capacity (C3)" };
    case "statusPostStarted":
      return { service: "dashboard", event: "operators start posting a status update (H1)" };
    case "frontendJudgedUnhealthy":
      return {
        service: "kinesis",
        event:
          "the health check judges a slow frontend unhealthy and removes it: it bootstraps again (setback, K11)",
      };
    default:
      return undefined;
  }
};

/** K11: a setback's effect on goodput ("; the fleet now delivers 0 of 44 requests a tick, down from 7.3"). */
const goodputChange = (
  config: SystemConfig,
  op: SystemOp,
  before: SystemState,
  after: SystemState,
): string =>
  op.type === "frontendJudgedUnhealthy"
    ? `; the fleet now ${goodputWords(config, after.core)}, down from ${Math.round(10 * goodput(config, before.core)) / 10}`
    : "";

/** The service a deployment is about: the dependent whose flag it switches on first, else Kinesis. */
const deploymentService = (d: Deployment): Service =>
  SERVICES.find((svc) => svc !== "kinesis" && d.remediations.some((n) => n.startsWith(svc))) ?? "kinesis";

/**
 * Runs the scenario's operations from the initial state under `config` and reads the timeline. Ticks are
 * counted from the `tick` operations; the notes are printed at their tick, before that tick's operations,
 * and the deployments are rolled out then (the config changes from that tick on).
 */
export const runScenario = (
  initialConfig: SystemConfig,
  scenario: Scenario,
  /** Told every state the run reaches (after each applied operation), for measures the timeline does not print. */
  observe?: (s: SystemState) => void,
): ScenarioResult => {
  const { name, ops, notes, startMinute } = scenario;
  const deployments = scenario.deployments ?? [];
  let config = initialConfig;
  const time = (t: number) => timeOfDay(startMinute, config.tickMinutes, t);
  const events: ScenarioEvent[] = [];
  const firstFailure: Partial<Record<Service, number>> = {};
  const recovered: Partial<Record<Service, number>> = {};
  const downSince: Partial<Record<Service, number>> = {};
  let s = initialSystemState(config);
  let problems = serviceProblems(config, s);
  let noted = -1;
  let limitPassed: number | undefined;
  const push = (tick: number, service: Service, event: string) =>
    events.push({ tick, time: time(tick), service, event });
  for (const op of ops) {
    const t = s.core.tick;
    if (noted < t) {
      for (const n of notes.filter((x) => x.tick > noted && x.tick <= t))
        push(n.tick, "kinesis", `record: ${n.record}`);
      for (const d of deployments.filter((x) => x.tick > noted && x.tick <= t)) {
        config = deployed(config, d);
        push(t, deploymentService(d), `operators deploy a change: ${deploymentText(d)}`);
      }
      noted = t;
    }
    const r = systemStep(config, s, op);
    const what = opEvent(op);
    if (E.isLeft(r)) {
      // A health check that finds the frontend within capacity is no event (a file runs one every tick).
      if (what !== undefined && op.type !== "frontendJudgedUnhealthy")
        push(t, what.service, `${what.event}: refused (${r.left.reason})`);
      continue;
    }
    const next = r.right;
    if (what !== undefined) push(t, what.service, `${what.event}${goodputChange(config, op, s, next)}`);
    const at = next.core.tick;
    for (const m of coreMilestones(config, s, next)) push(at, "kinesis", m);
    const now = serviceProblems(config, next);
    for (const svc of SERVICES) {
      const [was, is] = [problems[svc], now[svc]];
      if (was === undefined && is !== undefined) {
        firstFailure[svc] ??= at;
        downSince[svc] = at;
        delete recovered[svc];
        push(at, svc, `FAILED: ${is}`);
      } else if (was !== undefined && is === undefined) {
        recovered[svc] = at;
        push(at, svc, `RECOVERED after ${at - (downSince[svc] ?? 0)} ticks down`);
      }
    }
    problems = now;
    s = next;
    if (limitPassed === undefined && s.core.frontends.some((f) => overThreadLimit(config, f)))
      limitPassed = at;
    observe?.(s);
  }
  for (const n of notes.filter((x) => x.tick > noted)) push(n.tick, "kinesis", `record: ${n.record}`);
  const stillFailing = SERVICES.filter((svc) => problems[svc] !== undefined);
  for (const svc of stillFailing) delete recovered[svc];
  return {
    scenario: name,
    config: initialConfig.name,
    tickMinutes: config.tickMinutes,
    events,
    firstFailure,
    recovered,
    stillFailing,
    detection: detection(config.tickMinutes, limitPassed, s.dependents.alarms),
  };
};
