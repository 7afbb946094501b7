// RoutesToCurrentOwner reads where a request went from the frontend's own map (K2/K3), not only from the
// model's count of misroutes: a routing step that counts a request through a stale entry as succeeded is caught.
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, test } from "vitest";
import { asWas } from "../model/configs/asWas.ts";
import type { State } from "../model/state.ts";
import { applied } from "../test/trace.ts";
import { routesToCurrentOwner } from "./routesToCurrentOwner.ts";

const message = (s: State): string | undefined =>
  O.toUndefined(routesToCurrentOwner.check(asWas, s))?.message;

describe("RoutesToCurrentOwner", () => {
  const moved = applied(asWas, [{ type: "shardMoved", shard: 2 }]);

  test("a request counted succeeded through a stale entry went to the former owner", () => {
    const lied: State = { ...moved, lastRequest: { frontend: 3, shard: 2, outcome: "succeeded" } };
    expect(message(lied)).toBe(
      "frontend-3 routed a request for shard 2 by a stale entry and counted it succeeded: it went to the shard's former owner, not cluster 1",
    );
  });

  test("a request through a current entry, or one that failed fast, is fine", () => {
    expect(
      message({ ...moved, lastRequest: { frontend: 3, shard: 1, outcome: "succeeded" } }),
    ).toBeUndefined();
    expect(message({ ...moved, lastRequest: { frontend: 3, shard: 2, outcome: "failed" } })).toBeUndefined();
  });

  test("its near miss counts the stale entries of live frontends only, not a stopped frontend's", () => {
    const s = applied(asWas, [{ type: "shardMoved", shard: 0 }]);
    const stopped: State = {
      ...s,
      frontends: s.frontends.map((f, i) => (i === 0 ? { ...f, status: "stopped", staleShards: 0 } : f)),
    };
    expect(routesToCurrentOwner.closeness(asWas, stopped)).toBe(0.25);
  });

  test("the model's own misroute is caught by the count", () => {
    expect(message(applied(asWas, [{ type: "requestRouted", frontend: 3, shard: 2 }], moved))).toBe(
      "1 request(s) went to a shard's former owner through a stale shard-map entry",
    );
  });
});
