// The shipped 3,000-frontend example (examples/configs/fleet-3000.json) says what its description says: it
// loads as `--config` loads it, and its fleet sits exactly at the thread limit, so one added server breaks it.
import { describe, expect, test } from "vitest";
import { threadsFor } from "../model/threadFormula.ts";
import { fleet3000 } from "./fleet3000.ts";

describe("examples/configs/fleet-3000.json", () => {
  const config = fleet3000();

  test("3,000 frontends, a limit in the tens of thousands, shards at the decoder's cap of 30", () => {
    expect(config.fleet.initialSize).toBe(3000);
    expect(config.threads.threadLimit).toBe(32_000);
    expect(config.shards.shardCount).toBe(30);
  });

  test("each frontend needs exactly the limit for its 2,999 peers; a 3,001st frontend's 3,000 peers break it", () => {
    expect(threadsFor(config, 2999)).toBe(config.threads.threadLimit);
    expect(threadsFor(config, 3000)).toBeGreaterThan(config.threads.threadLimit);
    expect(config.fleet.maxSize).toBeGreaterThan(config.fleet.initialSize);
  });
});
