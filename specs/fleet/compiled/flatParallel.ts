// ---------------------------------------------------------------------------------------------------------
// checker/verify: the flat search on several cores (`verify --workers N`, issue 17). The one-thread search
// (flatBfs.ts) with each large level's expansion cut into chunks of consecutive frontier states, expanded by
// N threads at once, this one and N − 1 worker threads (flatWorker.ts, flatExpand.ts), and everything that
// decides what the search reports kept in this thread, in the one-thread order:
//
//   - the expanding threads apply the candidates, pack the successors' keys and check the invariants still
//     unbroken; they return, per state, its successors' keys in candidate order (flatExpand.ts's records);
//   - this thread reads the chunks in frontier order and adds each key to the one visited set, as the
//     one-thread search does: the same ids, the same parent and operation for each state (the first found,
//     in the same order), the same visited count at each violation, the same early stops at --max-states
//     and at the last violation. So the verdicts, state counts, diameters and traces are the same bytes;
//   - whenever the next chunk to read is not ready (a worker still loading, or behind), this thread claims
//     the next unclaimed chunk and expands it itself, with the same code, rather than wait. A core thus runs
//     this thread and N − 1 workers, not N workers beside a reader that waits: on as-was's first million
//     states, 2 workers and a waiting reader took 3.7–4.0 s of CPU and 1.95–2.10 s, this thread and 1 worker
//     3.1–3.3 s and 1.63–1.78 s (in-process; docs/performance.md, "verify on both cores").
//
// Not partitioned by state hash: one visited set, owned by this thread, is what makes the first parent the
// one-thread parent without any cross-thread agreement; its insertions are what stays serial (on as-was's
// first million states, about half of this thread's time: the lookups, and growing the set's arrays).
// Small levels (below USE_WORKERS_AT states) are expanded here, since waking the workers would cost more;
// the workers start once a level reaches START_WORKERS_AT, and this thread expands what they have not
// claimed while they load. The one difference is the time budget: it is polled between states rather than
// between candidates, so a run stopped by --budget-seconds may stop a few candidates later (its figures
// depend on the clock anyway).
//
// This thread waits for a chunk with Atomics.wait (the search stays a synchronous function). A worker that
// throws, or whose module fails to load, reports its message (flatWorkerBoot.mjs): the search throws
// `WorkerFailure`, one line, and every worker is terminated; so are they when the search ends in any way. A
// search this thread finished alone still waits, at its end, for every worker to load or fail (`settle`), so
// that a broken worker fails the search whatever the timing.
// ---------------------------------------------------------------------------------------------------------
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { BfsBound, BfsOptions, BfsResult, ExpansionAudit } from "../../../checker/exploration.ts";
import { POLL_EVERY } from "../../../checker/exploration.ts";
import { visitedSet } from "../../../checker/verify/visitedSet.ts";
import type { Config } from "../../../model/config.ts";
import type { Op } from "../../../model/ops.ts";
import type { State } from "../../../model/state.ts";
import type { Invariant } from "../../../properties/index.ts";
import { pathTo } from "../opCode.ts";
import { type Compiled, flatAuditor, flatResult, noneFound } from "./flatCompiled.ts";
import {
  FALLBACK,
  type FlatExpander,
  flatExpanderFor,
  HEADER_WORDS,
  localRecords,
  RECORD_ACCEPTED,
  RECORD_KEY,
  RECORD_VIOLATES,
  type RecordBuffer,
} from "./flatExpand.ts";
import type { FrontierLevel } from "./flatFrontier.ts";
import type { FlatViolated } from "./flatInvariants.ts";
import { FlatOverflow } from "./flatStep.ts";
import {
  CTRL_GEN,
  CTRL_NEXT,
  CTRL_PER_WORKER,
  CTRL_WORKERS,
  ctrlWords,
  type FlatWorkerData,
  type LevelMessage,
  S_FULL,
  S_LEN,
  S_OPEN,
  S_WRITER,
  SLOTS_PER_WORKER,
  slotAt,
  W_ERROR,
  W_READY,
  type WorkerMessage,
} from "./flatWorkerProtocol.ts";

/** Levels of fewer states are expanded in this thread. */
export const USE_WORKERS_AT = 2048;
/** The workers are started when a level first reaches this many states (more than any level of `small`, 507). */
export const START_WORKERS_AT = 1024;
/** How long a worker may take to load before the search gives up on it (only a broken install takes this long). */
const START_TIMEOUT_MS = 120_000;
const WAIT_MS = 100;

/** A worker thread failed (threw, or could not load): the search's one-line error. */
export class WorkerFailure extends Error {}

/** Where a worker's code is: the boot file, the module it runs, and whether that module is TypeScript. */
export interface WorkerEntry {
  readonly boot: URL;
  readonly module: string;
  readonly tsx: boolean;
}

/**
 * Beside this module: in dist/ (the module tree, or the bundle, where scripts/build.mjs emits flatWorker.js
 * and copies the boot file beside the chunks) the JavaScript; from the sources (the tests) the TypeScript.
 */
export const defaultWorkerEntry = (): WorkerEntry => {
  const tsx = import.meta.url.endsWith(".ts");
  return {
    boot: new URL("./flatWorkerBoot.mjs", import.meta.url),
    module: new URL(tsx ? "./flatWorker.ts" : "./flatWorker.js", import.meta.url).href,
    tsx,
  };
};

interface Handle {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly i32: Int32Array[];
  readonly u32: Uint32Array[];
  error?: string;
}

/**
 * The workers and their control words; `level` runs one level through them, calling `read` on each chunk in order.
 * With `expandHere`, this thread expands a chunk of the level itself whenever the next one to read is not ready
 * (the workers still loading, or busy): `expandHere(from, to, out)` writes the records of frontier states
 * `from` to `to` − 1 into `out`, as a worker would.
 */
interface Pool {
  readonly level: (
    input: Omit<LevelMessage, "first">,
    read: (i32: Int32Array, u32: Uint32Array, len: number) => boolean,
    expandHere?: (from: number, to: number, out: RecordBuffer) => void,
  ) => boolean;
  /** Waits until every worker has loaded or failed; throws `WorkerFailure` if one failed. */
  readonly settle: () => void;
  readonly close: () => void;
}

/** The pool for a search on `threads` threads: `threads` − 1 workers beside this thread. */
const startPool = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
  threads: number,
  entry: WorkerEntry,
): Pool => {
  const workers = threads - 1;
  const ctrl = new Int32Array(new SharedArrayBuffer(ctrlWords(workers) * 4));
  const base = (w: number): number => CTRL_WORKERS + w * CTRL_PER_WORKER;
  const handles: Handle[] = [];
  for (let index = 0; index < workers; index++) {
    const { port1, port2 } = new MessageChannel();
    const data: FlatWorkerData = {
      module: entry.module,
      tsx: entry.tsx,
      ctrl: ctrl.buffer as SharedArrayBuffer,
      index,
      workers,
      errorAt: base(index) + W_ERROR,
      port: port2,
      config,
      invariants: invariants.map((inv) => inv.name),
    };
    const worker = new Worker(entry.boot, { workerData: data, transferList: [port2] });
    // Failures come through the control words and the port (flatWorkerBoot.mjs); the event would come too
    // late for a search that waits synchronously, and unheard it would crash the process after the report.
    worker.on("error", () => undefined);
    worker.unref();
    handles.push({ worker, port: port1, i32: [], u32: [] });
  }

  const drain = (h: Handle): void => {
    for (let m = receiveMessageOnPort(h.port); m !== undefined; m = receiveMessageOnPort(h.port)) {
      const message = m.message as WorkerMessage;
      if ("error" in message) h.error = message.error;
      else {
        h.i32[message.slot] = new Int32Array(message.buffer);
        h.u32[message.slot] = new Uint32Array(message.buffer);
      }
    }
  };

  /** Throws if a worker failed, or if one has not started after START_TIMEOUT_MS of waiting. */
  const healthy = (waited: number): void => {
    for (let w = 0; w < workers; w++) {
      const h = handles[w] as Handle;
      if (Atomics.load(ctrl, base(w) + W_ERROR) !== 0) {
        drain(h);
        throw new WorkerFailure(
          `verify --workers ${threads}: worker ${w + 1} failed: ${h.error ?? "no message"}`,
        );
      }
      if (Atomics.load(ctrl, base(w) + W_READY) === 0 && waited >= START_TIMEOUT_MS)
        throw new WorkerFailure(
          `verify --workers ${threads}: worker ${w + 1} did not start within ${START_TIMEOUT_MS / 1000} s`,
        );
    }
  };

  const slots = workers * SLOTS_PER_WORKER;
  for (let slot = 0; slot < slots; slot++) {
    Atomics.store(ctrl, slotAt(workers, slot) + S_OPEN, slot);
    Atomics.store(ctrl, slotAt(workers, slot) + S_FULL, -1);
  }

  /** Waits until chunk `c` is FULL in its slot; the worker that wrote it. */
  const waitFull = (c: number): Handle => {
    const at = slotAt(workers, c % slots);
    let waited = 0;
    for (let full = Atomics.load(ctrl, at + S_FULL); full !== c; full = Atomics.load(ctrl, at + S_FULL)) {
      healthy(waited);
      if (Atomics.wait(ctrl, at + S_FULL, full, WAIT_MS) === "timed-out") waited += WAIT_MS;
    }
    const h = handles[Atomics.load(ctrl, at + S_WRITER)] as Handle;
    drain(h);
    return h;
  };

  /** Claims the next unclaimed chunk of a level ending before chunk `end`; −1 when every one is claimed. */
  const claim = (end: number): number => {
    for (let next = Atomics.load(ctrl, CTRL_NEXT); next < end; ) {
      const was = Atomics.compareExchange(ctrl, CTRL_NEXT, next, next + 1);
      if (was === next) return next;
      next = was;
    }
    return -1;
  };
  /** Chunks this thread expanded and has not read yet, by number; and emptied buffers to reuse. */
  const held = new Map<number, RecordBuffer>();
  const spare: RecordBuffer[] = [];

  /** The number of the next level's first chunk: chunks are numbered on across levels. */
  let first = 0;
  const level: Pool["level"] = (input, read, expandHere) => {
    const message: LevelMessage = { ...input, first };
    for (const h of handles) h.port.postMessage(message);
    Atomics.add(ctrl, CTRL_GEN, 1);
    Atomics.notify(ctrl, CTRL_GEN);
    const chunks = Math.ceil(input.count / input.chunk);
    const end = message.first + chunks;
    first = end;
    for (let c = message.first; c < end; c++) {
      const slot = c % slots;
      const at = slotAt(workers, slot);
      // While chunk c is not ready, expand here the next chunk no worker has claimed (at most `slots` held).
      while (
        expandHere !== undefined &&
        !held.has(c) &&
        held.size < slots &&
        Atomics.load(ctrl, at + S_FULL) !== c
      ) {
        const mine = claim(end);
        if (mine === -1) break;
        const out = spare.pop() ?? localRecords();
        out.len = 0;
        const from = (mine - message.first) * input.chunk;
        expandHere(from, Math.min(input.count, from + input.chunk), out);
        held.set(mine, out);
      }
      const here = held.get(c);
      let goOn: boolean;
      if (here !== undefined) {
        held.delete(c);
        goOn = read(here.i32, here.u32, here.len);
        spare.push(here);
      } else {
        const h = waitFull(c);
        goOn = read(h.i32[slot] as Int32Array, h.u32[slot] as Uint32Array, Atomics.load(ctrl, at + S_LEN));
      }
      // The slot's turn passes to the chunk `slots` on.
      Atomics.store(ctrl, at + S_OPEN, c + slots);
      Atomics.notify(ctrl, at + S_OPEN);
      if (!goOn) {
        held.clear();
        return false;
      }
    }
    return true;
  };

  const settle = (): void => {
    let waited = 0;
    for (let w = 0; w < workers; w++)
      while (Atomics.load(ctrl, base(w) + W_READY) === 0) {
        healthy(waited);
        if (Atomics.wait(ctrl, base(w) + W_READY, 0, WAIT_MS) === "timed-out") waited += WAIT_MS;
      }
    healthy(waited);
  };

  const close = (): void => {
    for (const h of handles) {
      void h.worker.terminate();
      h.port.close();
    }
  };
  return { level, settle, close };
};

/** The frontier's indices in the visited set and fleet orders, in shared memory (the workers read them). */
const frontierInput = (
  frontier: FrontierLevel,
  orderWords: number,
): { readonly ids: SharedArrayBuffer; readonly orders: SharedArrayBuffer } => {
  const n = frontier.count;
  const ids = new SharedArrayBuffer(Math.max(4, n * 4));
  new Int32Array(ids).set(frontier.ids.subarray(0, n));
  const orders = new SharedArrayBuffer(Math.max(4, n * orderWords * 4));
  new Uint32Array(orders).set(frontier.orders.subarray(0, n * orderWords));
  return { ids, orders };
};

/** What the tests vary: where the workers' code is, and the level sizes and chunk that decide who expands what. */
export interface ParallelTuning {
  readonly entry?: WorkerEntry;
  readonly useWorkersAt?: number;
  readonly startWorkersAt?: number;
  /** States per chunk (default: about a sixteenth of a level per worker, 64 to 2048). */
  readonly chunk?: number;
  /** Whether this thread expands chunks while the next to read is not ready (default true). */
  readonly mainExpands?: boolean;
}

/**
 * The flat search on `options.workers` threads (this one and one worker fewer); undefined where the one-thread
 * search gives up too.
 */
export const flatParallel = (
  config: Config,
  c: Compiled,
  invariants: ReadonlyArray<Invariant>,
  checks: ReadonlyArray<FlatViolated>,
  start: Int32Array,
  options: BfsOptions,
  audit: ExpansionAudit<Op> | undefined,
  tuning: ParallelTuning = {},
): BfsResult<Config, State, Op> | undefined => {
  const expander = flatExpanderFor(config, invariants);
  if (expander === undefined) return undefined;
  let pool: Pool | undefined;
  const poolFor = (): Pool => {
    pool ??= startPool(config, invariants, options.workers ?? 2, tuning.entry ?? defaultWorkerEntry());
    return pool;
  };
  try {
    const result = search(config, c, invariants, checks, start, options, audit, expander, poolFor, tuning);
    // This thread may have expanded every chunk before a worker loaded: a worker that failed still fails the search.
    (pool as Pool | undefined)?.settle();
    return result;
  } catch (e) {
    if (e instanceof FlatOverflow) return undefined;
    throw e;
  } finally {
    pool?.close();
  }
};

type Status = "go" | "stop" | "fallback";

const search = (
  config: Config,
  c: Compiled,
  invariants: ReadonlyArray<Invariant>,
  checks: ReadonlyArray<FlatViolated>,
  start: Int32Array,
  options: BfsOptions,
  audit: ExpansionAudit<Op> | undefined,
  expander: FlatExpander,
  poolFor: () => Pool,
  tuning: ParallelTuning,
): BfsResult<Config, State, Op> | undefined => {
  const { key, frontier: lean, stride } = c;
  const { words, packFlat } = key;
  const { orderWords, recordWords } = expander;
  const scratch = new Uint32Array(words);
  // Its keys in shared memory: the workers read the frontier's keys there.
  const visited = visitedSet(words, options.maxStates, true);
  if (!packFlat(start, scratch)) return undefined;
  visited.add(scratch, -1, -1, options.maxStates);
  const { report, reportTrace } = flatAuditor(config, c, start, audit);

  const seen = noneFound(invariants);
  let found = 0;
  /** Records invariant i violated by the state `id` just added (its key in `scratch`), unless found before. */
  const violated = (i: number, id: number): void => {
    if (seen.id[i] !== -1) return;
    seen.id[i] = id;
    seen.states[i] = visited.size();
    seen.key[i] = scratch.join(",");
    found += 1;
  };
  checks.forEach((check, i) => {
    if (check(start)) violated(i, 0);
  });

  let frontier = lean.level();
  let level = lean.level();
  lean.push(frontier, 0);
  const current = new Int32Array(stride);
  let depth = 0;
  let transitions = 0;
  let expanded = 0;
  let bound: BfsBound | undefined;
  let tried = 0;
  let complete = false;
  /** The frontier state whose records come next. */
  let k = 0;

  /** Reads the records of the next states of the frontier, in order, as the one-thread search's loop. */
  const read = (i32: Int32Array, u32: Uint32Array, len: number): Status => {
    for (let p = 0; p < len; ) {
      const parent = frontier.ids[k] as number;
      if (audit?.sample(depth, expanded)) {
        lean.read(frontier, k, visited.keyArray(), parent * words, current);
        report(current, pathTo(visited, parent));
      }
      const records = i32[p + 2] as number;
      const before = tried;
      tried += i32[p] as number;
      if (Math.floor(tried / POLL_EVERY) > Math.floor(before / POLL_EVERY)) {
        options.onProgress?.({ states: visited.size(), depth: depth + 1, transitions });
        if (options.stop?.() === true) {
          bound = "budget";
          return "stop";
        }
      }
      const trailing = i32[p + 1] as number;
      p += HEADER_WORDS;
      for (let r = 0; r < records; r++, p += recordWords) {
        const code = i32[p] as number;
        if (code === FALLBACK) return "fallback";
        transitions += i32[p + RECORD_ACCEPTED] as number;
        for (let w = 0; w < words; w++) scratch[w] = u32[p + RECORD_KEY + w] as number;
        const id = visited.add(scratch, parent, code, options.maxStates);
        if (id === -1) continue;
        if (id === -2) {
          bound = "max-states";
          return "stop";
        }
        const violates = i32[p + RECORD_VIOLATES] as number;
        for (let i = 0; violates !== 0 && i < invariants.length; i++)
          if ((violates >>> i) & 1) violated(i, id);
        lean.pushPacked(level, id, u32, p + RECORD_KEY + words);
      }
      transitions += trailing;
      k += 1;
      expanded += 1;
      if (expanded % 2000 === 0)
        options.onProgress?.({ states: visited.size(), depth: depth + 1, transitions });
      if (found === invariants.length) return "stop";
    }
    return "go";
  };

  const local = localRecords();
  const useWorkersAt = tuning.useWorkersAt ?? USE_WORKERS_AT;
  const startWorkersAt = tuning.startWorkersAt ?? START_WORKERS_AT;
  /** States per chunk expanded in this thread (small levels). */
  const localChunk = 256;
  options.onLevel?.(0, visited.size());
  while (found < invariants.length) {
    if (depth >= options.maxDepth) {
      bound = "max-depth";
      break;
    }
    level.count = 0;
    k = 0;
    const count = frontier.count;
    let unfound = 0;
    for (let i = 0; i < invariants.length; i++) if (seen.id[i] === -1) unfound |= 1 << i;
    if (count >= startWorkersAt) poolFor();
    let status = "go" as Status;
    // The keys as the level begins: every frontier state's is in this array, whoever expands it.
    const keys = visited.keyArray();
    if (count >= useWorkersAt) {
      const input = { keys: keys.buffer as SharedArrayBuffer, ...frontierInput(frontier, orderWords) };
      const workers = options.workers ?? 2;
      const chunk = tuning.chunk ?? Math.min(2048, Math.max(64, Math.ceil(count / (workers * 16))));
      poolFor().level(
        { ...input, count, chunk, unfound },
        (i32, u32, len) => {
          status = read(i32, u32, len);
          return status === "go";
        },
        tuning.mainExpands === false
          ? undefined
          : (from, to, out) => expander.expand(keys, frontier.ids, frontier.orders, from, to, unfound, out),
      );
    } else {
      for (let from = 0; from < count && status === "go"; from += localChunk) {
        local.len = 0;
        const to = Math.min(count, from + localChunk);
        expander.expand(keys, frontier.ids, frontier.orders, from, to, unfound, local);
        status = read(local.i32, local.u32, local.len);
      }
    }
    if (status === "fallback") return undefined;
    if (status === "stop") break;
    if (level.count === 0) {
      complete = true;
      break;
    }
    options.onLevel?.(depth + 1, visited.size());
    depth += 1;
    const done = frontier;
    frontier = level;
    level = done;
  }

  frontier = lean.level();
  level = lean.level();
  options.onFinish?.(visited.size());
  return flatResult(
    config,
    invariants,
    visited,
    words,
    seen,
    { complete, bound, depth },
    transitions,
    reportTrace,
  );
};
