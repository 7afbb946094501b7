// ---------------------------------------------------------------------------------------------------------
// checker: the remediation matrix for the dependents (the second half of docs/remediation-matrix.md). For every
// dependent invariant (properties/dependents/) and every set of dependent remediations (none, each alone, all,
// all but one), on the core fleet as it was (no core remediation), the verdict and the evidence it rests on:
//   - exhaustive breadth-first search over `systemStep` on the `small-system` checking config
//     (checker/verify/bfs.ts): the fleet plus the invariant's cone of influence, unbounded counters
//     abstracted (specs/system/key.ts); proved when every state was visited, bounded at a state bound;
//   - random search over system traces on `as-was` (checker/systemSearch.ts), the 2020 numbers.
// An invariant's verdict depends only on the remediation flags its cone reads, so each search is run once per
// distinct projection of a set onto those flags; that is exact, not an approximation (systemKey.ts). The rows
// already contain every subset of every cone's flags, so the minimal sets are exact over all 2^8 sets.
// ---------------------------------------------------------------------------------------------------------
import { asWasSystem } from "../model/dependents/asWas.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediationName,
  withDependentRemediations,
} from "../model/dependents/config.ts";
import { smallSystem } from "../model/dependents/small.ts";
import type { SystemOp, SystemState } from "../model/system.ts";
import {
  SYSTEM_INVARIANTS,
  type SystemInvariant,
  type SystemInvariantName,
} from "../properties/dependents/index.ts";
import { coneOf, coneRemediations } from "../specs/system/key.ts";
import { systemSpec } from "../specs/system.ts";
import type { BfsVerdict } from "./exploration.ts";
import { DEFAULT_RUNS, DEFAULT_SEED, type SearchResult, searchInvariant } from "./search.ts";
import { exploreBreadthFirst } from "./verify/bfs.ts";

/** The bounds and budgets the committed dependent matrix is generated with (kept low so `npm test` stays fast). */
export const DEPENDENT_MATRIX_SETTINGS = {
  bfs: { maxDepth: 1000, maxStates: 50_000 },
  random: { seed: DEFAULT_SEED, runs: 20, maxSteps: systemSpec.defaultMaxSteps },
} as const;

export type DependentLevel = "violated" | "holds in random search" | "bounded" | "proved";

export interface DependentCell {
  readonly level: DependentLevel;
  readonly detail: string;
}

export interface DependentRow {
  readonly label: string;
  readonly set: ReadonlyArray<DependentRemediationName>;
  readonly cells: { readonly [K in SystemInvariantName]?: DependentCell };
}

export interface DependentMatrix {
  readonly rows: ReadonlyArray<DependentRow>;
  /** Per invariant: the dependents explored with the fleet, and the remediation flags they read. */
  readonly cones: ReadonlyArray<{
    readonly invariant: SystemInvariantName;
    readonly cone: ReadonlyArray<string>;
    readonly flags: ReadonlyArray<DependentRemediationName>;
  }>;
  /** Per invariant, the inclusion-minimal sets under which exhaustive search on `small-system` proves it. */
  readonly minimal: ReadonlyArray<{
    readonly invariant: SystemInvariantName;
    readonly sets: ReadonlyArray<ReadonlyArray<DependentRemediationName>>;
  }>;
  /** Where adding one remediation to a set breaks an invariant that was proved. */
  readonly interactions: ReadonlyArray<{
    readonly invariant: SystemInvariantName;
    readonly set: ReadonlyArray<DependentRemediationName>;
    readonly added: DependentRemediationName;
  }>;
}

/** none, each alone, all, all but one. */
export const dependentMatrixSets = (): ReadonlyArray<{
  readonly label: string;
  readonly set: ReadonlyArray<DependentRemediationName>;
}> => [
  { label: "none (as-was)", set: [] },
  ...DEPENDENT_REMEDIATION_NAMES.map((r) => ({ label: r, set: [r] })),
  { label: "all", set: DEPENDENT_REMEDIATION_NAMES },
  ...DEPENDENT_REMEDIATION_NAMES.map((r) => ({
    label: `all but ${r}`,
    set: DEPENDENT_REMEDIATION_NAMES.filter((x) => x !== r),
  })),
];

/** Every subset of `flags`, smallest first. */
const subsets = <A>(flags: ReadonlyArray<A>): ReadonlyArray<ReadonlyArray<A>> =>
  Array.from({ length: 2 ** flags.length }, (_, m) => flags.filter((_, i) => (m & (1 << i)) !== 0)).sort(
    (a, b) => a.length - b.length,
  );

const steps = (n: number): string => `${n} step${n === 1 ? "" : "s"}`;

const cellFor = (bfs: BfsVerdict<SystemOp>, random: SearchResult<SystemState, SystemOp>): DependentCell => {
  const randomText =
    random.status === "violated"
      ? `random on as-was: ${steps(random.found.ops.length)}`
      : "random on as-was: none found";
  if (bfs.status === "violated")
    return { level: "violated", detail: `shortest on small-system: ${steps(bfs.depth)}; ${randomText}` };
  if (random.status === "violated")
    return { level: "violated", detail: `${randomText}; ${bfs.status} on small-system` };
  if (bfs.status === "bounded")
    return {
      level: "bounded",
      detail: `small-system, depth ${bfs.depth} (${bfs.states} states); random on as-was: none found`,
    };
  return {
    level: "proved",
    detail: `small-system: ${bfs.states} states, diameter ${bfs.depth}; random on as-was: none found`,
  };
};

/** Generates the dependents' half of the matrix; `onProgress` hears what is being done. */
export const buildDependentMatrix = (onProgress?: (what: string) => void): DependentMatrix => {
  const bfsCache = new Map<string, BfsVerdict<SystemOp>>();
  const randomCache = new Map<string, SearchResult<SystemState, SystemOp>>();
  const projection = (inv: SystemInvariant, set: ReadonlyArray<DependentRemediationName>) =>
    coneRemediations(coneOf(inv.name), set);
  const cacheKey = (inv: SystemInvariant, set: ReadonlyArray<DependentRemediationName>): string =>
    `${inv.name}:${projection(inv, set).join("+")}`;
  const bfsOf = (
    inv: SystemInvariant,
    set: ReadonlyArray<DependentRemediationName>,
  ): BfsVerdict<SystemOp> => {
    const key = cacheKey(inv, set);
    const cached = bfsCache.get(key);
    if (cached !== undefined) return cached;
    onProgress?.(`exhaustive search of ${key}`);
    const v = exploreBreadthFirst(
      systemSpec,
      withDependentRemediations(smallSystem, projection(inv, set)),
      [inv],
      DEPENDENT_MATRIX_SETTINGS.bfs,
    ).verdicts[0]?.verdict;
    if (v === undefined) throw new Error(`internal: no verdict for ${key}`);
    bfsCache.set(key, v);
    return v;
  };
  const randomOf = (
    inv: SystemInvariant,
    set: ReadonlyArray<DependentRemediationName>,
  ): SearchResult<SystemState, SystemOp> => {
    const key = cacheKey(inv, set);
    const cached = randomCache.get(key);
    if (cached !== undefined) return cached;
    onProgress?.(`random search of ${key}`);
    const r = searchInvariant(
      systemSpec,
      withDependentRemediations(asWasSystem, projection(inv, set)),
      inv,
      DEPENDENT_MATRIX_SETTINGS.random,
    );
    randomCache.set(key, r);
    return r;
  };
  const rows = dependentMatrixSets().map(
    ({ label, set }): DependentRow => ({
      label,
      set,
      cells: Object.fromEntries(
        SYSTEM_INVARIANTS.map((inv) => [inv.name, cellFor(bfsOf(inv, set), randomOf(inv, set))]),
      ),
    }),
  );
  const cones = SYSTEM_INVARIANTS.map((inv) => ({
    invariant: inv.name,
    cone: coneOf(inv.name),
    flags: coneRemediations(coneOf(inv.name), DEPENDENT_REMEDIATION_NAMES),
  }));
  const proved = (inv: SystemInvariant, set: ReadonlyArray<DependentRemediationName>): boolean =>
    bfsOf(inv, set).status === "proved";
  const minimal = SYSTEM_INVARIANTS.map((inv) => ({
    invariant: inv.name,
    sets: subsets(coneRemediations(coneOf(inv.name), DEPENDENT_REMEDIATION_NAMES)).filter(
      (set) =>
        proved(inv, set) &&
        set.every(
          (r) =>
            !proved(
              inv,
              set.filter((x) => x !== r),
            ),
        ),
    ),
  }));
  const interactions = SYSTEM_INVARIANTS.flatMap((inv) => {
    const flags = coneRemediations(coneOf(inv.name), DEPENDENT_REMEDIATION_NAMES);
    return subsets(flags).flatMap((set) =>
      flags
        .filter((r) => !set.includes(r) && proved(inv, set) && !proved(inv, [...set, r]))
        .map((added) => ({ invariant: inv.name, set, added })),
    );
  });
  return { rows, cones, minimal, interactions };
};

// ---------------------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------------------

const setText = (set: ReadonlyArray<string>): string =>
  set.length === 0 ? "{} (none)" : `{${set.join(", ")}}`;

const cellText = (c: DependentCell | undefined): string =>
  c === undefined ? "" : `${c.level === "violated" ? "**violated**" : c.level} (${c.detail})`;

/** The heading the dependents' half of docs/remediation-matrix.md starts with. */
export const DEPENDENTS_HEADING = "## Dependents";

/** The whole matrix file: the core half (checker/matrix.ts), then the dependents' half. */
export const joinMatrixFile = (core: string, dependents: string): string => `${core}\n${dependents}`;

/** The two halves of a matrix file (the dependents' half empty when the file has none). */
export const splitMatrixFile = (text: string): { readonly core: string; readonly dependents: string } => {
  const i = text.indexOf(`\n${DEPENDENTS_HEADING}\n`);
  return i < 0 ? { core: text, dependents: "" } : { core: text.slice(0, i), dependents: text.slice(i + 1) };
};

export const dependentMatrixMarkdown = (m: DependentMatrix): string => {
  const s = DEPENDENT_MATRIX_SETTINGS;
  const lines = [
    DEPENDENTS_HEADING,
    "",
    "The services that depend on Kinesis (model/system.ts, properties/dependents/), on the core fleet as it was",
    "(no core remediation: the question is which dependent fix survives a Kinesis outage), against every set of",
    "dependent remediations (none, each alone, all, all but one). Evidence levels as above; *inductive* is not",
    "tried for the dependents.",
    "",
    `- **Exhaustive search** (\`npx outage verify --config small-system --remediation NAME,... --invariant NAME\`): breadth-first over \`systemStep\` on the \`small-system\` checking config (model/dependents/small.ts), bounds ${s.bfs.maxDepth} levels / ${s.bfs.maxStates} states. Each invariant is explored over the core fleet plus its *cone of influence* (the dependents it reads and those upstream of them; the rest cannot change its verdict), with unbounded counters and the clock abstracted (specs/system/key.ts). "proved" means every reachable state of that cone and the fleet was visited; the state counts are of that product.`,
    `- **Random search** (\`npx outage check --config as-was --invariant NAME\`): fast-check over system traces on \`as-was\` (model/dependents/asWas.ts), seed ${s.random.seed}, ${s.random.runs} runs of up to ${s.random.maxSteps} steps per distinct cell (lowered from \`check\`'s default ${DEFAULT_RUNS} runs so \`npm test\` stays fast), counterexamples shrunk and minimized.`,
    "- A verdict depends only on the remediation flags its cone reads, so each search ran once per distinct",
    "  projection of a row's set onto those flags (exact: the other flags cannot change the explored states).",
    "",
    "| Invariant | Cone explored with the fleet | Remediation flags it reads |",
    "|---|---|---|",
    ...m.cones.map((c) => `| ${c.invariant} | ${c.cone.join(", ")} | ${c.flags.join(", ")} |`),
    "",
    "### Dependent matrix",
    "",
    `| Remediations | ${SYSTEM_INVARIANTS.map((i) => i.name).join(" | ")} |`,
    `|---|${SYSTEM_INVARIANTS.map(() => "---").join("|")}|`,
    ...m.rows.map(
      (r) => `| ${r.label} | ${SYSTEM_INVARIANTS.map((i) => cellText(r.cells[i.name])).join(" | ")} |`,
    ),
    "",
    "### Minimal dependent remediation sets",
    "",
    "The inclusion-minimal sets of dependent remediations under which exhaustive search on `small-system` proves",
    `each invariant (exact over all 2^${DEPENDENT_REMEDIATION_NAMES.length} = ${2 ** DEPENDENT_REMEDIATION_NAMES.length} sets: the rows hold every subset of every cone's flags).`,
    "",
    "| Invariant | Minimal sets that make it hold |",
    "|---|---|",
    ...m.minimal.map(
      (x) =>
        `| ${x.invariant} | ${x.sets.length === 0 ? "none: no set of dependent remediations makes it hold" : x.sets.map(setText).join(", ")} |`,
    ),
    "",
    "### Dependent interactions",
    "",
    "Sets under which a dependent invariant is proved but adding one more dependent remediation breaks it:",
    "",
    ...(m.interactions.length === 0
      ? ["None: adding a dependent remediation never breaks a dependent invariant that held."]
      : [
          "| Invariant | Holds under | Broken by adding |",
          "|---|---|---|",
          ...m.interactions.map((x) => `| ${x.invariant} | ${setText(x.set)} | ${x.added} |`),
        ]),
    "",
  ];
  return lines.join("\n");
};
