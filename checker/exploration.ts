// ---------------------------------------------------------------------------------------------------------
// checker: what a spec gives the breadth-first verifier (checker/verify/bfs.ts), and what the verifier
// answers: per invariant PROVED (every reachable state visited), BOUNDED (no violation within the bounds) or
// VIOLATED (a shortest trace).
// ---------------------------------------------------------------------------------------------------------
import type { SpecInvariant } from "./specInvariant.ts";

export interface BfsOptions {
  /** Explore at most this many levels (operations from the initial state). */
  readonly maxDepth: number;
  /** Stop once the visited set holds this many states. */
  readonly maxStates: number;
  /**
   * Called every few thousand expansions, and every `POLL_EVERY` candidate operations tried (a state of a
   * large fleet has thousands); the CLI turns it into a progress line.
   */
  readonly onProgress?: (p: BfsProgress) => void;
  /**
   * Asked when progress is reported: true stops the search cleanly, with the verdicts so far and bound
   * "budget". The caller holds the clock (a time budget in cli/), so the search stays deterministic.
   */
  readonly stop?: () => boolean;
  /**
   * Called as each level is known completely: `depth` its distance from the start (0 for the start) and
   * `states` the states visited within that distance (the bench's states per depth, for projections).
   */
  readonly onLevel?: (depth: number, states: number) => void;
  /**
   * Threads to expand each level in (default 1: the calling thread alone). A search that can use more gives
   * the same states, verdicts and traces with any number; one that cannot ignores it.
   */
  readonly workers?: number;
  /** Called once at the end, while the visited set is still held and the frontier dropped (the bench measures memory here). */
  readonly onFinish?: (states: number) => void;
}

/** The visited set's footprint at the end of an exploration (the bench reports it as bytes per state). */
export interface BfsMemory {
  /** 32-bit words per packed key (0: string keys). */
  readonly keyWords: number;
  /** Bytes of the visited set's arrays (keys, hash slots, parents, operations), slack included. */
  readonly visitedBytes: number;
  /** States kept under a string key because they had no packed key. */
  readonly unpackedStates: number;
}

export interface BfsProgress {
  readonly states: number;
  /** The level being generated. */
  readonly depth: number;
  readonly transitions: number;
}

/** Which bound stopped a search: the depth, the visited states, or the caller's `stop` (a time budget). */
export type BfsBound = "max-depth" | "max-states" | "budget";

/**
 * How many candidate operations a search tries between two calls of `onProgress` and `stop`: few, because at
 * thousands of frontends one step takes tens of milliseconds (a caller's clock read costs far less).
 */
export const POLL_EVERY = 16;

export type BfsVerdict<Op> =
  /** Every reachable state was visited: `states` of them, the farthest `depth` operations from the start. */
  | { readonly status: "proved"; readonly states: number; readonly depth: number }
  /** No violation in any state within `depth` operations of the start; exploration stopped at a bound. */
  | {
      readonly status: "bounded";
      readonly states: number;
      readonly depth: number;
      readonly bound: BfsBound;
    }
  /** A shortest trace to a violating state: `depth` = its length; `states` visited when it was found. */
  | {
      readonly status: "violated";
      readonly states: number;
      readonly depth: number;
      readonly ops: ReadonlyArray<Op>;
      readonly message: string;
    };

export interface BfsResult<C, S, Op> {
  readonly verdicts: ReadonlyArray<{
    readonly invariant: SpecInvariant<C, S>;
    readonly verdict: BfsVerdict<Op>;
    /** The parts of the state explored for it (its cone of influence), when not the whole state. */
    readonly cone?: ReadonlyArray<string>;
  }>;
  /** States in the visited set at the end (summed over the searches of a spec explored one invariant at a time). */
  readonly states: number;
  /** Accepted transitions tried (including those to states already visited). */
  readonly transitions: number;
  /** Whether every reachable state was visited. */
  readonly complete: boolean;
  readonly memory: BfsMemory;
}

/** How to explore a spec exhaustively, breadth-first (checker/verify/bfs.ts). */
export interface Exploration<C, S, Op> {
  /**
   * Every operation worth trying in `state`, over finite domains, in a fixed order; the spec's `step` still
   * decides which are enabled. `invariants`: what is being checked, for a spec that explores only what they read.
   */
  candidates(config: C, invariants: ReadonlyArray<SpecInvariant<C, S>>): (state: S) => ReadonlyArray<Op>;
  /** A canonical key: two states with the same key satisfy the same invariants and have the same futures. */
  key(config: C, invariants: ReadonlyArray<SpecInvariant<C, S>>): (state: S) => string;
  /**
   * Whether invariants are explored one at a time (each over what it reads), rather than all in one search
   * over every state. Default false.
   */
  readonly oneInvariantAtATime?: boolean;
  /** The parts of the state explored for `invariants` (their cone of influence), when not the whole state. */
  cone?(invariants: ReadonlyArray<SpecInvariant<C, S>>): ReadonlyArray<string>;
  /**
   * The state's key packed into a few 32-bit words, for a visited set with no string per state: `pack` writes
   * it into `into` and answers false for a state outside the packed ranges (that one is keyed by `key`).
   * Two states with equal packed keys must have equal string keys.
   */
  packedKey?(config: C): { readonly words: number; readonly pack: (state: S, into: Uint32Array) => boolean };
  /** Operations as small integers for the visited set (default: numbered as first met). */
  readonly opCodec?: { readonly encode: (op: Op) => number; readonly decode: (code: number) => Op };
  /**
   * A compiled search of the spec's own, equal to the reference search (checker/verify/bfs.ts) in verdicts,
   * states and traces, and tested so; undefined for a config or invariant it does not cover.
   */
  compiled?(
    config: C,
    invariants: ReadonlyArray<SpecInvariant<C, S>>,
    options: BfsOptions,
    audit?: ExpansionAudit<Op>,
  ): BfsResult<C, S, Op> | undefined;
}

/**
 * One state a compiled search expanded, as it computed it, for the engine to check against the spec's `step`
 * (checker/verify/crossCheck.ts): the path that reached the state, and each candidate operation with the
 * packed key of the successor the compiled search gave it (`Exploration.packedKey`'s words; no words for a
 * successor outside the packed ranges) or undefined when it refused the operation.
 */
export interface Expansion<Op> {
  readonly path: ReadonlyArray<Op>;
  readonly successors: ReadonlyArray<readonly [op: Op, key: Uint32Array | undefined]>;
}

/**
 * What the engine hands a compiled search so that its verdicts answer for `step`: which expansions to report
 * (`sample`: by the level being expanded, and the expansion's index in search order), and where to report
 * them and the states of each trace it returns (`expansion`, which throws a `StepDisagreement` on the first
 * operation where the compiled search and `step` differ).
 */
export interface ExpansionAudit<Op> {
  sample(depth: number, index: number): boolean;
  expansion(e: Expansion<Op>): void;
}
