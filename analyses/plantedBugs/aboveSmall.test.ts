import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { withAllRemediations, withRemediations } from "../../model/config.ts";
import { small } from "../../model/configs/small.ts";
import { EXPECTATIONS } from "../../properties/expectations.ts";
import { catchBySearchOverConfigs } from "../configSearch/catchBug.ts";
import { configArb } from "../configSearch/configArb.ts";
import { describeMismatch, mismatchesOf, verdictsOf } from "../configSearch/configSearch.ts";
import { ABOVE_SMALL_BUGS } from "./aboveSmall.ts";
import { additionServesPastPace } from "./additionServesPastPace.ts";
import { specWith } from "./plantedBug.ts";
import { rowsIn } from "./trustTable.ts";

/** docs/trust.md's planted-bug table (`npm run planted-bugs -- --write`). */
const documented = rowsIn(readFileSync("docs/trust.md", "utf8"));

/** `small` under each remediation set the expectations table lists (the sets `check` and `verify` are run on). */
const smallConfigs = EXPECTATIONS.map((e) =>
  e.remediations === "all" ? withAllRemediations(small) : withRemediations(small, e.remediations),
);

/** The real model's verdicts on each of them, found once for every bug. */
const realVerdicts = smallConfigs.map((config) =>
  verdictsOf(config).map((v) => `${v.invariant} ${v.status}`),
);

/** The most configs the search over configs may draw before it catches a bug (measured: docs/trust.md). */
const CONFIGS_TO_CATCH = 60;

describe.each(ABOVE_SMALL_BUGS.map((b) => [b.name, b] as const))("above small: %s", (_name, bug) => {
  const buggy = specWith(bug.step);

  test("exhaustive search of small gives the real model's verdicts, under every remediation set", () => {
    smallConfigs.forEach((config, i) => {
      expect(
        verdictsOf(config, buggy).map((v) => `${v.invariant} ${v.status}`),
        config.name,
      ).toEqual(realVerdicts[i]);
    });
  });

  test(`the search over configs catches it by ${bug.expectedInvariant} within ${CONFIGS_TO_CATCH} configs`, () => {
    const c = catchBySearchOverConfigs(buggy, 18, CONFIGS_TO_CATCH);
    expect(c.caught, `${bug.name} escaped ${CONFIGS_TO_CATCH} configs`).toBe(true);
    if (!c.caught) return;
    expect(
      c.mismatches.map((m) => m.invariant),
      c.mismatches.map((m) => describeMismatch(c.config, m)).join("\n"),
    ).toContain(bug.expectedInvariant);
    expect(documented.get(bug.name)?.within, "docs/trust.md is stale: npm run planted-bugs -- --write").toBe(
      `${c.configs} configs`,
    );
    // A config the real model agrees on: the mismatch is the bug's doing.
    expect(mismatchesOf(c.config, verdictsOf(c.config))).toEqual([]);
  });
});

test("a contradiction is reported with the config fast-check shrank and the bug's shortest trace", () => {
  const buggy = specWith(additionServesPastPace.step);
  const r = fc.check(
    fc.property(configArb(), (config) => mismatchesOf(config, verdictsOf(config, buggy)).length === 0),
    { seed: 18, numRuns: CONFIGS_TO_CATCH },
  );
  const config = r.counterexample?.[0];
  expect(config).toBeDefined();
  if (config === undefined) return;
  // Shrunk to what the bug needs: one addition bringing more newcomers than the pace, and nothing more.
  expect(config.fleet.maxSize - config.fleet.initialSize).toBeGreaterThan(
    config.coldStart.maxConcurrentBootstraps,
  );
  expect(config.threads.threadsPerPeer).toBe(1);
  expect(config.shards.shardCount).toBe(1);
  const report = mismatchesOf(config, verdictsOf(config, buggy)).map((m) => describeMismatch(config, m));
  expect(report.join("\n")).toMatch(
    /ServesOnlyWithCompleteMap on .*\n.*serving with a building shard-map.*\n {2}1\. operator\/capacityAdded/,
  );
});
