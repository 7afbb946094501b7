// ---------------------------------------------------------------------------------------------------------
// checker/verify: a worker thread of the parallel flat search (flatParallel.ts; the protocol in
// flatWorkerProtocol.ts). Started by flatWorkerBoot.mjs, which calls `runFlatWorker` and reports whatever it
// throws. It waits for a level, claims its chunks one at a time and expands each (flatExpand.ts) into the
// chunk's output slot once the main thread has freed it, and waits for the next level; it never returns (the
// main thread terminates it).
// ---------------------------------------------------------------------------------------------------------
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import type { Config } from "../../../model/config.ts";
import { type Invariant, invariantNamed } from "../../../properties/index.ts";
import { flatExpanderFor, type RecordBuffer } from "./flatExpand.ts";
import {
  CTRL_GEN,
  CTRL_NEXT,
  CTRL_PER_WORKER,
  CTRL_WORKERS,
  type FlatWorkerData,
  type LevelMessage,
  S_FULL,
  S_LEN,
  S_OPEN,
  S_WRITER,
  SLOTS_PER_WORKER,
  slotAt,
  W_READY,
  type WorkerMessage,
} from "./flatWorkerProtocol.ts";

/** A slot's buffer in shared memory; a larger one replaces it as needed, and the main thread is told. */
const sharedRecords = (slot: number, send: (m: WorkerMessage) => void): RecordBuffer => {
  const out: RecordBuffer = {
    i32: new Int32Array(new SharedArrayBuffer(4 << 16)),
    u32: new Uint32Array(0),
    len: 0,
    reserve: (more) => {
      if (out.len + more <= out.i32.length) return;
      let size = out.i32.length * 2;
      while (size < out.len + more) size *= 2;
      const buffer = new SharedArrayBuffer(size * 4);
      const next = new Int32Array(buffer);
      next.set(out.i32.subarray(0, out.len));
      out.i32 = next;
      out.u32 = new Uint32Array(buffer);
      send({ slot, buffer });
    },
  };
  out.u32 = new Uint32Array(out.i32.buffer);
  send({ slot, buffer: out.i32.buffer as SharedArrayBuffer });
  return out;
};

export const runFlatWorker = (): never => {
  const data = workerData as FlatWorkerData;
  const invariants = data.invariants.map((name): Invariant => {
    const inv = invariantNamed(name);
    if (inv === undefined) throw new Error(`no invariant named ${name}`);
    return inv;
  });
  const expander = flatExpanderFor(data.config as Config, invariants);
  if (expander === undefined) throw new Error("the flat search does not cover this config");
  const ctrl = new Int32Array(data.ctrl);
  const base = CTRL_WORKERS + data.index * CTRL_PER_WORKER;
  const send = (m: WorkerMessage): void => data.port.postMessage(m);
  const slots = data.workers * SLOTS_PER_WORKER;
  /** This worker's buffer for each slot, made when first used. */
  const mine: Array<RecordBuffer | undefined> = Array.from({ length: slots }, () => undefined);
  Atomics.store(ctrl, base + W_READY, 1);
  Atomics.notify(ctrl, base + W_READY);
  let generation = 0;
  /** A chunk number claimed past the level it was claimed in (−1: none). */
  let pending = -1;
  for (;;) {
    // One level per message, in order: a worker may wake after the next level began.
    Atomics.wait(ctrl, CTRL_GEN, generation);
    generation += 1;
    const message = receiveMessageOnPort(data.port);
    if (message === undefined) throw new Error("a level began without its input");
    const level = message.message as LevelMessage;
    const keys = new Uint32Array(level.keys);
    const ids = new Int32Array(level.ids);
    const orders = new Uint32Array(level.orders);
    const end = level.first + Math.ceil(level.count / level.chunk);
    for (;;) {
      const c = pending >= 0 ? pending : Atomics.add(ctrl, CTRL_NEXT, 1);
      if (c >= end) {
        pending = c;
        break;
      }
      pending = -1;
      const slot = c % slots;
      const at = slotAt(data.workers, slot);
      for (let open = Atomics.load(ctrl, at + S_OPEN); open !== c; open = Atomics.load(ctrl, at + S_OPEN))
        Atomics.wait(ctrl, at + S_OPEN, open);
      const out = mine[slot] ?? sharedRecords(slot, send);
      mine[slot] = out;
      out.len = 0;
      const from = (c - level.first) * level.chunk;
      expander.expand(keys, ids, orders, from, Math.min(level.count, from + level.chunk), level.unfound, out);
      Atomics.store(ctrl, at + S_WRITER, data.index);
      Atomics.store(ctrl, at + S_LEN, out.len);
      Atomics.store(ctrl, at + S_FULL, c);
      Atomics.notify(ctrl, at + S_FULL);
    }
  }
};
