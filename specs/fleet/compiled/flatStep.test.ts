import { test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect } from "vitest";
import {
  type Config,
  REMEDIATION_NAMES,
  withAllRemediations,
  withRemediations,
} from "../../../model/config.ts";
import { asWas, small } from "../../../model/configs/index.ts";
import type { Op } from "../../../model/ops.ts";
import { initialState, type State } from "../../../model/state.ts";
import { step } from "../../../model/step.ts";
import { INVARIANTS } from "../../../properties/index.ts";
import { opsArb } from "../arbitraries.ts";
import { candidateOps } from "../enabledOps.ts";
import { encodeOp } from "../opCode.ts";
import { packedKeyFor } from "../packedKey.ts";
import { flatViolatedFor } from "./flatInvariants.ts";
import { FLAT, flatKeyFor, flatLayoutFor, toFlat } from "./flatState.ts";
import { flatStepFor } from "./flatStep.ts";

/** The state after `ops` from the initial state (refused ones skipped): a random reachable state. */
const reach = (config: Config, ops: ReadonlyArray<Op>): State =>
  ops.reduce((s, op) => {
    const r = step(config, s, op);
    return E.isRight(r) ? r.right : s;
  }, initialState(config));

const oneAtATime: Config = {
  ...small,
  name: "small, one bootstrap at a time",
  coldStart: { ...small.coldStart, maxConcurrentBootstraps: 1 },
};
/** K14's self-healing cache, off in every built-in config: its branch of `learnOneChange` is compiled too. */
const selfHealing = (config: Config): Config => ({
  ...config,
  name: `${config.name}, self-healing cache`,
  coldStart: { ...config.coldStart, cacheSelfHealsAfterTriggerRemoval: true },
});

const CONFIGS: ReadonlyArray<Config> = [
  small,
  ...REMEDIATION_NAMES.map((n) => withRemediations(small, [n])),
  withAllRemediations(small),
  oneAtATime,
  selfHealing(small),
  selfHealing(withRemediations(small, ["waitForCompleteMap"])),
  asWas,
  withAllRemediations(asWas),
  selfHealing(asWas),
];

/** The used part of a flat state (header and the fleet's slots), as a plain array for comparison. */
const used = (config: Config, flat: Int32Array): ReadonlyArray<number> =>
  Array.from(
    flat.subarray(0, flatLayoutFor(config).frontends + (flat[FLAT.H_FLEET] as number) * FLAT.F_WIDTH),
  );

/** The packed key's words as a string, "unpackable" when the state does not fit. */
const packed = (config: Config, state: State): string => {
  const k = packedKeyFor(config);
  const out = new Uint32Array(k.words);
  return k.pack(state, out) ? out.join(",") : "unpackable";
};

const packedFlat = (config: Config, flat: Int32Array): string => {
  const k = flatKeyFor(config);
  const out = new Uint32Array(k.words);
  return k.packFlat(flat, out) ? out.join(",") : "unpackable";
};

/** as-was has some 100 candidate operations per state: fewer runs keep the file under half a minute. */
const runsFor = (config: Config): { numRuns: number } => ({ numRuns: config.fleet.maxSize > 3 ? 25 : 100 });

const flatOf = (config: Config, state: State): Int32Array => {
  const flat = toFlat(config, state);
  if (flat === undefined) throw new Error("a reachable state fits the flat layout");
  return flat;
};

describe("the compiled next-state relation equals the model's", () => {
  for (const config of CONFIGS) {
    const next = flatStepFor(config);
    test.prop({ ops: opsArb(config, 30) }, runsFor(config))(
      `${config.name}: every candidate operation is enabled exactly when step accepts it, and leads to the flat state of step's result`,
      ({ ops }) => {
        const s = reach(config, ops);
        const flat = flatOf(config, s);
        expect(packedFlat(config, flat)).toBe(packed(config, s));
        const out = new Int32Array(flatLayoutFor(config).size);
        // Collected, then compared once: an `expect` per operation made the file several times slower.
        const wrong: unknown[] = [];
        for (const op of candidateOps(config, s)) {
          const r = step(config, s, op);
          const enabled = next(flat, encodeOp(op), out);
          if (enabled !== E.isRight(r)) wrong.push({ op, enabled, model: E.isRight(r) });
          if (E.isLeft(r) || !enabled) continue;
          const want = used(config, flatOf(config, r.right));
          const got = used(config, out);
          if (want.join() !== got.join()) wrong.push({ op, got, want });
          if (packedFlat(config, out) !== packed(config, r.right)) wrong.push({ op, key: "differs" });
        }
        expect(wrong).toEqual([]);
      },
    );

    test.prop({ ops: opsArb(config, 30) }, runsFor(config))(
      `${config.name}: every flat invariant gives the verdict of the real check`,
      ({ ops }) => {
        const s = reach(config, ops);
        const flat = flatOf(config, s);
        for (const inv of INVARIANTS) {
          const violated = flatViolatedFor(config, inv);
          if (violated === undefined) throw new Error(`${inv.name} has a flat form`);
          expect({ inv: inv.name, violated: violated(flat) }).toEqual({
            inv: inv.name,
            violated: O.isSome(inv.check(config, s)),
          });
        }
      },
    );
  }
});
