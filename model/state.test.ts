// Derived quantities of the state (model/state.ts), pinned by worked examples.
import { describe, expect, test } from "vitest";
import { asWas } from "./configs/asWas.ts";
import { maxPeerThreads } from "./threadFormula.ts";

describe("maxPeerThreads (K7)", () => {
  test("divides the threads spare after the base ones by the threads per peer, rounding down", () => {
    expect(
      maxPeerThreads({ ...asWas, threads: { threadLimit: 11, baseThreads: 4, threadsPerPeer: 2 } }),
    ).toBe(3);
  });
});
