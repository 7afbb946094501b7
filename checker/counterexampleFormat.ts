// ---------------------------------------------------------------------------------------------------------
// checker: the counterexample file format, defined once (issue 16), for any spec: the fields every file has
// and what a random search's file records besides, as valibot entries. The decoder
// (checker/counterexample.ts) reads a file with them; the published docs/counterexample.schema.json is built
// from the same entries with each spec's operation and config formats (explain/schema.ts).
// ---------------------------------------------------------------------------------------------------------
import * as v from "valibot";
import {
  atLeast,
  type Format,
  fraction,
  integerIn,
  list,
  matching,
  nat,
  oneOf,
  section,
  text,
} from "../model/format.ts";

/** The version of the file format written today (2: the file names its spec in `spec`). */
export const SCHEMA_VERSION = 2;

/** What the format needs of a spec: its invariants' names, where they are, its operation and config formats. */
export interface FileParts<C, O> {
  readonly invariants: ReadonlyArray<string>;
  readonly invariantsIn: string;
  readonly op: Format<O>;
  readonly config: Format<C>;
}

/** A narrated step of a saved trace. */
export const StepFormat = section({ step: nat(), label: text(), changes: list(text()) });

/** The fields every file has, whatever its spec and version. */
export const commonEntries = <C, O>(p: FileParts<C, O>) => ({
  invariant: v.pipe(oneOf(p.invariants), v.description(`the invariant that fails (${p.invariantsIn})`)),
  message: text("what was wrong in the state after violationStep"),
  source: text("the source fact the invariant encodes (a domain.md ID or a seed file)"),
  seed: integerIn(
    -2147483648,
    2147483647,
    "fast-check seed of the search (0 for a shortest trace found by `npx outage verify`)",
  ),
  path: matching(
    /^(\d+(:\d+)*)?$/,
    "a fast-check path like 3:0:1",
    "fast-check path of the shrunk case, e.g. 3:0:1 (empty for `npx outage verify`)",
  ),
  violationStep: nat("the 1-based step after which the invariant first fails; 0 = the initial state fails"),
  ops: list(p.op, "the minimal operations; replaying them from the initial state reproduces the violation"),
  steps: list(StepFormat, "what changed at each step, in domain words"),
  config: p.config,
});

/** What a random search's file records besides (optional: a breadth-first trace has no step limit). */
export const PROVENANCE = {
  maxSteps: v.optional(
    atLeast(
      1,
      "the longest generated sequence of the search that found it: with seed and path, what fast-check needs to regenerate the case (checker/property.ts)",
    ),
  ),
  versions: v.optional(
    section(
      { tool: text(), fastCheck: text() },
      "the versions of this tool and of fast-check that wrote the file",
    ),
  ),
  nearMiss: v.optional(
    section(
      { closeness: fraction(0, 1), meaning: text() },
      "set on a near miss (`npx outage check --near-miss DIR`): the invariant held; the file is the run that came closest, ending at its closest state (violationStep), with the invariant's closeness there (1 = on the edge) and what it measures",
    ),
  ),
};

/** Where a schema is, relative to the file. */
export const schemaKey = (at: string) => ({
  $schema: v.optional(text(`where a schema is, relative to the file (${at})`)),
});

/** What the format of a spec's files needs besides: the spec's id and the corpus folder its files are saved in. */
export interface SpecFileParts<C, O> extends FileParts<C, O> {
  readonly id: string;
  readonly folder: string;
}

/**
 * A file of spec `s` as written today, whole (its operations and config included): what a library user
 * validates a file with, and a branch of docs/counterexample.schema.json (explain/schema.ts). `schemaRef` is
 * where the file's `$schema` points.
 */
export const counterexampleFormat = <C, O>(s: SpecFileParts<C, O>, schemaRef: string) =>
  section(
    {
      ...schemaKey(schemaRef),
      spec: v.pipe(v.literal(s.id), v.description("the spec whose config and operations the file holds")),
      schemaVersion: v.literal(SCHEMA_VERSION),
      ...commonEntries(s),
      ...PROVENANCE,
    },
    `a counterexample of the ${s.id} spec (saved in ${s.folder}/)`,
  );

/**
 * The format the decoder reads any file of a spec with: the marker fields (`spec`, `kind`, `schemaVersion`)
 * are read before (`specIdOf`), and the operations and config are decoded by the spec afterwards, so each
 * gets its own path in a message.
 */
export const loadedFileFormat = (invariants: ReadonlyArray<string>) =>
  section({
    ...schemaKey(""),
    spec: v.optional(v.unknown()),
    kind: v.optional(v.unknown()),
    schemaVersion: v.optional(v.unknown()),
    ...commonEntries({ invariants, invariantsIn: "", op: v.unknown(), config: v.unknown() }),
    ...PROVENANCE,
  });
