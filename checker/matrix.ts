// ---------------------------------------------------------------------------------------------------------
// checker: the option matrix, the table a design review asks for: which switch prevents which failure, and
// which switches are redundant. A spec's config has options that can be switched on (specs/*/matrix.ts name
// them); for every invariant and every set of options (none, each alone, all, all but one) the matrix gives
// the verdict and the strongest evidence it rests on, weakest to strongest:
//   violated < holds in random search < bounded < proved < proved for all parameters.
// Evidence comes from up to three checkers: exhaustive breadth-first search on a checking config small enough
// to visit every reachable state, random search with fast-check on a config with the real numbers, and an
// optional proof for every parameter value (a solver's, asked after the searches). A
// counterexample from either search makes the verdict "violated"; nothing but a complete exhaustive search
// makes it "proved", and only a proved cell is raised by a proof for all parameters (`raiseProvedCells`). The minimal sets come from exhaustive search of every set of the options an
// invariant reads (all 2^n while n ≤ 6; beyond that, every set of at most two, so the matrix stays fast).
// An invariant's verdict depends only on the options it reads (the subject's `project`), so each search runs
// once per distinct projection. Deterministic: the Markdown has no timings, so a test can require a committed
// file to be current.
// ---------------------------------------------------------------------------------------------------------
import type { BfsOptions, BfsVerdict } from "./exploration.ts";
import type { SearchProgress } from "./propertySearch.ts";
import { type SearchOptions, type SearchResult, searchInvariant } from "./search.ts";
import type { Spec } from "./spec.ts";
import type { SpecInvariant } from "./specInvariant.ts";
import { exploreBreadthFirst } from "./verify/bfs.ts";
import { sometimesReached } from "./verify/sometimes.ts";

// ---------------------------------------------------------------------------------------------------------
// model
// ---------------------------------------------------------------------------------------------------------

/** The words around the tables, for the Markdown renderer (matrixMarkdown.ts). */
export interface MatrixProse {
  /** Before the matrix: the title and how the evidence was obtained. */
  readonly preamble: ReadonlyArray<string>;
  /** The matrix's first column: what the option sets are. */
  readonly optionsColumn: string;
  readonly headings: { readonly matrix: string; readonly minimal: string; readonly interactions: string };
  readonly minimal: ReadonlyArray<string>;
  /** The minimal-set cell of an invariant no set makes hold. */
  readonly noMinimalSet: string;
  readonly interactions: ReadonlyArray<string>;
  /** Said instead of the interactions table when there is none. */
  readonly noInteraction: string;
}

export interface MatrixSettings {
  readonly bfs: Pick<BfsOptions, "maxDepth" | "maxStates">;
  readonly random: SearchOptions;
}

/**
 * What a matrix is built from: a spec, the options its config can switch on (`N`, in declaration order), and
 * the configs and budgets to check them with. `I` is the spec's own invariant type, for `project`.
 */
export interface MatrixSubject<C, S, Op, N extends string, I extends SpecInvariant<C, S>> {
  readonly spec: Spec<C, S, Op>;
  /** The columns, in order. */
  readonly invariants: ReadonlyArray<I>;
  /** Every option, in declaration order. */
  readonly options: ReadonlyArray<N>;
  /** `config` with `options` switched on. */
  withOptions(config: C, options: ReadonlyArray<N>): C;
  /** Random search runs on this config (the real numbers). */
  readonly randomConfig: C;
  /** Exhaustive search runs on this one (small enough to visit every reachable state). */
  readonly exhaustiveConfig: C;
  /**
   * The options of `set` that can change `invariant`'s verdict, in declaration order (default: all of `set`).
   * Must be exact: sets that agree on these give the same verdict, as the searches are shared between them.
   */
  project?(invariant: I, set: ReadonlyArray<N>): ReadonlyArray<N>;
  readonly settings: MatrixSettings;
  /** The label of the row with no option on. */
  readonly noneLabel: string;
  /** Whether a cell that holds also says what random search found (it found nothing). */
  readonly heldCellsCiteRandom: boolean;
  /** The words around the tables (checker/matrixMarkdown.ts). */
  prose(m: Matrix<N>): MatrixProse;
  /**
   * Every set of an invariant's options is explored up to this many (default FULL_SUBSETS_UP_TO); beyond it,
   * the sets of at most two. A subject whose exhaustive searches are cheap may raise it.
   */
  readonly everySetUpTo?: number;
}

export type Level =
  | "violated"
  | "holds in random search"
  | "bounded"
  | "proved"
  | "proved for all parameters";

export interface Cell {
  readonly level: Level;
  /** One short phrase: lengths, state counts, or the proof for every parameter value. */
  readonly detail: string;
}

export interface Row<N extends string> {
  readonly set: ReadonlyArray<N>;
  readonly label: string;
  /** By invariant name. */
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface Matrix<N extends string> {
  readonly rows: ReadonlyArray<Row<N>>;
  /** Per invariant: the options it reads, and whether every set of them was explored (else those of ≤ 2). */
  readonly reads: ReadonlyArray<{
    readonly invariant: string;
    readonly options: ReadonlyArray<N>;
    readonly everySet: boolean;
  }>;
  /** Per invariant, the inclusion-minimal sets of options under which exhaustive search proves it. */
  readonly minimal: ReadonlyArray<{
    readonly invariant: string;
    readonly sets: ReadonlyArray<ReadonlyArray<N>>;
  }>;
  /** The exhaustive verdicts the matrix rests on (one per invariant and projection), and how many hit a bound. */
  readonly exhaustive: { readonly verdicts: number; readonly bounded: number };
  /** Where adding one option to a set breaks an invariant that was proved (options interacting). */
  readonly interactions: ReadonlyArray<{
    readonly invariant: string;
    readonly set: ReadonlyArray<N>;
    readonly added: N;
  }>;
}

// ---------------------------------------------------------------------------------------------------------
// the sets
// ---------------------------------------------------------------------------------------------------------

/** none, each alone, all, all but one: the rows of the matrix. */
export const matrixRows = <N extends string>(
  options: ReadonlyArray<N>,
  noneLabel: string,
): ReadonlyArray<{ readonly label: string; readonly set: ReadonlyArray<N> }> => [
  { label: noneLabel, set: [] },
  ...options.map((o) => ({ label: o, set: [o] })),
  { label: "all", set: options },
  ...options.map((o) => ({ label: `all but ${o}`, set: options.filter((x) => x !== o) })),
];

/** All subsets are explored up to this many options (unless a subject says otherwise); beyond it, the sets of at most two. */
export const FULL_SUBSETS_UP_TO = 6;

/** Every subset of `options`, smallest first (then in declaration order). */
const allSubsets = <N>(options: ReadonlyArray<N>): ReadonlyArray<ReadonlyArray<N>> =>
  Array.from({ length: 2 ** options.length }, (_, m) => options.filter((_, i) => (m & (1 << i)) !== 0)).sort(
    (a, b) => a.length - b.length,
  );

/**
 * The sets of `options` explored for minimal sets and interactions (a family closed under removing one): all of
 * them up to `everySetUpTo` options, else those of at most two.
 */
export const exploredSets = <N>(
  options: ReadonlyArray<N>,
  everySetUpTo = FULL_SUBSETS_UP_TO,
): ReadonlyArray<ReadonlyArray<N>> =>
  options.length <= everySetUpTo ? allSubsets(options) : allSubsets(options).filter((s) => s.length <= 2);

// ---------------------------------------------------------------------------------------------------------
// evidence
// ---------------------------------------------------------------------------------------------------------

const steps = (n: number): string => `${n} step${n === 1 ? "" : "s"}`;

/** Combines the searches' evidence for one invariant (`raiseProvedCells` adds a proof for all parameters). */
const cellFor = <C, S, Op, N extends string, I extends SpecInvariant<C, S>>(
  subject: MatrixSubject<C, S, Op, N, I>,
  bfs: BfsVerdict<Op>,
  random: SearchResult<S, Op>,
  unreached: ReadonlyArray<string>,
): Cell => {
  const exhaustive = subject.spec.configs.nameOf(subject.exhaustiveConfig);
  const randomText = `random on ${subject.spec.configs.nameOf(subject.randomConfig)}: ${
    random.status === "violated" ? steps(random.found.ops.length) : "none found"
  }`;
  if (bfs.status === "violated")
    return { level: "violated", detail: `shortest on ${exhaustive}: ${steps(bfs.depth)}; ${randomText}` };
  if (random.status === "violated")
    return { level: "violated", detail: `${randomText}; ${bfs.status} on ${exhaustive}` };
  const held = subject.heldCellsCiteRandom ? `; ${randomText}` : "";
  if (bfs.status === "bounded")
    return { level: "bounded", detail: `${exhaustive}, depth ${bfs.depth} (${bfs.states} states)${held}` };
  // A complete search that never reached what the spec says must be reachable proves nothing: it raises the
  // cell no higher than bounded (checker/verify/sometimes.ts).
  if (unreached.length > 0)
    return {
      level: "bounded",
      detail: `${exhaustive}: ${bfs.states} states, vacuous (never reached: ${unreached.join(", ")})${held}`,
    };
  return { level: "proved", detail: `${exhaustive}: ${bfs.states} states, diameter ${bfs.depth}${held}` };
};

/**
 * `m` with each proved cell raised to "proved for all parameters" where `proofOf` names a proof of its
 * invariant under its row's set for every value of the config's parameters (one phrase: the prover, the
 * inductive invariant, the side condition). Only proved cells are asked (`provedCells`), so a prover that
 * answers asynchronously runs between building the matrix and raising it.
 */
export const raiseProvedCells = <N extends string>(
  m: Matrix<N>,
  proofOf: (set: ReadonlyArray<N>, invariant: string) => string | undefined,
): Matrix<N> => ({
  ...m,
  rows: m.rows.map((row) => ({
    ...row,
    cells: Object.fromEntries(
      Object.entries(row.cells).map(([invariant, c]): [string, Cell] => {
        const proof = c.level === "proved" ? proofOf(row.set, invariant) : undefined;
        if (proof === undefined) return [invariant, c];
        // "small: 59 states, diameter 5" → "…; proved on small, 59 states, diameter 5"
        return [invariant, { level: "proved for all parameters", detail: `${proof}; proved on ${c.detail}` }];
      }),
    ),
  })),
});

/** The (set, invariant) pairs of `m` that exhaustive search proved: the ones `raiseProvedCells` asks about. */
export const provedCells = <N extends string>(
  m: Matrix<N>,
): ReadonlyArray<{ readonly set: ReadonlyArray<N>; readonly invariant: string }> =>
  m.rows.flatMap((row) =>
    Object.entries(row.cells)
      .filter(([, c]) => c.level === "proved")
      .map(([invariant]) => ({ set: row.set, invariant })),
  );

/** The value cached under `key`, computed by `compute` the first time. */
const memo = <V>(cache: Map<string, V>, key: string, compute: () => V): V => {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const v = compute();
  cache.set(key, v);
  return v;
};

const without = <N>(set: ReadonlyArray<N>, o: N): ReadonlyArray<N> => set.filter((x) => x !== o);

/** Builds the whole matrix; `onProgress` hears what is being done. */
export const buildMatrix = <C, S, Op, N extends string, I extends SpecInvariant<C, S>>(
  subject: MatrixSubject<C, S, Op, N, I>,
  onProgress?: (what: string) => void,
): Matrix<N> => {
  const { spec, invariants, options, settings } = subject;
  const everySetUpTo = subject.everySetUpTo ?? FULL_SUBSETS_UP_TO;
  const project = (inv: I, set: ReadonlyArray<N>): ReadonlyArray<N> =>
    subject.project?.(inv, set) ?? options.filter((o) => set.includes(o));
  const keyOf = (inv: I, set: ReadonlyArray<N>): string => `${inv.name}:${project(inv, set).join("+")}`;
  const bfsCache = new Map<string, BfsVerdict<Op>>();
  const unreachedCache = new Map<string, ReadonlyArray<string>>();
  /**
   * The spec's `sometimes` properties that the exhaustive config with `set` on never reaches: in the one
   * exploration of every invariant, or in `inv`'s own for a spec explored one invariant at a time.
   */
  const oneAtATime = spec.exploration?.oneInvariantAtATime === true;
  const unreachedOf = (inv: I, set: ReadonlyArray<N>): ReadonlyArray<string> =>
    memo(unreachedCache, oneAtATime ? keyOf(inv, set) : project(inv, set).join("+"), () =>
      sometimesReached(
        spec,
        subject.withOptions(subject.exhaustiveConfig, project(inv, set)),
        settings.bfs,
        oneAtATime ? [inv] : spec.invariants,
      )
        .filter((p) => !p.reached)
        .map((p) => p.name),
    );
  const randomCache = new Map<string, SearchResult<S, Op>>();
  /** One search of the projection of `set` for every invariant with that projection and no verdict yet. */
  const bfsOf = (inv: I, set: ReadonlyArray<N>): BfsVerdict<Op> =>
    memo(bfsCache, keyOf(inv, set), () => {
      const projected = project(inv, set);
      const at = projected.join("+");
      const batch = invariants.filter(
        (j) => !bfsCache.has(keyOf(j, set)) && project(j, set).join("+") === at,
      );
      onProgress?.(`exhaustive search of {${at}} for ${batch.map((j) => j.name).join(", ")}`);
      const r = exploreBreadthFirst(
        spec,
        subject.withOptions(subject.exhaustiveConfig, projected),
        batch,
        settings.bfs,
      );
      for (const v of r.verdicts) bfsCache.set(`${v.invariant.name}:${at}`, v.verdict);
      const own = bfsCache.get(keyOf(inv, set));
      if (own === undefined) throw new Error(`internal: no verdict for ${keyOf(inv, set)}`);
      return own;
    });
  const randomOf = (inv: I, set: ReadonlyArray<N>): SearchResult<S, Op> =>
    memo(randomCache, keyOf(inv, set), () => {
      const what = `random search of ${keyOf(inv, set)}`;
      onProgress?.(what);
      // Within the search too: one run of a large config can take longer than the progress interval.
      const within =
        onProgress === undefined
          ? {}
          : {
              onProgress: (p: SearchProgress) =>
                onProgress(
                  p.phase === "searching"
                    ? `${what}: run ${p.runs} of ${settings.random.runs}, ${p.steps} steps`
                    : `${what}: ${p.phase}, ${p.attempts} attempts`,
                ),
            };
      return searchInvariant(spec, subject.withOptions(subject.randomConfig, project(inv, set)), inv, {
        ...settings.random,
        ...within,
      });
    });
  const rows = matrixRows(options, subject.noneLabel).map(
    ({ label, set }): Row<N> => ({
      label,
      set,
      cells: Object.fromEntries(
        invariants.map((inv) => [
          inv.name,
          cellFor(subject, bfsOf(inv, set), randomOf(inv, set), unreachedOf(inv, set)),
        ]),
      ),
    }),
  );
  const proved = (inv: I, set: ReadonlyArray<N>): boolean =>
    bfsOf(inv, set).status === "proved" && unreachedOf(inv, set).length === 0;
  const reads = invariants.map((inv) => ({ inv, own: project(inv, options) }));
  const minimal = reads.map(({ inv, own }) => ({
    invariant: inv.name,
    sets: exploredSets(own, everySetUpTo).filter(
      (set) => proved(inv, set) && set.every((o) => !proved(inv, without(set, o))),
    ),
  }));
  // Adding one option stays within the explored family when every set is, or when the set has fewer than two.
  const interactions = reads.flatMap(({ inv, own }) =>
    exploredSets(own, everySetUpTo).flatMap((set) =>
      own
        .filter(
          (o) =>
            !set.includes(o) &&
            (own.length <= everySetUpTo || set.length < 2) &&
            proved(inv, set) &&
            !proved(inv, [...set, o]),
        )
        .map((added) => ({ invariant: inv.name, set, added })),
    ),
  );
  const verdicts = [...bfsCache.values()];
  return {
    rows,
    reads: reads.map(({ inv, own }) => ({
      invariant: inv.name,
      options: own,
      everySet: own.length <= everySetUpTo,
    })),
    minimal,
    exhaustive: { verdicts: verdicts.length, bounded: verdicts.filter((v) => v.status === "bounded").length },
    interactions,
  };
};
