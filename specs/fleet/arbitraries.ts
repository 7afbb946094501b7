// ---------------------------------------------------------------------------------------------------------
// checker: fast-check arbitraries for operations (style habit 16). Frontends and shards are positions,
// resolved modulo the fleet or shard count by the model, so every value is meaningful in every state.
// Weights favour the operations that move the story on: time passing and peers being learned.
// ---------------------------------------------------------------------------------------------------------
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import type { Config } from "../../model/config.ts";
import type { Op } from "../../model/ops.ts";
import { initialState, type State } from "../../model/state.ts";
import { step } from "../../model/step.ts";

const position = fc.nat({ max: 1023 });

/** One operation, weighted. `config` bounds the batch size of a capacity addition. */
export const opArb = (config: Config): fc.Arbitrary<Op> =>
  fc.oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant("capacityAdded" as const),
        count: fc.integer({ min: 1, max: Math.max(1, config.fleet.maxSize - config.fleet.initialSize) }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant("frontendRemoved" as const), frontend: position }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant("frontendRestarted" as const), frontend: position }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant("frontendCrashed" as const), frontend: position }),
    },
    { weight: 5, arbitrary: fc.record({ type: fc.constant("peerLearned" as const), frontend: position }) },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constant("shardMoved" as const), shard: fc.nat({ max: 31 }) }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant("requestRouted" as const),
        frontend: position,
        shard: fc.nat({ max: 31 }),
      }),
    },
    { weight: 8, arbitrary: fc.constant({ type: "tick" as const }) },
  );

/** A trace of up to `maxSteps` operations. */
export const opsArb = (config: Config, maxSteps: number): fc.Arbitrary<ReadonlyArray<Op>> =>
  fc.array(opArb(config), { maxLength: maxSteps, size: "max" });

/** A random reachable state: the state after up to `maxSteps` random operations (refused ones skipped). */
export const reachableStateArb = (config: Config, maxSteps: number): fc.Arbitrary<State> =>
  opsArb(config, maxSteps).map((ops) =>
    ops.reduce((s, op) => {
      const r = step(config, s, op);
      return E.isRight(r) ? r.right : s;
    }, initialState(config)),
  );
