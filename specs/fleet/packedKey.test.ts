import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { exploreBreadthFirst } from "../../checker/verify/bfs.ts";
import type { Config } from "../../model/config.ts";
import { withAllRemediations } from "../../model/config.ts";
import { asWas, small } from "../../model/configs/index.ts";
import type { Op } from "../../model/ops.ts";
import { initialState, type State } from "../../model/state.ts";
import { step } from "../../model/step.ts";
import { INVARIANTS } from "../../properties/index.ts";
import { fleetSpec } from "../fleet.ts";
import { opsArb } from "./arbitraries.ts";
import { packedKeyFor } from "./packedKey.ts";
import { stateKeyFor } from "./stateKey.ts";

/** The state after running `ops` (refused ones skipped). */
const reach = (config: Config, ops: ReadonlyArray<Op>): State =>
  ops.reduce((s, op) => {
    const r = step(config, s, op);
    return E.isRight(r) ? r.right : s;
  }, initialState(config));

/** The packed key of `state` as a string of its words, or undefined when it does not fit. */
const packed = (config: Config, state: State): string | undefined => {
  const k = packedKeyFor(config);
  const out = new Uint32Array(k.words);
  return k.pack(state, out) ? out.join(",") : undefined;
};

const oneAtATime: Config = {
  ...small,
  name: "small, one bootstrap at a time",
  coldStart: { ...small.coldStart, maxConcurrentBootstraps: 1 },
};

describe("the packed state key", () => {
  for (const config of [small, oneAtATime, asWas, withAllRemediations(asWas)]) {
    test.prop({ a: opsArb(config, 25), b: opsArb(config, 25), seed: fc.nat() })(
      `${config.name}: two reachable states have equal packed keys exactly when their string keys are equal`,
      ({ a, b, seed }) => {
        const s = reach(config, a);
        // Half the time a rotation of the fleet, so equal keys (sorted fleets) are exercised, not only unequal.
        const t =
          seed % 2 === 0
            ? reach(config, b)
            : { ...s, frontends: s.frontends.map((_, i) => s.frontends[(i + seed) % s.frontends.length]) };
        const ps = packed(config, s);
        const pt = packed(config, t as State);
        expect(ps).toBeDefined();
        expect(pt).toBeDefined();
        const key = stateKeyFor(config);
        expect(ps === pt).toBe(key(s) === key(t as State));
      },
    );
  }

  it("packs every state reachable in small (none falls back to the string key), in 2 words", () => {
    const r = exploreBreadthFirst(fleetSpec, small, INVARIANTS, { maxDepth: 1000, maxStates: 100_000 });
    expect(r.complete).toBe(true);
    expect(r.memory.unpackedStates).toBe(0);
    expect(r.memory.keyWords).toBe(2);
  });

  it("a value outside the config's ranges does not fit (bfs.ts then keys that state by its string)", () => {
    const s = initialState(small);
    const [f, ...rest] = s.frontends;
    if (f === undefined) throw new Error("need a frontend");
    const odd: State = { ...s, frontends: [{ ...f, bootstrapLeft: 99 }, ...rest] };
    expect(packed(small, odd)).toBeUndefined();
  });
});
