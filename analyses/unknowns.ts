// ---------------------------------------------------------------------------------------------------------
// analyses: the unknown parameters the day's replay depends on, as a table (issue 14): each one's meaning and
// source, how to read and set it on a setup (a system config plus the day's scenario file, since some of them
// are operator choices in the file), and the range over which it is plausible. Calibration
// (calibration.ts) fits some of them on the record; the sensitivity sweep (sensitivity.ts) moves each over its
// range. To add a parameter, add a row: both pick it up.
// ---------------------------------------------------------------------------------------------------------
import type { SystemConfig } from "../model/dependents/config.ts";
import type { PacedRestart, ScenarioAction, ScenarioFile } from "../model/scenarios/scenarioFile.ts";
import type { SystemOp } from "../model/system.ts";

/** What a replay runs: the system's numbers and the operators' actions. */
export interface Setup {
  readonly config: SystemConfig;
  readonly file: ScenarioFile;
}

export interface UnknownParameter {
  readonly name: string;
  /** What it is, one sentence. */
  readonly what: string;
  /** Why it is unknown, with the domain.md IDs. */
  readonly source: string;
  readonly unit: string;
  readonly get: (s: Setup) => number;
  readonly set: (s: Setup, v: number) => Setup;
  /** The plausible range, inclusive, whole numbers. */
  readonly range: readonly [number, number];
  /** Where the range comes from (sourced, or labelled illustrative). */
  readonly rangeSource: string;
  /** How many values the sweep takes over the range (default 5), for a parameter whose conclusions flip often. */
  readonly points?: number;
}

/** The file with every paced restart changed by `f`. */
const mapRestarts = (file: ScenarioFile, f: (r: PacedRestart) => PacedRestart): ScenarioFile => ({
  ...file,
  actions: file.actions.map(
    (a): ScenarioAction => (a.pacedRestart === undefined ? a : { ...a, pacedRestart: f(a.pacedRestart) }),
  ),
});

/** The file with every operation changed by `f`. */
const mapOps = (file: ScenarioFile, f: (op: SystemOp) => SystemOp): ScenarioFile => ({
  ...file,
  actions: file.actions.map((a): ScenarioAction => (a.ops === undefined ? a : { ...a, ops: a.ops.map(f) })),
});

/** The setup with some sections of the dependents' config replaced. */
const withDependents = (s: Setup, sections: Partial<SystemConfig["dependents"]>): Setup => ({
  ...s,
  config: { ...s.config, dependents: { ...s.config.dependents, ...sections } },
});

/** K11/docs/load.md: read and set one number of the `dependents.load` section. */
const loadField = (key: "offeredRequestsPerTick" | "bootstrapCostPercent" | "healthCheckPercent") => ({
  get: (s: Setup): number => s.config.dependents.load[key],
  set: (s: Setup, v: number): Setup => withDependents(s, { load: { ...s.config.dependents.load, [key]: v } }),
});

const need = (c: SystemConfig, n: number) => c.threads.baseThreads + c.threads.threadsPerPeer * (n - 1);

/** A fleet of `n` with the same margin under the limit; the day's removal and restart follow the new size. */
const withFleetSize = (s: Setup, n: number): Setup => {
  const margin = s.config.threads.threadLimit - need(s.config, s.config.fleet.initialSize);
  const config: SystemConfig = {
    ...s.config,
    fleet: { initialSize: n, maxSize: Math.max(n + 4, s.config.fleet.maxSize) },
    threads: { ...s.config.threads, threadLimit: need(s.config, n) + margin },
  };
  const removed = mapOps(s.file, (op) => (op.type === "frontendRemoved" ? { ...op, frontend: n } : op));
  return { config, file: mapRestarts(removed, (r) => ({ ...r, frontends: n })) };
};

export const UNKNOWN_PARAMETERS: ReadonlyArray<UnknownParameter> = [
  {
    name: "threadLimitMargin",
    what: "threads to spare under the OS limit before the addition (limit − base − k·(N − 1))",
    source: "K7: the limit was never published; the addition made all servers exceed it [AWS-v]",
    unit: "threads",
    get: (s) => s.config.threads.threadLimit - need(s.config, s.config.fleet.initialSize),
    set: (s, v) => ({
      ...s,
      config: {
        ...s.config,
        threads: { ...s.config.threads, threadLimit: need(s.config, s.config.fleet.initialSize) + v },
      },
    }),
    range: [0, 3],
    rangeSource: "illustrative: the record says only that a small addition crossed it",
  },
  {
    name: "fleetSize",
    what: "front-end servers before the addition (the limit kept at the same margin)",
    source: 'K15: "many thousands" [AWS-v]; scaled down about 375× in as-was',
    unit: "frontends",
    get: (s) => s.config.fleet.initialSize,
    set: withFleetSize,
    range: [4, 16],
    rangeSource: "illustrative (the scaled-down fleet halved and doubled)",
  },
  {
    name: "propagationDelay",
    what: "ticks within which every frontend learns of a membership change",
    source: 'K6: "up to an hour" [AWS-v] (12 ticks is the bound, not a measured time)',
    unit: "ticks",
    get: (s) => s.config.membership.propagationDelayTicks,
    set: (s, v) => ({ ...s, config: { ...s.config, membership: { propagationDelayTicks: v } } }),
    range: [6, 24],
    rangeSource: "illustrative: half to twice AWS's hour",
  },
  {
    name: "bootstrapTime",
    what: "ticks a restarted frontend spends building its shard-map; the day restarts the next one then",
    source: 'K11/K15: "a few hundred" servers an hour of "many thousands" [AWS-v/p]; no per-server time',
    unit: "ticks",
    get: (s) => s.config.coldStart.bootstrapTicks,
    set: (s, v) => ({
      config: { ...s.config, coldStart: { ...s.config.coldStart, bootstrapTicks: v } },
      file: mapRestarts(s.file, (r) => ({ ...r, everyTicks: v })),
    }),
    range: [6, 30],
    rangeSource:
      "illustrative: 30 min to 2.5 h per eighth of the fleet (K15's 100–500 an hour is 6–30 h for 3,000)",
  },
  {
    name: "cognitoBuffer",
    what: "records Cognito's webservers buffer for Kinesis before they block (before C3's addition)",
    source: "C1/C2: size unknown [AWS-p]",
    unit: "records",
    get: (s) => s.config.dependents.cognito.bufferRecords,
    set: (s, v) => withDependents(s, { cognito: { ...s.config.dependents.cognito, bufferRecords: v } }),
    range: [6, 40],
    rangeSource: "illustrative: from half an hour to over three hours of records",
  },
  {
    name: "lambdaBuffer",
    what: "metric units a Lambda host buffers before memory contention",
    source: 'L1: "for a period of time", unquantified [AWS-p]',
    unit: "units",
    get: (s) => s.config.dependents.lambda.memoryThresholdUnits,
    set: (s, v) => withDependents(s, { lambda: { ...s.config.dependents.lambda, memoryThresholdUnits: v } }),
    range: [6, 40],
    rangeSource: "illustrative: from half an hour to over three hours of metrics",
  },
  {
    name: "restartPace",
    what: "frontends the operators restart together at each step of the paced restart",
    source: "K11/K15: AWS paced the restart to avoid contention; the pace is an operator choice",
    unit: "frontends per step",
    get: (s) => s.file.actions.find((a) => a.pacedRestart !== undefined)?.pacedRestart?.perStep ?? 1,
    set: (s, v) => ({ ...s, file: mapRestarts(s.file, (r) => ({ ...r, perStep: v })) }),
    range: [1, 4],
    rangeSource: "illustrative: one at a time (as-was) to half the fleet at once",
  },
  {
    name: "offeredLoad",
    what: "requests per tick clients offer the whole front-end fleet (L; 8 as-was frontends serve 80)",
    source: "K2/K11: Kinesis's request rate on the day is not in the record; docs/load.md",
    unit: "requests/tick",
    ...loadField("offeredRequestsPerTick"),
    range: [20, 72],
    rangeSource: "illustrative: a quarter to nine tenths of the as-was fleet's capacity, every 4",
    // Every 4 requests a tick: the fast restart's verdict flips twice inside the range (docs/load.md).
    points: 14,
  },
  {
    name: "bootstrapCostPercent",
    what: "percent of each serving peer's capacity one bootstrapping frontend's shard-map fill takes (β)",
    source: 'K11: the fill "competes with" request serving [AWS-p]; by how much is not published',
    unit: "percent",
    ...loadField("bootstrapCostPercent"),
    range: [0, 20],
    rangeSource: "illustrative: no contention (as R8) to twice as-was's",
  },
  {
    name: "healthCheckPercent",
    what: "a frontend sent more than this percent of what it can serve is judged unhealthy (h)",
    source:
      'K11: slow servers "judged unhealthy and removed"; "health-check thresholds: unknown" (domain.md §(e))',
    unit: "percent",
    ...loadField("healthCheckPercent"),
    range: [80, 160],
    rangeSource: "illustrative: a strict check to one tolerating 60 % overload",
  },
];

export const unknownParameter = (name: string): UnknownParameter => {
  const p = UNKNOWN_PARAMETERS.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no unknown parameter ${name}`);
  return p;
};
