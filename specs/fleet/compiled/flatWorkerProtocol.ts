// ---------------------------------------------------------------------------------------------------------
// checker/verify: how the parallel flat search (flatParallel.ts) and its worker threads (flatWorker.ts) talk.
//
// Through one shared Int32Array of control words, waited on and woken with Atomics, so that the main thread
// stays synchronous (the search is a plain function, as with one thread), and through a MessagePort read with
// `receiveMessageOnPort` (synchronous too) for what cannot be a word: a level's input buffers, a grown output
// buffer, an error's message.
//
// A level: the main thread posts each worker its input (the visited set's keys, in shared memory, and the
// frontier's indices into it and fleet orders) and bumps
// GEN. The level is cut into chunks of consecutive states; chunk c goes to worker c mod N, into that worker's
// output slot ⌊c / N⌋ mod SLOTS. A worker fills a slot only when its flag is FREE, then sets it FULL; the main
// thread reads the chunks in order 0, 1, 2, … (so it meets the successors in the one-thread search's order),
// and sets each slot FREE again once read. Each worker thus works up to SLOTS chunks ahead of the reader.
// ---------------------------------------------------------------------------------------------------------
import type { MessagePort } from "node:worker_threads";

/** Control word: the level generation, bumped by the main thread when a level's input is posted. */
export const CTRL_GEN = 0;
/** First word of worker w's block: `CTRL_WORKERS + w * CTRL_PER_WORKER`. */
export const CTRL_WORKERS = 4;
export const CTRL_PER_WORKER = 16;
/**
 * Output slots per worker: how many chunks a worker may run ahead of the reader. More than two, so that on a
 * loaded machine a worker the scheduler sets aside for a while does not also stop the other one.
 */
export const SLOTS = 4;
/** Offsets in a worker's block. */
export const W_FLAG = 0; // SLOTS words, one per slot
export const W_LEN = W_FLAG + SLOTS; // SLOTS words: each slot's length in words
export const W_READY = W_LEN + SLOTS; // 1 once the worker's module is loaded and it waits for levels
export const W_ERROR = W_READY + 1; // 1 once it failed (its message follows on its port)

export const SLOT_FREE = 0;
export const SLOT_FULL = 1;

/** The control words for `workers` workers. */
export const ctrlWords = (workers: number): number => CTRL_WORKERS + workers * CTRL_PER_WORKER;

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
  /** Bit i: invariant i not yet found violated (the worker checks only those). */
  readonly unfound: number;
}

/** Worker to main thread: a slot's new, larger buffer; or why the worker failed. */
export type WorkerMessage =
  | { readonly slot: number; readonly buffer: SharedArrayBuffer }
  | { readonly error: string };
