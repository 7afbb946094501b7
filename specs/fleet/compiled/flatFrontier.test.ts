import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type Config, withAllRemediations } from "../../../model/config.ts";
import { asWas, small, threeToEight } from "../../../model/configs/index.ts";
import { moveAgeCap } from "../../../model/state.ts";
import { reachableStateArb } from "../arbitraries.ts";
import { flatFrontierFor } from "./flatFrontier.ts";
import { FLAT, flatKeyFor, flatLayoutFor, toFlat } from "./flatState.ts";

const oneAtATime: Config = {
  ...small,
  name: "small, one bootstrap at a time",
  coldStart: { ...small.coldStart, maxConcurrentBootstraps: 1 },
};

/** The flat state as the frontier must give it back: every shard's move age but those some frontend holds stale at the cap. */
const expected = (config: Config, flat: Int32Array): ReadonlyArray<number> => {
  const l = flatLayoutFor(config);
  const n = flat[FLAT.H_FLEET] as number;
  let held = 0;
  for (let i = 0; i < n; i++) held |= flat[l.frontends + i * FLAT.F_WIDTH + FLAT.F_STALE] as number;
  const out = Array.from(flat.subarray(0, l.frontends + n * FLAT.F_WIDTH));
  for (let s = 0; s < l.shards; s++) if ((held & (1 << s)) === 0) out[l.ages + s] = moveAgeCap(config);
  for (let c = flat[FLAT.H_CELLS] as number; c < l.cellSlots; c++) out[FLAT.H_CELL_SIZES + c] = 0;
  return out;
};

describe("the lean frontier gives back the state pushed", () => {
  for (const config of [small, oneAtATime, asWas, withAllRemediations(asWas), threeToEight])
    test.prop([reachableStateArb(config, 60)], { numRuns: 60 })(
      `${config.name}: key and fleet order read back to the flat state, in its fleet order`,
      (state) => {
        const flat = toFlat(config, state);
        if (flat === undefined) throw new Error("every reachable state of a built-in config fits its layout");
        const key = flatKeyFor(config);
        const frontier = flatFrontierFor(config, key);
        const level = frontier.level();
        // A few entries, so the state read is not the first one pushed and the arrays must grow.
        const words = new Uint32Array(key.words * 40);
        for (let k = 0; k < 40; k++) {
          const into = words.subarray(k * key.words);
          expect(key.packFlat(flat, into)).toBe(true);
          frontier.push(level, k);
        }
        const back = new Int32Array(flat.length).fill(-7);
        frontier.read(level, 23, words, 23 * key.words, back);
        const l = flatLayoutFor(config);
        const used = l.frontends + (flat[FLAT.H_FLEET] as number) * FLAT.F_WIDTH;
        expect(Array.from(back.subarray(0, used))).toEqual(expected(config, flat));
        expect(level.count).toBe(40);
        expect(level.ids[23]).toBe(23);
      },
    );
});
