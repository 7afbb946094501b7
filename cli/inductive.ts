// ---------------------------------------------------------------------------------------------------------
// cli: `outage verify --inductive`: inductiveness of the registered invariants and of the strengthened
// invariants of the remediations that are on (properties/strengthened.ts), with the evidence each rests on.
// ---------------------------------------------------------------------------------------------------------

import * as O from "fp-ts/lib/Option.js";
import { DEFAULT_SEED } from "../checker/defaults.ts";
import type { Config } from "../model/config.ts";
import { behindFor, frontendWithLag } from "../model/lag.ts";
import { type Frontend, frontendName, type State } from "../model/state.ts";
import { INVARIANTS, type InvariantName, invariantNamed } from "../properties/index.ts";
import { STRENGTHENED, type StrengthenedInvariant } from "../properties/strengthened.ts";
import { type Candidate, type Cti, checkInductive, type InductiveResult } from "../specs/fleet/inductive.ts";
import { bad, intFlag } from "./input.ts";
import type { Io } from "./io.ts";

export const DEFAULT_SAMPLES = 20_000;
export const DEFAULT_MAX_ENUMERATE = 1_000_000;

export interface InductiveRequest {
  readonly config: Config;
  readonly invariantNames: ReadonlyArray<string>;
  readonly samples: string | undefined;
  readonly maxEnumerate: string | undefined;
  readonly json: boolean;
}

interface Checked {
  readonly candidate: Candidate;
  readonly strengthens?: InvariantName;
  readonly result: InductiveResult;
}

/** Registered invariants as candidates, and the strengthened ones. */
const candidateNamed = (name: string): { candidate: Candidate; strengthened?: StrengthenedInvariant } => {
  const inv = invariantNamed(name);
  if (inv !== undefined)
    return { candidate: { name: inv.name, holds: (config, state) => O.isNone(inv.check(config, state)) } };
  const s = STRENGTHENED.find((x) => x.name === name);
  if (s !== undefined) return { candidate: { name: s.name, holds: s.holds }, strengthened: s };
  return bad(
    `--invariant ${name}: unknown; expected one of ${[...INVARIANTS.map((i) => i.name), ...STRENGTHENED.map((x) => x.name)].join(", ")}`,
  );
};

/** Default: ThreadBudget, plus the strengthened invariant of every remediation that is on. */
const defaultNames = (config: Config): ReadonlyArray<string> => [
  "ThreadBudget",
  ...STRENGTHENED.filter((s) => config.remediations[s.remediation]).map((s) => s.name),
];

const frontendText = (config: Config, s: State, f: Frontend): string =>
  `${frontendName(f)} ${f.status}, cell ${f.cell}, knows ${f.knownPeers} peers, threads for ${f.connectedPeers}, map ${f.map}, stale ${f.staleShards}, behind ${behindFor(config, s, f)}, bootstrap left ${f.bootstrapLeft}`;

/** The state of a CTI, readable: globals, then one line per frontend. */
export const stateText = (config: Config, s: State): ReadonlyArray<string> => [
  `capacity ${s.capacityUnits} units; cell sizes [${s.cellSizes.join(", ")}]; misrouted ${s.requests.misrouted}`,
  ...(s.frontends.length === 0 ? ["no frontends"] : s.frontends.map((f) => frontendText(config, s, f))),
];

/** A state as --json prints it: each frontend with its lag (`behindFor`, derived) in place of its stamp. */
const stateJson = (config: Config, s: State) => ({
  ...s,
  frontends: s.frontends.map((f) => frontendWithLag(config, s, f)),
});

const ctiJson = (config: Config, cti: Cti) => ({
  state: stateJson(config, cti.state),
  operation: cti.op,
  label: cti.label,
  after: stateJson(config, cti.after),
});

const evidence = (r: Extract<InductiveResult, { status: "inductive" }>): string =>
  `exhaustive over ${r.exhaustiveStates} states satisfying it (fleets of ≤ ${r.exhaustiveFleet}), sampled ${r.sampledStates} more of ${r.samples} drawn (fleets of ≤ ${r.sampledFleet})`;

export const runInductive = (req: InductiveRequest, io: Io): number => {
  const options = {
    samples: intFlag("--samples", req.samples, DEFAULT_SAMPLES, 0, 10_000_000),
    maxEnumerate: intFlag("--max-enumerate", req.maxEnumerate, DEFAULT_MAX_ENUMERATE, 0, 100_000_000),
    seed: DEFAULT_SEED,
  };
  const names = req.invariantNames.flatMap((v) => v.split(",")).filter((v) => v !== "");
  const checked = (names.length === 0 ? defaultNames(req.config) : names).map((name): Checked => {
    const { candidate, strengthened } = candidateNamed(name);
    return {
      candidate,
      ...(strengthened === undefined ? {} : { strengthens: strengthened.strengthens }),
      result: checkInductive(req.config, candidate, options),
    };
  });
  // A registered invariant is established when it is inductive itself or implied by an inductive strengthening.
  const established = checked
    .filter((c) => c.strengthens === undefined)
    .map((c) => ({
      invariant: c.candidate.name,
      via:
        c.result.status === "inductive"
          ? c.candidate.name
          : checked.find((s) => s.strengthens === c.candidate.name && s.result.status === "inductive")
              ?.candidate.name,
    }));
  const ok =
    established.every((e) => e.via !== undefined) &&
    checked.filter((c) => c.strengthens !== undefined).every((c) => c.result.status === "inductive");

  if (req.json) {
    io.out(
      `${JSON.stringify(
        {
          config: req.config.name,
          seed: options.seed,
          samples: options.samples,
          maxEnumerate: options.maxEnumerate,
          results: checked.map(({ candidate, strengthens, result }) => ({
            invariant: candidate.name,
            ...(strengthens === undefined ? {} : { strengthens }),
            status: result.status,
            ...(result.status === "inductive"
              ? {
                  exhaustive: { states: result.exhaustiveStates, fleetUpTo: result.exhaustiveFleet },
                  sampled: {
                    states: result.sampledStates,
                    drawn: result.samples,
                    fleetUpTo: result.sampledFleet,
                  },
                }
              : result.status === "not-inductive"
                ? { how: result.how, counterexampleToInduction: ctiJson(req.config, result.cti) }
                : { initialState: stateJson(req.config, result.state) }),
          })),
          established: established.map((e) => ({ invariant: e.invariant, via: e.via ?? null })),
        },
        null,
        2,
      )}\n`,
    );
    return ok ? 0 : 1;
  }
  const lines = [
    `outage verify --inductive: config ${req.config.name}; type-correct states, enumerated for small fleets, sampled (seed ${options.seed}) for larger ones`,
    "",
  ];
  for (const { candidate, strengthens, result } of checked) {
    const head = `${candidate.name}${strengthens === undefined ? "" : ` (strengthens ${strengthens})`}`;
    if (result.status === "inductive") {
      lines.push(`${head}: no counterexample to induction found (a search, not a proof)`);
      lines.push(`  ${evidence(result)}`);
    } else if (result.status === "not-initial") {
      lines.push(`${head}: DOES NOT HOLD INITIALLY`);
      for (const l of stateText(req.config, result.state)) lines.push(`    ${l}`);
    } else {
      lines.push(
        `${head}: NOT INDUCTIVE (counterexample to induction found ${result.how === "exhaustive" ? "by enumeration" : "by sampling"})`,
      );
      lines.push("  from a state satisfying it:");
      for (const l of stateText(req.config, result.cti.state)) lines.push(`    ${l}`);
      lines.push(`  the operation ${result.cti.label} leads to:`);
      for (const l of stateText(req.config, result.cti.after)) lines.push(`    ${l}`);
    }
  }
  lines.push("");
  for (const e of established)
    lines.push(
      e.via === undefined
        ? `${e.invariant}: not established inductively`
        : `${e.invariant}: no counterexample to induction found on ${req.config.name} (${e.via === e.invariant ? "itself" : `via ${e.via}`}; fleets enumerated and sampled as above), not a proof for any fleet size: \`npx outage prove\` proves for all parameters`,
    );
  io.out(`${lines.join("\n")}\n`);
  return ok ? 0 : 1;
};
