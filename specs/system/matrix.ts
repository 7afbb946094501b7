// ---------------------------------------------------------------------------------------------------------
// specs/system: the dependents' remediation matrix (the second part of docs/remediation-matrix.md), as a
// subject of the matrix engine (checker/matrix.ts): every dependent invariant (properties/dependents/) under
// every set of dependent remediations, on the core fleet as it was (no core remediation). Exhaustive search over
// `systemStep` on `small-system`, each invariant over the fleet plus its cone of influence (key.ts); random
// search over system traces on `as-was`. An invariant's verdict depends only on the remediation flags its cone
// reads (`coneRemediations`), so the engine runs each search once per distinct projection of a set onto them;
// that is exact, not an approximation (key.ts). The dependents' matrix asks no SMT proof (three bounds are proved by `prove --spec system`).
// ---------------------------------------------------------------------------------------------------------

import { DEFAULT_RUNS, DEFAULT_SEED } from "../../checker/defaults.ts";
import type { Matrix, MatrixSubject } from "../../checker/matrix.ts";
import { asWasSystem } from "../../model/configs/asWasDependents.ts";
import { smallSystem } from "../../model/configs/smallDependents.ts";
import {
  DEPENDENT_REMEDIATION_NAMES,
  type DependentRemediationName,
  type SystemConfig,
  withDependentRemediations,
} from "../../model/dependents/config.ts";
import type { SystemOp, SystemState } from "../../model/system.ts";
import { SYSTEM_INVARIANTS, type SystemInvariant } from "../../properties/dependents/index.ts";
import { systemSpec } from "../system.ts";
import { coneOf, coneRemediations } from "./key.ts";

/** The bounds and budgets the committed matrix is generated with (kept low so `npm test` stays fast). */
export const SYSTEM_MATRIX_SETTINGS = {
  bfs: { maxDepth: 1000, maxStates: 50_000 },
  random: { seed: DEFAULT_SEED, runs: 20, maxSteps: systemSpec.defaultMaxSteps },
} as const;

/** The line the system's part of docs/remediation-matrix.md starts with. */
export const SYSTEM_MATRIX_HEADING = "## Dependents";

const prose =
  (random: SystemConfig, options: ReadonlyArray<DependentRemediationName>) =>
  (m: Matrix<DependentRemediationName>) => {
    const s = SYSTEM_MATRIX_SETTINGS;
    const n = options.length;
    return {
      preamble: [
        SYSTEM_MATRIX_HEADING,
        "",
        "The services that depend on Kinesis (model/system.ts, properties/dependents/), on the core fleet as it was",
        "(no core remediation: the question is which dependent fix survives a Kinesis outage), against every set of",
        "dependent remediations (none, each alone, all, all but one). Evidence levels as above, except that no cell",
        "here is raised to *proved for all parameters*: three of the dependents' bounds are proved for all their",
        "numbers by `npx outage prove --spec system` (docs/prove.md), outside this table.",
        "",
        `- **Exhaustive search** (\`npx outage verify --config small-system --remediation NAME,... --invariant NAME\`): breadth-first over \`systemStep\` on the \`small-system\` checking config (model/configs/smallDependents.ts), bounds ${s.bfs.maxDepth} levels / ${s.bfs.maxStates} states. Each invariant is explored over the core fleet plus its *cone of influence* (the dependents it reads and those upstream of them; the rest cannot change its verdict), with unbounded counters and the clock abstracted (specs/system/key.ts). "proved" means every reachable state of that cone and the fleet was visited; the state counts are of that product.`,
        `- **Random search** (\`npx outage check --config ${random.name} --invariant NAME\`): fast-check over system traces on \`${random.name}\`${random === asWasSystem ? " (model/configs/asWasDependents.ts)" : ""}, seed ${s.random.seed}, ${s.random.runs} runs of up to ${s.random.maxSteps} steps per distinct cell (lowered from \`check\`'s default ${DEFAULT_RUNS} runs so \`npm test\` stays fast), counterexamples shrunk and minimized.`,
        "- A verdict depends only on the remediation flags its cone reads, so each search ran once per distinct",
        "  projection of a row's set onto those flags (exact: the other flags cannot change the explored states).",
        "",
        "| Invariant | Cone explored with the fleet | Remediation flags it reads |",
        "|---|---|---|",
        ...SYSTEM_INVARIANTS.map(
          (inv) =>
            `| ${inv.name} | ${coneOf(inv.name).join(", ")} | ${(m.reads.find((r) => r.invariant === inv.name)?.options ?? []).join(", ")} |`,
        ),
      ],
      optionsColumn: "Remediations",
      headings: {
        matrix: "### Dependent matrix",
        minimal: "### Minimal dependent remediation sets",
        interactions: "### Dependent interactions",
      },
      minimal: [
        "The inclusion-minimal sets of dependent remediations under which exhaustive search on `small-system` proves",
        m.reads.every((r) => r.everySet)
          ? `each invariant (exact over all 2^${n} = ${2 ** n} sets: the rows hold every subset of every cone's flags).`
          : `each invariant (over every set of at most 2 of the flags its cone reads, where it reads more than that).`,
      ],
      noMinimalSet: "none: no set of dependent remediations makes it hold",
      interactions: [
        "Sets under which a dependent invariant is proved but adding one more dependent remediation breaks it:",
      ],
      noInteraction: "None: adding a dependent remediation never breaks a dependent invariant that held.",
    };
  };

/**
 * The dependents' matrix with random search on `random` (a user's system config, say) over the sets of
 * `options`; exhaustive search stays on the `small-system` checking config.
 */
export const systemMatrixFor = (
  random: SystemConfig,
  options: ReadonlyArray<DependentRemediationName>,
): MatrixSubject<SystemConfig, SystemState, SystemOp, DependentRemediationName, SystemInvariant> => ({
  spec: systemSpec,
  invariants: SYSTEM_INVARIANTS,
  options,
  withOptions: withDependentRemediations,
  randomConfig: random,
  exhaustiveConfig: smallSystem,
  project: (inv, set) => coneRemediations(coneOf(inv.name), set),
  settings: SYSTEM_MATRIX_SETTINGS,
  noneLabel: `none (${random.name})`,
  heldCellsCiteRandom: true,
  prose: prose(random, options),
});

export const systemMatrix = systemMatrixFor(asWasSystem, DEPENDENT_REMEDIATION_NAMES);
