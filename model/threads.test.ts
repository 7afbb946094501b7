import { test } from "@fast-check/vitest";
import fc from "fast-check";
import { describe, expect } from "vitest";
import type { Config } from "./config.ts";
import { asWas } from "./configs/asWas.ts";
import type { Frontend } from "./state.ts";
import { canCreatePeerThreads, learnOneChange, threadsHeld, threadsNeeded } from "./threads.ts";

const threadsArb = fc
  .record({ baseThreads: fc.nat(50), threadsPerPeer: fc.integer({ min: 1, max: 4 }), extra: fc.nat(60) })
  .map(({ baseThreads, threadsPerPeer, extra }) => ({
    baseThreads,
    threadsPerPeer,
    threadLimit: baseThreads + extra,
  }));

const frontendArb = (config: Config) =>
  fc.record({ known: fc.nat(40), connected: fc.nat(40) }).map(
    ({ known, connected }): Frontend => ({
      id: 0,
      status: "serving",
      cell: 0,
      knownPeers: known,
      connectedPeers: Math.min(
        known,
        connected,
        Math.floor((config.threads.threadLimit - config.threads.baseThreads) / config.threads.threadsPerPeer),
      ),
      map: "complete",
      staleShards: 0,
      behindSince: 0,
      bootstrapLeft: 0,
    }),
  );

const cases = threadsArb.chain((threads) => {
  const config: Config = { ...asWas, threads };
  return fc.record({ config: fc.constant(config), f: frontendArb(config), delta: fc.constantFrom(-1, 1) });
});

describe("thread accounting (K5, K7)", () => {
  test.prop({ c: cases })(
    "creating threads past the OS limit fails: held threads never exceed the limit",
    ({ c }) => {
      const actual = Math.max(0, c.f.knownPeers + c.delta);
      fc.pre(actual !== c.f.knownPeers);
      const after = learnOneChange(c.config, c.f, actual);
      expect(threadsHeld(c.config, after)).toBeLessThanOrEqual(c.config.threads.threadLimit);
    },
  );

  test.prop({ c: cases })(
    "learning a peer the OS refuses threads for leaves the map useless (K8)",
    ({ c }) => {
      fc.pre(!canCreatePeerThreads(c.config, c.f));
      const after = learnOneChange(c.config, c.f, c.f.knownPeers + 1);
      expect(after.map).toBe("useless");
      expect(after.connectedPeers).toBe(c.f.connectedPeers);
      expect(after.knownPeers).toBe(c.f.knownPeers + 1);
    },
  );

  test.prop({ c: cases })(
    "threads needed are base + per-peer × known peers, proportional to the fleet (K5)",
    ({ c }) => {
      const { baseThreads, threadsPerPeer } = c.config.threads;
      expect(threadsNeeded(c.config, c.f)).toBe(baseThreads + threadsPerPeer * c.f.knownPeers);
    },
  );
});
