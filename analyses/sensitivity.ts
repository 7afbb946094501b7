// ---------------------------------------------------------------------------------------------------------
// analyses: sensitivity of the day's conclusions to the unknown parameters (issue 14). Each parameter of
// unknowns.ts is moved over its plausible range, one at a time, the others at the base setup's values, and
// three conclusions are recomputed:
//   order    the first failures come in the record's order: Kinesis, CloudWatch and EventBridge together
//            (05:15), then Lambda (06:15), then Cognito (07:01) (domain.md §(a));
//   outcome  the day's trigger (its addition, left in place until the day removes it) is metastable: removing it
//            alone does not restore service, the paced restart does (MP1, MP2; metastability.ts);
//   suffices which single fleet remediations keep every service up on the day (none failing at all);
//   fastRestart  a whole-fleet restart at 4× r_safe against the paced one (issue 14's Must show 1; K11, MP8):
//            set back and recovers later, or never recovers (metastable under restarts alone), ... (recovery.ts).
// The report says, per parameter and conclusion, whether it holds over the whole range or where it flips.
// Pure and deterministic; `onCell` lets a caller show progress.
// ---------------------------------------------------------------------------------------------------------
import { REMEDIATION_NAMES, withRemediations } from "../model/config.ts";
import type { Service } from "../model/dependencyGraph.ts";
import type { SystemConfig } from "../model/dependents/config.ts";
import { compileScenario } from "../model/scenarios/scenarioFile.ts";
import { triggerOutcome } from "./metastability.ts";
import { comparePaces, type PaceVerdict } from "./recovery.ts";
import { runScenario } from "./scenario.ts";
import { type Setup, UNKNOWN_PARAMETERS, type UnknownParameter } from "./unknowns.ts";

export interface Conclusions {
  /** The first failures in the record's order. */
  readonly order: boolean;
  /** The services' first failures, as `a=b < c` (ties by equal tick). */
  readonly orderText: string;
  /** MP1/MP2 for the day's trigger: unaffected, vulnerable, metastable or permanent. */
  readonly outcome: string;
  /** The single fleet remediations with which no service fails on the day, joined by ", " ("none" if none). */
  readonly suffices: string;
  /** K11/MP8: what a whole-fleet restart at 4× r_safe does against the paced one (recovery.ts `PaceVerdict`). */
  readonly fastRestart: PaceVerdict;
}

export interface Cell {
  readonly parameter: string;
  readonly value: number;
  readonly conclusions: Conclusions;
}

export const CONCLUSIONS = ["order", "outcome", "suffices", "fastRestart"] as const;
export type ConclusionName = (typeof CONCLUSIONS)[number];

export const CONCLUSION_TEXT: Readonly<Record<ConclusionName, string>> = {
  order: "first failures in the record's order (Kinesis = CloudWatch = EventBridge < Lambda < Cognito)",
  outcome: "the day's trigger is metastable (MP1 fails, the paced restart recovers: MP2)",
  suffices: "which single fleet remediation keeps every service up on the day",
  fastRestart:
    "a whole-fleet restart at 4× the safe pace is set back and recovers later than the paced one (later), never recovers (never: metastable under restarts alone), or is not set back",
};

const orderText = (first: Readonly<Partial<Record<Service, number>>>): string => {
  const ticks = [...new Set(Object.values(first))].sort((a, b) => a - b);
  return ticks
    .map((t) =>
      Object.entries(first)
        .filter(([, x]) => x === t)
        .map(([s]) => s)
        .join("="),
    )
    .join(" < ");
};

const inRecordOrder = (f: Readonly<Partial<Record<Service, number>>>): boolean => {
  const { kinesis: k, cloudwatch: c, eventbridge: e, lambda: l, cognito: g } = f;
  return k !== undefined && k === c && k === e && l !== undefined && g !== undefined && k < l && l < g;
};

/** The day's trigger, read from the file: the first capacity addition and the first removal after it. */
const dayTrigger = (s: Setup) => {
  const at = (type: string) => s.file.actions.find((a) => a.ops?.some((op) => op.type === type));
  const added = at("capacityAdded");
  const removed = at("frontendRemoved");
  const count = added?.ops?.find((op) => op.type === "capacityAdded");
  return {
    added: count?.type === "capacityAdded" ? count.count : 1,
    earlyLearners: [],
    ticksBeforeRemoval: Math.max(0, (removed?.tick ?? 0) - (added?.tick ?? 0)),
  };
};

const noServiceFails = (config: SystemConfig, s: Setup): boolean =>
  Object.keys(runScenario(config, compileScenario(s.file)).firstFailure).length === 0;

export const conclusionsOf = (s: Setup): Conclusions => {
  const r = runScenario(s.config, compileScenario(s.file));
  const suffices = REMEDIATION_NAMES.filter((n) =>
    noServiceFails({ ...withRemediations(s.config, [n]), dependents: s.config.dependents }, s),
  );
  return {
    order: inRecordOrder(r.firstFailure),
    orderText: orderText(r.firstFailure),
    outcome: triggerOutcome(s.config, dayTrigger(s)).outcome,
    suffices: suffices.length === 0 ? "none" : suffices.join(", "),
    fastRestart: comparePaces(s.config).verdict,
  };
};

/** Up to `n` whole values spread evenly over the range, its ends and the base value included. */
export const sweepValues = (p: UnknownParameter, base: Setup, n = p.points ?? 5): ReadonlyArray<number> => {
  const [lo, hi] = p.range;
  const spread = Array.from({ length: n }, (_, i) => Math.round(lo + (i * (hi - lo)) / (n - 1)));
  return [...new Set([...spread, p.get(base)])].sort((a, b) => a - b);
};

/** Told before each cell is computed: how many are done, of how many, and which. */
export type OnCell = (done: number, total: number, p: UnknownParameter, v: number) => void;

export interface Sweep {
  readonly base: Conclusions;
  readonly cells: ReadonlyArray<Cell>;
}

/** The whole sweep (or the parameters named), each cell told to `onCell` as it is computed. */
export const sweep = (
  base: Setup,
  options: {
    readonly parameters?: ReadonlyArray<UnknownParameter>;
    readonly values?: (p: UnknownParameter) => ReadonlyArray<number>;
    readonly onCell?: OnCell;
  } = {},
): Sweep => {
  const parameters = options.parameters ?? UNKNOWN_PARAMETERS;
  const values = options.values ?? ((p: UnknownParameter) => sweepValues(p, base));
  const plan = parameters.flatMap((p) => values(p).map((v) => ({ p, v })));
  const cells = plan.map(({ p, v }, i): Cell => {
    options.onCell?.(i, plan.length, p, v);
    return { parameter: p.name, value: v, conclusions: conclusionsOf(p.set(base, v)) };
  });
  return { base: conclusionsOf(base), cells };
};

export interface Verdict {
  readonly parameter: string;
  readonly conclusion: ConclusionName;
  /** The values where the conclusion differs from the base setup's. */
  readonly flipsAt: ReadonlyArray<number>;
}

const conclusionText = (c: Conclusions, name: ConclusionName): string =>
  name === "order" ? String(c.order) : c[name];

/** Per parameter and conclusion: where (if anywhere) it differs from the base. */
export const verdicts = (s: Sweep): ReadonlyArray<Verdict> =>
  [...new Set(s.cells.map((c) => c.parameter))].flatMap((parameter) =>
    CONCLUSIONS.map((conclusion) => ({
      parameter,
      conclusion,
      flipsAt: s.cells
        .filter(
          (c) =>
            c.parameter === parameter &&
            conclusionText(c.conclusions, conclusion) !== conclusionText(s.base, conclusion),
        )
        .map((c) => c.value),
    })),
  );

export const conclusionValue = conclusionText;
