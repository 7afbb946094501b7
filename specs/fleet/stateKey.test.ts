import { fc, test } from "@fast-check/vitest";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { Config } from "../../model/config.ts";
import { asWas, small } from "../../model/configs/index.ts";
import { inStep } from "../../model/lag.ts";
import { initialState, type State } from "../../model/state.ts";
import { step } from "../../model/step.ts";
import { opsArb } from "./arbitraries.ts";
import { candidateOps } from "./enabledOps.ts";
import { orderInsensitive, stateKeyFor } from "./stateKey.ts";

/** The state after running `ops` (refused ones skipped). */
const reach = (config: Config, ops: ReadonlyArray<Parameters<typeof step>[2]>): State =>
  ops.reduce((s, op) => {
    const r = step(config, s, op);
    return E.isRight(r) ? r.right : s;
  }, initialState(config));

/** The keys of every successor of `state`, as a sorted list (a set, compared by value). */
const successorKeys = (config: Config, state: State): ReadonlyArray<string> => {
  const key = stateKeyFor(config);
  return [
    ...new Set(
      candidateOps(config, state).flatMap((op) => {
        const r = step(config, state, op);
        return E.isRight(r) ? [key(r.right)] : [];
      }),
    ),
  ].sort();
};

/**
 * The state with what the key abstracts changed: clock, request counts, owners and ids, and each frontend's
 * stamp (`behindSince`) moved with the clock, or anywhere when it means nothing (in step or stopped).
 */
const disguised = (s: State): State => ({
  ...s,
  tick: s.tick + 7,
  nextId: s.nextId + 100,
  owners: s.owners.map((o) => o + 1),
  requests: {
    succeeded: s.requests.succeeded + 3,
    failed: s.requests.failed + 2,
    misrouted: s.requests.misrouted === 0 ? 0 : s.requests.misrouted + 1,
  },
  frontends: s.frontends.map((f) => ({
    ...f,
    id: f.id + 100,
    behindSince: f.status === "stopped" || inStep(s, f) ? f.behindSince - 5 : f.behindSince + 7,
  })),
  lastRequest: s.lastRequest === null ? null : { ...s.lastRequest, frontend: s.lastRequest.frontend + 100 },
});

const opsOf = (config: Config) => opsArb(config, 25);

describe("the canonical state key", () => {
  test.prop({ ops: opsOf(small) })(
    "states differing only in clock, request counts, owners and ids share a key and have the same successors' keys",
    ({ ops }) => {
      const s = reach(small, ops);
      const key = stateKeyFor(small);
      expect(key(disguised(s))).toBe(key(s));
      expect(successorKeys(small, disguised(s))).toEqual(successorKeys(small, s));
    },
  );

  test.prop({ ops: opsOf(small), seed: fc.nat() })(
    "when order is irrelevant, a permuted fleet has the same key and the same successors' keys",
    ({ ops, seed }) => {
      expect(orderInsensitive(small)).toBe(true);
      const s = reach(small, ops);
      const rotated = s.frontends.map((_, i) => s.frontends[(i + seed) % s.frontends.length]);
      const p = { ...s, frontends: rotated as State["frontends"] };
      expect(stateKeyFor(small)(p)).toBe(stateKeyFor(small)(s));
      expect(successorKeys(small, p)).toEqual(successorKeys(small, s));
    },
  );

  it("with one bootstrap at a time, order is kept: swapping two bootstrapping frontends changes the key", () => {
    expect(orderInsensitive(asWas)).toBe(false);
    const s = initialState(asWas);
    const [a, b] = s.frontends;
    if (a === undefined || b === undefined) throw new Error("need two frontends");
    const one = {
      ...s,
      frontends: [
        { ...a, status: "bootstrapping" as const, map: "building" as const, bootstrapLeft: 3 },
        { ...b, status: "bootstrapping" as const, map: "building" as const, bootstrapLeft: 5 },
        ...s.frontends.slice(2),
      ],
    };
    const swapped = { ...one, frontends: [one.frontends[1], one.frontends[0], ...one.frontends.slice(2)] };
    const key = stateKeyFor(asWas);
    expect(key(swapped as State)).not.toBe(key(one));
  });

  it("a request counted succeeded through a stale entry changes the key (RoutesToCurrentOwner reads it)", () => {
    const moved = reach(small, [{ type: "shardMoved", shard: 0 }]);
    const f = moved.frontends[0];
    if (f === undefined) throw new Error("small has frontends");
    const key = stateKeyFor(small);
    const lied: State = { ...moved, lastRequest: { frontend: f.id, shard: 0, outcome: "succeeded" } };
    const failed: State = { ...moved, lastRequest: { frontend: f.id, shard: 0, outcome: "failed" } };
    expect(key(lied)).not.toBe(key(moved));
    expect(key(failed)).toBe(key(moved));
  });

  test.prop({ ops: opsOf(small) })(
    "a misrouted request changes the key (RoutesToCurrentOwner reads it)",
    ({ ops }) => {
      const s = reach(small, ops);
      const key = stateKeyFor(small);
      const misrouted = { ...s, requests: { ...s.requests, failed: s.requests.failed + 1, misrouted: 1 } };
      const clean = { ...s, requests: { ...s.requests, misrouted: 0 } };
      expect(key(misrouted)).not.toBe(key(clean));
    },
  );
});
