import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { scenarioConfig, scenarioCorpusText, scenarioJson } from "../cli/scenario.ts";
import { asWasDependents } from "../model/configs/asWasDependents.ts";
import { activeDependencies, blastRadius, SERVICES, type Service } from "../model/dependencyGraph.ts";
import { decodeSystemConfig } from "../model/dependents/configDecoder.ts";
import { NOV25, NOV25_FAST_RESTART_FILE } from "../model/scenarios/nov25.ts";
import { compileScenario } from "../model/scenarios/scenarioFile.ts";
import type { SystemOp } from "../model/system.ts";
import { decodeSystemOp } from "../model/systemOpDecoder.ts";
import { runScenario } from "./scenario.ts";

const asWasDay = runScenario(scenarioConfig([]), NOV25);
const first = (s: Service): number => {
  const t = asWasDay.firstFailure[s];
  if (t === undefined) throw new Error(`${s} never failed in the as-was replay`);
  return t;
};

describe("the 25 Nov 2020 replay under as-was", () => {
  test("every service fails", () => {
    expect(Object.keys(asWasDay.firstFailure).sort()).toEqual([...SERVICES].sort());
  });

  test("first failures come in the order the public record gives", () => {
    // 05:15 [AWS-v]/[AWS-p]: Kinesis errors, CloudWatch PutMetricData errors and EventBridge delays together.
    expect(first("cloudwatch")).toBe(first("kinesis"));
    expect(first("eventbridge")).toBe(first("kinesis"));
    for (const s of SERVICES) expect(first(s)).toBeGreaterThanOrEqual(first("kinesis"));
    // 06:15 Lambda (L1), after CloudWatch; 07:01 Cognito (C2/C3), after Lambda.
    expect(first("lambda")).toBeGreaterThan(first("cloudwatch"));
    expect(first("cognito")).toBeGreaterThan(first("lambda"));
    // A1: scaling waits on CloudWatch metrics; E2: ECS/EKS on EventBridge; H1: the posting tool on Cognito.
    expect(first("autoscaling")).toBeGreaterThan(first("cloudwatch"));
    expect(first("ecs")).toBeGreaterThan(first("eventbridge"));
    expect(first("eks")).toBeGreaterThan(first("eventbridge"));
    expect(first("dashboard")).toBeGreaterThan(first("cognito"));
    // Seed 000: the customer's pipeline fails once its buffer cannot absorb the outage.
    expect(first("customer")).toBeGreaterThan(first("kinesis"));
  });

  test("every service recovers only after the added capacity is removed and the paced restart gets going", () => {
    const removal = asWasDay.events.find((e) => e.event.startsWith("operators remove the added capacity"));
    expect(removal).toBeDefined();
    for (const s of SERVICES.filter((x) => x !== "dashboard"))
      expect(asWasDay.recovered[s]).toBeGreaterThan(removal?.tick ?? Number.POSITIVE_INFINITY);
    expect(asWasDay.stillFailing).toEqual([]);
  });

  test("the services that fail are exactly Kinesis and its blast radius in the dependency graph", () => {
    const radius = blastRadius(activeDependencies(asWasDependents.remediations), "kinesis").map(
      (r) => r.service,
    );
    expect(Object.keys(asWasDay.firstFailure).sort()).toEqual(["kinesis", ...radius].sort());
  });
});

describe("the same operations with remediations", () => {
  test("with every remediation on, no service fails", () => {
    const r = runScenario(scenarioConfig(["all"]), NOV25);
    expect(r.firstFailure).toEqual({});
  });

  test("with only the dependents' remediations on, Kinesis still fails but no dependent does", () => {
    const r = runScenario(
      scenarioConfig([
        "cognitoNonBlockingBuffer,cloudwatchPartitionedFleet,eventbridgePartitionedFleet,lambdaBoundedMetricBuffer",
        "dashboardBackupPath,customerStandbyStream,customerAutomaticFailover",
      ]),
      NOV25,
    );
    expect(Object.keys(r.firstFailure)).toEqual(["kinesis"]);
  });

  test("with the partitioned fleet and the backup path, CloudWatch, its dependents and the dashboard stay up", () => {
    const r = runScenario(scenarioConfig(["cloudwatchPartitionedFleet", "dashboardBackupPath"]), NOV25);
    for (const s of ["cloudwatch", "lambda", "autoscaling", "dashboard"] as const)
      expect(r.firstFailure[s]).toBeUndefined();
    expect(r.firstFailure.cognito).toBeDefined();
  });
});

describe("the committed scenario corpus file", () => {
  const file = join(import.meta.dirname, "..", "counterexamples", "scenarios", "2020-11-25.json");
  const text = readFileSync(file, "utf8");
  const saved = JSON.parse(text) as {
    readonly expected: unknown;
    readonly ops: ReadonlyArray<unknown>;
    readonly notes: ReadonlyArray<{ tick: number; record: string }>;
    readonly config: unknown;
    readonly startMinute: number;
  };

  test("replays to the saved timeline under its own config", () => {
    const config = decodeSystemConfig(saved.config);
    if (config._tag === "Left") throw new Error(config.left);
    const ops = saved.ops.map((o, i) => {
      const d = decodeSystemOp(`ops[${i}]`, o);
      if (d._tag === "Left") throw new Error(d.left);
      return d.right;
    }) as ReadonlyArray<SystemOp>;
    const r = runScenario(config.right, {
      name: "2020-11-25",
      ops,
      notes: saved.notes,
      startMinute: saved.startMinute,
    });
    expect(scenarioJson(r, saved.startMinute)).toEqual(saved.expected);
  });

  test("is what the scenario definition produces now (regenerate: npx outage scenario 2020-11-25 --save-corpus FILE)", () => {
    expect(saved.ops).toEqual(NOV25.ops);
    expect(saved.startMinute).toBe(NOV25.startMinute);
    expect(text).toBe(scenarioCorpusText(NOV25));
  });
});

describe("the replay under waitForCompleteMap: availability is goodput, not a head count (K11, issue 14)", () => {
  const day = runScenario(scenarioConfig(["waitForCompleteMap"]), NOV25);
  const firstServing = day.events.find((e) => e.event === "all 8 frontends serve with a complete shard-map");
  const kinesisDown = day.events.find((e) => e.service === "kinesis" && e.event.startsWith("FAILED"));

  test("Kinesis's failure line gives the requests delivered against those offered", () => {
    const offered = scenarioConfig(["waitForCompleteMap"]).dependents.load.offeredRequestsPerTick;
    expect(kinesisDown?.event).toMatch(
      new RegExp(`the fleet delivers \\d+(\\.\\d)? of ${offered} requests a tick`),
    );
  });

  test("Kinesis is not reported recovered while most of the fleet still bootstraps: only once half the load is delivered", () => {
    const config = scenarioConfig(["waitForCompleteMap"]);
    const recovered = day.recovered.kinesis;
    expect(recovered).toBeDefined();
    // Frontends come back one per bootstrap (18 ticks), each serving at most c·(1 − β) while the next one
    // bootstraps (model/load.ts); half the load needs k = ⌈(L/2) / (c·(1 − β))⌉ of them (as-was: 22 / 9, so 3),
    // so at least k full bootstraps after the restart begins.
    const p = config.dependents.load;
    const half = (p.offeredRequestsPerTick * config.dependents.kinesis.minHealthyPercent) / 100;
    const k = Math.ceil(half / ((p.capacityPerFrontend * (100 - p.bootstrapCostPercent)) / 100));
    const restart = day.events.find((e) => e.event.startsWith("operators restart a frontend"));
    expect((recovered ?? 0) - (restart?.tick ?? 0)).toBeGreaterThanOrEqual(
      k * config.coldStart.bootstrapTicks,
    );
    // And every dependent that reads Kinesis recovers no earlier than Kinesis.
    for (const s of ["cloudwatch", "eventbridge"] as const)
      expect(day.recovered[s] ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(recovered ?? 0);
    expect(firstServing === undefined || firstServing.tick >= (recovered ?? 0)).toBe(true);
  });
});

describe("the fast-restart day (examples/scenarios/2020-11-25-fast-restart.json; issue 14, Must show 1; K11)", () => {
  const fastFile = NOV25_FAST_RESTART_FILE;
  const atPerStep = (perStep: number) => ({
    ...fastFile,
    actions: fastFile.actions.map((a) =>
      a.pacedRestart === undefined ? a : { ...a, pacedRestart: { ...a.pacedRestart, perStep } },
    ),
  });
  const setbacks = (r: ReturnType<typeof runScenario>) =>
    r.events.filter((e) => e.event.startsWith("the health check judges a slow frontend unhealthy"));
  const fast = runScenario(scenarioConfig([]), compileScenario(fastFile));
  const paced = runScenario(scenarioConfig([]), compileScenario(atPerStep(1)));

  test("four at a time: the health check sets frontends back, and each setback takes the goodput down again", () => {
    expect(setbacks(fast).length).toBeGreaterThan(0);
    for (const e of setbacks(fast)) {
      const m = /delivers ([\d.]+) of \d+ requests a tick \(\d+%\), down from ([\d.]+)$/.exec(e.event);
      expect(Number(m?.[1])).toBeLessThan(Number(m?.[2]));
    }
  });

  test("four at a time, with operators who keep to their script, Kinesis does not recover within the day (the sustaining loop)", () => {
    expect(fast.recovered.kinesis).toBeUndefined();
  });

  test("the same file at the record's pace (one a step, the health check still running) never falls back and recovers when the day does", () => {
    expect(setbacks(paced)).toEqual([]);
    expect(paced.recovered.kinesis).toBeDefined();
    expect(paced.recovered.kinesis).toBe(asWasDay.recovered.kinesis);
  });
});
