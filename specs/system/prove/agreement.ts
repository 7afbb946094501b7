// ---------------------------------------------------------------------------------------------------------
// specs/system/prove: the encoding must be the model. For concrete parameters, a concrete state of the three
// services and a value of the Kinesis input, the event's formula is evaluated on the model's own answer
// (`systemStep`, model/system.ts): when the model takes the event, its successor must satisfy the formula
// (soundness: the formula over-approximates the step) and be the only one that does (the formula is exact but
// for the input); when the model refuses, the formula must have no successor at all.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import type { Bool, Expr } from "z3-solver";
import { smallSystem } from "../../../model/configs/smallDependents.ts";
import type { CloudWatchState } from "../../../model/dependents/cloudwatch.ts";
import type { CognitoState } from "../../../model/dependents/cognito.ts";
import type { DependentsConfig, SystemConfig } from "../../../model/dependents/config.ts";
import type { LambdaState } from "../../../model/dependents/lambda.ts";
import { initialSystemState, type SystemOp, type SystemState, systemStep } from "../../../model/system.ts";
import { withSolver, type Z3 } from "../../prove/z3.ts";
import {
  BUFFER_EVENTS,
  type BufferEnc,
  type BufferEvent,
  type BufferFlags,
  type BufferParams,
  type BufferVars,
  bufferEncoding,
  bufferVarsIn,
} from "./encoding.ts";

/** The numbers of the three services' config (the encoding's parameters). */
export type BufferNumbers = { readonly [K in keyof BufferParams]: number };

/** The three services' concrete state. */
export interface BufferState {
  readonly cognito: CognitoState;
  readonly cloudwatch: CloudWatchState;
  readonly lambda: LambdaState;
}

/** One case: parameters, remediations, a state, whether Kinesis serves the dependents, and an event. */
export interface AgreementCase {
  readonly numbers: BufferNumbers;
  readonly flags: BufferFlags;
  readonly state: BufferState;
  readonly kinesisUp: boolean;
  readonly event: BufferEvent;
}

/** A system step, the real one (`systemStep`) or a planted one. */
export type SystemStepFn = typeof systemStep;

/**
 * The system config of a case: `small-system` with the case's numbers and remediations. Kinesis's availability
 * to the dependents is set through the real health check (model/dependents/kinesisHealth.ts): a share of 0%
 * routable frontends is always enough, 101% never.
 */
export const configOf = (c: AgreementCase): SystemConfig => {
  const d = smallSystem.dependents;
  const n = c.numbers;
  const dependents: DependentsConfig = {
    ...d,
    kinesis: { minHealthyPercent: c.kinesisUp ? 0 : 101 },
    cognito: {
      recordsPerTick: n.recordsPerTick,
      bufferRecords: n.bufferRecords,
      addedCapacityRecords: n.addedCapacityRecords,
    },
    cloudwatch: {
      datapointsPerTick: n.datapointsPerTick,
      localBufferTicks: n.localBufferTicks,
      alarmMissingTicks: n.alarmMissingTicks,
    },
    lambda: { metricUnitsPerTick: n.metricUnitsPerTick, memoryThresholdUnits: n.memoryThresholdUnits },
    remediations: { ...d.remediations, ...c.flags },
  };
  return { ...smallSystem, dependents };
};

/** The system state of a case: the initial one with the case's three services. */
export const systemStateOf = (config: SystemConfig, s: BufferState): SystemState => {
  const initial = initialSystemState(config);
  return { ...initial, dependents: { ...initial.dependents, ...s } };
};

const valuesOfState = (z: Z3, a: BufferVars, s: BufferState): ReadonlyArray<[Expr<"main">, Expr<"main">]> => {
  const { alarm, ...cloudwatch } = s.cloudwatch;
  const concrete = {
    cognito: s.cognito,
    cloudwatch: { ...cloudwatch, insufficientData: alarm === "INSUFFICIENT_DATA" },
    lambda: s.lambda,
  };
  return (["cognito", "cloudwatch", "lambda"] as const).flatMap((service) =>
    Object.entries(a[service]).map(([field, x]): [Expr<"main">, Expr<"main">] => {
      const v = (concrete[service] as unknown as Readonly<Record<string, number | boolean>>)[field];
      if (v === undefined) throw new Error(`internal: no ${service}.${field} in the model's state`);
      return [x, typeof v === "boolean" ? z.Bool.val(v) : z.Int.val(v)];
    }),
  );
};

const valuesOfParams = (e: BufferEnc, n: BufferNumbers): ReadonlyArray<[Expr<"main">, Expr<"main">]> =>
  Object.entries(e.p).map(([name, x]) => [x, e.z.Int.val(n[name as keyof BufferNumbers])]);

/** What the formula says of the model's answer on one case. */
export type Agreement =
  | { readonly agrees: true }
  | { readonly agrees: false; readonly why: string; readonly model: string };

/** Whether the event's formula agrees with `stepFn` on the case (the header). */
export const agreesOn = async (
  z: Z3,
  c: AgreementCase,
  stepFn: SystemStepFn = systemStep,
): Promise<Agreement> => {
  const e = bufferEncoding(z, c.flags);
  const pre = bufferVarsIn(z, "");
  const post = bufferVarsIn(z, "'");
  const event = BUFFER_EVENTS.find((x) => x.name === c.event);
  if (event === undefined) throw new Error(`internal: no event ${c.event}`);
  const config = configOf(c);
  const result = stepFn(config, systemStateOf(config, c.state), { type: c.event } as SystemOp);
  const known = [...valuesOfParams(e, c.numbers), ...valuesOfState(z, pre, c.state)];
  const formula = z.substitute(
    event.relation(e, pre, post, z.Bool.val(c.kinesisUp)),
    ...known,
  ) as Bool<"main">;
  if (E.isLeft(result)) {
    const answer = await withSolver(z, (solver) => {
      solver.add(formula);
      return solver.check();
    });
    return answer === "unsat"
      ? { agrees: true }
      : {
          agrees: false,
          why: "the model refuses the event but the formula has a successor",
          model: result.left.reason,
        };
  }
  const next = result.right.dependents;
  const successor = { cognito: next.cognito, cloudwatch: next.cloudwatch, lambda: next.lambda };
  const onModel = await z.simplify(z.substitute(formula, ...valuesOfState(z, post, successor)));
  if (!z.isTrue(onModel))
    return {
      agrees: false,
      why: "the model's successor does not satisfy the formula",
      model: JSON.stringify(successor),
    };
  // Exact: no other successor satisfies it.
  const other = await withSolver(z, (solver) => {
    solver.add(
      formula,
      z.Not(
        z.And(
          ...valuesOfState(z, post, successor).map(([x, v]) => (x as Bool<"main">).eq(v as Bool<"main">)),
        ),
      ),
    );
    return solver.check();
  });
  return other === "unsat"
    ? { agrees: true }
    : {
        agrees: false,
        why: "the formula allows a successor the model does not give",
        model: JSON.stringify(successor),
      };
};
