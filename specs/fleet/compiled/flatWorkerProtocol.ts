// ---------------------------------------------------------------------------------------------------------
// checker/verify: how the parallel flat search (flatParallel.ts) and its worker threads (flatWorker.ts) talk.
//
// Through one shared Int32Array of control words, waited on and woken with Atomics, so that the main thread
// stays synchronous (the search is a plain function, as with one thread), and through a MessagePort read with
// `receiveMessageOnPort` (synchronous too) for what cannot be a word: a level's input buffers, a grown output
// buffer, an error's message.
//
// A level: the main thread posts each worker its input (the visited set's keys, in shared memory, and the
// frontier's indices into it and fleet orders) and bumps GEN. The level is cut into chunks of consecutive
// states, numbered on from the previous levels' (`first` is the level's first). A worker claims the next
// chunk number (Atomics.add on NEXT), so a worker the scheduler sets aside holds up one chunk, not every
// other one. Chunk c goes into output slot c mod slots, and only once that slot is OPEN for c: the main thread
// opens a slot for chunk c + slots when it has read chunk c from it (so two workers whose chunks share a slot
// take their turns in chunk order). A slot also holds which chunk it holds FULL (−1: none), which worker
// wrote it (each worker has its own buffer per slot) and its length. The main thread reads the chunks in
// order, so it meets the successors in the one-thread search's order; the workers run up to `slots` chunks
// ahead of it. A worker that claims a number past its level's last chunk keeps it for the level it belongs to
// (a later one: numbers go on).
// ---------------------------------------------------------------------------------------------------------
import type { MessagePort } from "node:worker_threads";

/** Control word: the level generation, bumped by the main thread when a level's input is posted. */
export const CTRL_GEN = 0;
/** Control word: the next chunk number to claim. */
export const CTRL_NEXT = 1;
/** First word of worker w's block: `CTRL_WORKERS + w * CTRL_PER_WORKER`. */
export const CTRL_WORKERS = 4;
export const CTRL_PER_WORKER = 2;
/** Offsets in a worker's block. */
export const W_READY = 0; // 1 once the worker's module is loaded and it waits for levels
export const W_ERROR = 1; // 1 once it failed (its message follows on its port)

/** Output slots per worker: how far, in chunks, the workers may run ahead of the reader. */
export const SLOTS_PER_WORKER = 4;
/**
 * Words per slot, from `slotAt(workers, slot)`: the chunk it is open for, the chunk it holds full (−1: none),
 * its writer, its length in words.
 */
export const S_OPEN = 0;
export const S_FULL = 1;
export const S_WRITER = 2;
export const S_LEN = 3;
const SLOT_WORDS = 4;

/** The first control word of output slot `slot`. */
export const slotAt = (workers: number, slot: number): number =>
  CTRL_WORKERS + workers * CTRL_PER_WORKER + slot * SLOT_WORDS;

/** The control words for `workers` workers. */
export const ctrlWords = (workers: number): number => slotAt(workers, workers * SLOTS_PER_WORKER);

/** What a worker is started with (structured-cloned; the port transferred). */
export interface FlatWorkerData {
  /** The module whose `runFlatWorker` the boot file calls (a URL). */
  readonly module: string;
  /** Whether the boot file registers tsx first (running from the TypeScript sources, as the tests do). */
  readonly tsx: boolean;
  readonly ctrl: SharedArrayBuffer;
  readonly index: number;
  readonly workers: number;
  /** Where the boot file writes 1 when the worker fails. */
  readonly errorAt: number;
  readonly port: MessagePort;
  /** The config (plain data) and the invariants' names. */
  readonly config: unknown;
  readonly invariants: ReadonlyArray<string>;
}

/** A level, main thread to worker. */
export interface LevelMessage {
  /** The visited set's keys (its current array: every frontier state's key is in it). */
  readonly keys: SharedArrayBuffer;
  /** The frontier: each state's index in the visited set, and its packed fleet order. */
  readonly ids: SharedArrayBuffer;
  readonly orders: SharedArrayBuffer;
  readonly count: number;
  readonly chunk: number;
  /** The number of the level's first chunk. */
  readonly first: number;
  /** Bit i: invariant i not yet found violated (the worker checks only those). */
  readonly unfound: number;
}

/** Worker to main thread: a slot's new, larger buffer; or why the worker failed. */
export type WorkerMessage =
  | { readonly slot: number; readonly buffer: SharedArrayBuffer }
  | { readonly error: string };
