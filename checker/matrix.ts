// ---------------------------------------------------------------------------------------------------------
// checker: the remediation matrix, the table a design review asks for: which fix prevents which failure,
// and which fixes are redundant. For every invariant and every remediation set (none, each alone, all, all but
// one) it gives the verdict and the strongest evidence it rests on, weakest to strongest:
//   violated < holds in random search < bounded < proved < inductive.
// Evidence comes from three checkers: exhaustive breadth-first search on the `small` checking config (every
// reachable state), random search with fast-check on `as-was` (the 2020 numbers), and the inductive check of
// ThreadBudget and its strengthened invariants (properties/strengthened.ts). A counterexample from either
// search makes the verdict "violated". The minimal remediation sets come from exhaustive search of every
// remediation set (all 2^n while n ≤ 6; beyond that, every set of at most two, so the matrix stays fast).
// Deterministic: the Markdown has no timings, so `npm test` can require the committed file to be current.
// ---------------------------------------------------------------------------------------------------------
import * as O from "fp-ts/lib/Option.js";
import { type Config, REMEDIATION_NAMES, type RemediationName, withRemediations } from "../model/config.ts";
import { asWas, small } from "../model/configs/index.ts";
import type { Op } from "../model/ops.ts";
import { INVARIANTS, type Invariant, type InvariantName } from "../properties/index.ts";
import { STRENGTHENED } from "../properties/strengthened.ts";
import { checkInductive } from "../specs/fleet/inductive.ts";
import { fleetSpec } from "../specs/fleet.ts";
import type { BfsVerdict } from "./exploration.ts";
import { DEFAULT_SEED, searchInvariant } from "./search.ts";
import { exploreBreadthFirst } from "./verify/bfs.ts";

/** The bounds and budgets the committed matrix is generated with (kept modest so `npm test` stays fast). */
export const MATRIX_SETTINGS = {
  bfs: { maxDepth: 1000, maxStates: 200_000 },
  random: { seed: DEFAULT_SEED, runs: 100, maxSteps: 80 },
  inductive: { maxEnumerate: 1_000_000, samples: 1000, seed: DEFAULT_SEED },
} as const;

export type Level = "violated" | "holds in random search" | "bounded" | "proved" | "inductive";

export interface Cell {
  readonly level: Level;
  /** One short phrase: lengths, state counts, or the strengthened invariant. */
  readonly detail: string;
}

export interface Row {
  readonly set: ReadonlyArray<RemediationName>;
  readonly label: string;
  readonly cells: { readonly [K in InvariantName]?: Cell };
}

export interface Matrix {
  readonly rows: ReadonlyArray<Row>;
  /** Per invariant, the inclusion-minimal remediation sets under which exhaustive search proves it. */
  readonly minimal: ReadonlyArray<{
    readonly invariant: InvariantName;
    readonly sets: ReadonlyArray<ReadonlyArray<RemediationName>>;
  }>;
  /** Where adding one remediation to a set breaks an invariant that held (remediations interacting). */
  readonly interactions: ReadonlyArray<{
    readonly invariant: InvariantName;
    readonly set: ReadonlyArray<RemediationName>;
    readonly added: RemediationName;
  }>;
}

// ---------------------------------------------------------------------------------------------------------
// the sets
// ---------------------------------------------------------------------------------------------------------

/** none, each alone, all, all but one: the rows of the matrix. */
export const matrixSets = (): ReadonlyArray<{
  readonly label: string;
  readonly set: ReadonlyArray<RemediationName>;
}> => [
  { label: "none (as-was)", set: [] },
  ...REMEDIATION_NAMES.map((r) => ({ label: r, set: [r] })),
  { label: "all", set: REMEDIATION_NAMES },
  ...REMEDIATION_NAMES.map((r) => ({ label: `all but ${r}`, set: REMEDIATION_NAMES.filter((x) => x !== r) })),
];

/** All subsets are explored up to this many remediations; beyond it, the sets of at most two. */
export const FULL_SUBSETS_UP_TO = 6;

/** Every subset of the remediations, smallest first (then in declaration order). */
const allSubsets = (): ReadonlyArray<ReadonlyArray<RemediationName>> =>
  Array.from({ length: 2 ** REMEDIATION_NAMES.length }, (_, m) =>
    REMEDIATION_NAMES.filter((_, i) => (m & (1 << i)) !== 0),
  ).sort((a, b) => a.length - b.length);

/** The sets explored exhaustively for minimal sets and interactions (a family closed under removing one). */
export const exploredSubsets = (): ReadonlyArray<ReadonlyArray<RemediationName>> =>
  REMEDIATION_NAMES.length <= FULL_SUBSETS_UP_TO ? allSubsets() : allSubsets().filter((s) => s.length <= 2);

/** In words, for the Markdown. */
const exploredText = (): string =>
  REMEDIATION_NAMES.length <= FULL_SUBSETS_UP_TO
    ? `all 2^${REMEDIATION_NAMES.length} = ${2 ** REMEDIATION_NAMES.length} sets`
    : `every set of at most 2 of the ${REMEDIATION_NAMES.length} remediations (${exploredSubsets().length} sets)`;

const setKey = (set: ReadonlyArray<RemediationName>): string =>
  REMEDIATION_NAMES.filter((r) => set.includes(r)).join("+");

// ---------------------------------------------------------------------------------------------------------
// evidence
// ---------------------------------------------------------------------------------------------------------

const steps = (n: number): string => `${n} step${n === 1 ? "" : "s"}`;

/** Whether ThreadBudget (or a strengthening of it, for a remediation in the set) is inductive in `config`. */
const inductiveVia = (
  config: Config,
  set: ReadonlyArray<RemediationName>,
  inv: Invariant,
): string | undefined => {
  const self = {
    name: inv.name,
    holds: (c: Config, s: Parameters<Invariant["check"]>[1]) => O.isNone(inv.check(c, s)),
  };
  const candidates = [
    self,
    ...STRENGTHENED.filter((s) => s.strengthens === inv.name && set.includes(s.remediation)).map((s) => ({
      name: s.name,
      holds: s.holds,
    })),
  ];
  return candidates.find((c) => checkInductive(config, c, MATRIX_SETTINGS.inductive).status === "inductive")
    ?.name;
};

/** Combines the three checkers' evidence for one invariant under one set. */
const cellFor = (
  set: ReadonlyArray<RemediationName>,
  inv: Invariant,
  bfs: BfsVerdict<Op>,
  smallConfig: Config,
): Cell => {
  const random = searchInvariant(fleetSpec, withRemediations(asWas, set), inv, MATRIX_SETTINGS.random);
  const randomText =
    random.status === "violated"
      ? `random on as-was: ${steps(random.found.ops.length)}`
      : "random on as-was: none found";
  if (bfs.status === "violated")
    return { level: "violated", detail: `shortest on small: ${steps(bfs.depth)}; ${randomText}` };
  if (random.status === "violated")
    return { level: "violated", detail: `${randomText}; ${bfs.status} on small` };
  if (bfs.status === "bounded") return { level: "bounded", detail: `small, depth ${bfs.depth}` };
  const strengthened = STRENGTHENED.some((s) => s.strengthens === inv.name);
  const via = strengthened ? inductiveVia(smallConfig, set, inv) : undefined;
  if (via !== undefined)
    return {
      level: "inductive",
      detail: `${via === inv.name ? "itself" : `via ${via}`}; proved on small, ${bfs.states} states`,
    };
  return { level: "proved", detail: `small: ${bfs.states} states, diameter ${bfs.depth}` };
};

/** Generates the whole matrix (a few seconds); `onProgress` hears what is being done. */
export const buildMatrix = (onProgress?: (what: string) => void): Matrix => {
  const proved = new Map<string, ReadonlyMap<InvariantName, BfsVerdict<Op>>>();
  const explore = (set: ReadonlyArray<RemediationName>): void => {
    if (proved.has(setKey(set))) return;
    const r = exploreBreadthFirst(fleetSpec, withRemediations(small, set), INVARIANTS, MATRIX_SETTINGS.bfs);
    proved.set(setKey(set), new Map(r.verdicts.map((v) => [v.invariant.name as InvariantName, v.verdict])));
  };
  const explored = exploredSubsets();
  for (const [i, set] of explored.entries()) {
    onProgress?.(`exhaustive search of remediation set ${i + 1}/${explored.length}`);
    explore(set);
  }
  for (const { set } of matrixSets()) explore(set);
  const verdictOf = (set: ReadonlyArray<RemediationName>, inv: InvariantName): BfsVerdict<Op> => {
    const v = proved.get(setKey(set))?.get(inv);
    if (v === undefined) throw new Error(`internal: no verdict for ${setKey(set)}`);
    return v;
  };
  const isExplored = (set: ReadonlyArray<RemediationName>): boolean =>
    explored.some((e) => setKey(e) === setKey(set));
  const rows = matrixSets().map(({ label, set }): Row => {
    onProgress?.(`random search and inductive checks for ${label}`);
    const config = withRemediations(small, set);
    return {
      label,
      set,
      cells: Object.fromEntries(
        INVARIANTS.map((inv) => [inv.name, cellFor(set, inv, verdictOf(set, inv.name), config)]),
      ),
    };
  });
  const holds = (set: ReadonlyArray<RemediationName>, inv: InvariantName) =>
    verdictOf(set, inv).status === "proved";
  const minimal = INVARIANTS.map((inv) => ({
    invariant: inv.name,
    sets: explored.filter(
      (set) =>
        holds(set, inv.name) &&
        set.every(
          (r) =>
            !holds(
              set.filter((x) => x !== r),
              inv.name,
            ),
        ),
    ),
  }));
  const interactions = INVARIANTS.flatMap((inv) =>
    explored.flatMap((set) =>
      REMEDIATION_NAMES.filter(
        (r) =>
          !set.includes(r) &&
          isExplored([...set, r]) &&
          holds(set, inv.name) &&
          !holds([...set, r], inv.name),
      ).map((added) => ({ invariant: inv.name, set, added })),
    ),
  );
  return { rows, minimal, interactions };
};

// ---------------------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------------------

const setText = (set: ReadonlyArray<RemediationName>): string =>
  set.length === 0 ? "{} (none)" : `{${set.join(", ")}}`;

const cellText = (c: Cell | undefined): string =>
  c === undefined ? "" : `${c.level === "violated" ? "**violated**" : c.level} (${c.detail})`;

export const matrixMarkdown = (m: Matrix): string => {
  const s = MATRIX_SETTINGS;
  const lines = [
    "# Remediation matrix",
    "",
    "<!-- Generated by `npx outage matrix` (checker/matrix.ts). Do not edit: `npm test` fails when this file is out of date. -->",
    "",
    "Which remediation prevents which failure, and on what evidence. Evidence levels, weakest to strongest:",
    "**violated** (a counterexample exists) < *holds in random search* < *bounded* (no violation within a depth) <",
    "*proved* (every reachable state of the checking config explored) < *inductive* (preserved by every operation",
    "from every state satisfying it: any fleet size, any trace length).",
    "",
    "How each level was obtained:",
    "",
    `- **Exhaustive search** (\`npx outage verify --config small\`): breadth-first over every reachable state of the \`small\` checking config (model/configs/small.ts), bounds ${s.bfs.maxDepth} levels / ${s.bfs.maxStates} states (never reached). "shortest on small" is the length of a shortest counterexample.`,
    `- **Random search** (\`npx outage check --config as-was\`): fast-check on the \`as-was\` config, seed ${s.random.seed}, ${s.random.runs} runs of up to ${s.random.maxSteps} steps per cell, counterexamples shrunk and minimized.`,
    `- **Inductive** (\`npx outage verify --inductive --config small\`): tried for ThreadBudget, itself and through the strengthened invariants of the remediations in the set (properties/strengthened.ts); states of fleets up to 1 enumerated, ${s.inductive.samples} larger ones sampled (seed ${s.inductive.seed}). Other invariants were not tried; their strongest level is *proved*.`,
    "",
    "A counterexample from either search makes the verdict **violated**, whichever config it was found on.",
    "",
    "## Matrix",
    "",
    `| Remediations | ${INVARIANTS.map((i) => i.name).join(" | ")} |`,
    `|---|${INVARIANTS.map(() => "---").join("|")}|`,
    ...m.rows.map((r) => `| ${r.label} | ${INVARIANTS.map((i) => cellText(r.cells[i.name])).join(" | ")} |`),
    "",
    "## Minimal remediation sets",
    "",
    "The inclusion-minimal sets of remediations under which exhaustive search on `small` proves each invariant",
    `(${exploredText()} explored). Any one set in a row is enough; a remediation in none of a row's sets is`,
    "redundant for that invariant.",
    "",
    "| Invariant | Minimal sets that make it hold |",
    "|---|---|",
    ...m.minimal.map(
      (x) =>
        `| ${x.invariant} | ${x.sets.length === 0 ? "none: no set of remediations makes it hold" : x.sets.map(setText).join(", ")} |`,
    ),
    "",
    "## Interactions",
    "",
    "Sets under which an invariant is proved but adding one more remediation breaks it (remediations are not",
    `monotone; from exhaustive search of ${exploredText()} on \`small\`):`,
    "",
    ...(m.interactions.length === 0
      ? ["None: adding a remediation never breaks an invariant that held."]
      : [
          "| Invariant | Holds under | Broken by adding |",
          "|---|---|---|",
          ...m.interactions.map((x) => `| ${x.invariant} | ${setText(x.set)} | ${x.added} |`),
        ]),
    "",
  ];
  return lines.join("\n");
};

export const MATRIX_PATH = "docs/remediation-matrix.md";
