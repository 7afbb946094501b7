// R3 and R5 change the thread parameters in force, and only in model/threadFormula.ts (issue 14; domain.md R3,
// R5): what the model then does, and the regression check R3 asks for, computed from the closed form
// (analyses/configSearch/expectedOutcome.ts `k8GroupSize`), not pinned.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "@fast-check/vitest";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect } from "vitest";
import { k8GroupSize } from "../analyses/configSearch/expectedOutcome.ts";
import { decodeCounterexample } from "../checker/counterexample.ts";
import { runTrace } from "../checker/trace.ts";
import { threadBudget } from "../properties/threadBudget.ts";
import { fleetSpec } from "../specs/fleet.ts";
import { applied } from "../test/trace.ts";
import { type Config, withRemediations } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import { small } from "./configs/small.ts";
import type { Op } from "./ops.ts";
import {
  DEFAULT_TESTED_LIMIT_FACTOR,
  maxPeerThreads,
  perPeerThreads,
  threadLimitInForce,
  threadsFor,
} from "./threadFormula.ts";

const r3 = withRemediations(asWas, ["testedHigherLimit"]);
const r5 = withRemediations(asWas, ["cacheOnDedicatedFleet"]);

describe("R3: the tested, higher limit is in force", () => {
  test("the limit in force is remediationParameters.testedThreadLimit under R3, threads.threadLimit without", () => {
    expect(threadLimitInForce(asWas)).toBe(asWas.threads.threadLimit);
    expect(threadLimitInForce(r3)).toBe(asWas.remediationParameters.testedThreadLimit);
  });

  test("a config that names no tested limit gets twice the 2020 one", () => {
    const { testedThreadLimit: _t, ...rest } = r3.remediationParameters;
    const unnamed: Config = { ...r3, remediationParameters: rest };
    expect(threadLimitInForce(unnamed)).toBe(DEFAULT_TESTED_LIMIT_FACTOR * asWas.threads.threadLimit);
  });

  test("a frontend that learns the peer K8 fires at under as-was keeps its map under R3, until the new K8 fleet", () => {
    const grow = (config: Config, to: number): ReadonlyArray<Op> => [
      { type: "capacityAdded", count: to - config.fleet.initialSize },
      ...Array.from(
        { length: to - config.fleet.initialSize },
        () => ({ type: "peerLearned", frontend: 0 }) as const,
      ),
    ];
    const atOldK8 = k8GroupSize(asWas);
    expect(applied(asWas, grow(asWas, atOldK8)).frontends[0]?.map).toBe("useless");
    expect(applied(r3, grow(r3, atOldK8)).frontends[0]?.map).toBe("complete");
    expect(applied(r3, grow(r3, k8GroupSize(r3))).frontends[0]?.map).toBe("useless");
  });

  test("the saved ThreadBudget counterexample at the 2020 limit replays without violation at R3's limit when its fleet is within the new budget", () => {
    const file = join(import.meta.dirname, "../counterexamples/ThreadBudget--as-was--ebffbf949d.json");
    const saved = decodeCounterexample(fleetSpec, JSON.parse(readFileSync(file, "utf8")));
    if (E.isLeft(saved)) throw new Error(saved.left);
    const { config, ops } = saved.right;
    const withR3 = withRemediations(config, ["testedHigherLimit"]);
    const fleet = applied(config, ops).frontends.length;
    expect(runTrace(fleetSpec, config, ops, [threadBudget]).violation).toBeDefined();
    // Computed: the trace's fleet against the smallest fleet at which K8 fires under R3.
    expect(runTrace(fleetSpec, withR3, ops, [threadBudget]).violation === undefined).toBe(
      fleet < k8GroupSize(withR3),
    );
    expect(fleet).toBeLessThan(k8GroupSize(withR3));
  });
});

describe("R5: frontends take the shard map from the cache fleet", () => {
  test("a frontend opens no thread per peer, so it needs its base threads whatever the fleet size", () => {
    expect(perPeerThreads(r5)).toBe(0);
    expect(threadsFor(r5, 10_000)).toBe(asWas.threads.baseThreads);
    expect(maxPeerThreads(r5)).toBe(Number.POSITIVE_INFINITY);
  });

  test.prop({ config: fc.constantFrom(asWas, small), growth: fc.nat(4) })(
    "no frontend's map goes useless however the fleet grows within the plan",
    ({ config, growth }) => {
      const c = withRemediations(config, ["cacheOnDedicatedFleet"]);
      const count = Math.min(growth + 1, c.fleet.maxSize - c.fleet.initialSize);
      const s = applied(c, [
        { type: "capacityAdded", count },
        ...Array.from({ length: count }, () => ({ type: "peerLearned", frontend: 0 }) as const),
      ]);
      expect(s.frontends.every((f) => f.map !== "useless")).toBe(true);
      expect(s.frontends[0]?.connectedPeers).toBe(s.frontends[0]?.knownPeers);
    },
  );
});
