// ---------------------------------------------------------------------------------------------------------
// checker/verify: the expansion of a run of frontier states as records, what a worker thread of the parallel
// flat search computes (flatParallel.ts, flatWorker.ts). It is the one-thread search's inner loop (flatBfs.ts)
// without the visited set: the same candidates in the same order, the same twin shortcut, the same flat
// operations and packed keys; what the visited set would decide is left to the main thread, which reads the
// records in order and so adds the same successors in the same order as one thread does.
//
// Per state: a header [candidates, accepted after the last record, records], then one record per successor
// that must be looked up (accepted, not the state itself, not a twin's): [operation code, accepted candidates
// since the previous record (this one included), invariants it violates (bit i), its packed key, its packed
// fleet order]. A record of code FALLBACK ends the run: the one-thread search would stop there and hand the
// config to the reference search (a state outside the packed ranges, or a flat operation overflowing).
//
// Most successors are states already visited (about four in five on `as-was`), and the main thread's lookups
// are the part that stays serial. So an expander remembers the keys it has sent, in a small direct-mapped
// table, and sends no record for a key it sent before: the main thread has read every record an expander
// sent before this one (it reads them in order), so that key is in the visited set, and its lookup would
// have found it and changed nothing. Its accepted candidate still counts, in the next record or the header.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../../model/config.ts";
import type { Invariant } from "../../../properties/index.ts";
import { orderInsensitive } from "../stateKey.ts";
import { candidatesFor, compile, twinCandidate, twinsOf } from "./flatCompiled.ts";
import type { FrontierLevel } from "./flatFrontier.ts";
import { type FlatViolated, flatViolatedFor } from "./flatInvariants.ts";
import { flatLayoutFor } from "./flatState.ts";
import { FLAT_RESULT, type FlatOperation, FlatOverflow } from "./flatStep.ts";

const { DISABLED, UNCHANGED } = FLAT_RESULT;

/** The operation code of a record where the search must fall back to the reference search. */
export const FALLBACK = -1;
/** Words of a state's header, and a record's fields before its key. */
export const HEADER_WORDS = 3;
export const RECORD_CODE = 0;
export const RECORD_ACCEPTED = 1;
export const RECORD_VIOLATES = 2;
export const RECORD_KEY = 3;

/** Where records are written: two views of one buffer, and the words used. Mutable: it is a buffer. */
export interface RecordBuffer {
  i32: Int32Array;
  u32: Uint32Array;
  len: number;
  /** Makes room for `more` words past `len` (may replace the views with larger ones, keeping the contents). */
  readonly reserve: (more: number) => void;
}

/** A record buffer in ordinary memory, doubling as it fills (the main thread's own expansions). */
export const localRecords = (): RecordBuffer => {
  const out: RecordBuffer = {
    i32: new Int32Array(1 << 12),
    u32: new Uint32Array(0),
    len: 0,
    reserve: (more) => {
      if (out.len + more <= out.i32.length) return;
      let size = out.i32.length * 2;
      while (size < out.len + more) size *= 2;
      const next = new Int32Array(size);
      next.set(out.i32.subarray(0, out.len));
      out.i32 = next;
      out.u32 = new Uint32Array(next.buffer);
    },
  };
  out.u32 = new Uint32Array(out.i32.buffer);
  return out;
};

export interface FlatExpander {
  /** Words of a packed key, and of a packed fleet order. */
  readonly words: number;
  readonly orderWords: number;
  /** Words of one record. */
  readonly recordWords: number;
  /**
   * Appends to `out` the records of the frontier states `from` to `to` − 1, state k's packed key being
   * `keys[ids[k] · words ..]` (the visited set's keys) and its order `orders[k · orderWords ..]`; `unfound`:
   * bit i if invariant i is still to be checked. Returns the states expanded: `to − from`, or fewer after a
   * FALLBACK record.
   */
  readonly expand: (
    keys: Uint32Array,
    ids: Int32Array,
    orders: Uint32Array,
    from: number,
    to: number,
    unfound: number,
    out: RecordBuffer,
  ) => number;
}

/** Slots of an expander's table of keys sent (a power of two): a few MB, for the repeats among siblings. */
export const SENT_SLOTS = 1 << 16;

/** A 32-bit hash of `words` words of `key` (MurmurHash3's mixing). */
const hashKey = (key: Uint32Array, words: number): number => {
  let h = 0x9747b28c;
  for (let w = 0; w < words; w++) {
    h = Math.imul(h ^ (key[w] as number), 0xcc9e2d51);
    h = (h << 15) | (h >>> 17);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
};

/** The expander for `config` and `invariants` (registered ones, each with a flat check); undefined if not. */
export const flatExpanderFor = (
  config: Config,
  invariants: ReadonlyArray<Invariant>,
): FlatExpander | undefined => {
  const c = compile(config);
  const checks: FlatViolated[] = [];
  for (const inv of invariants) {
    if (!c.violated.has(inv)) c.violated.set(inv, flatViolatedFor(config, inv));
    const check = c.violated.get(inv);
    if (check === undefined) return undefined;
    checks.push(check);
  }
  const { key, frontier: lean, operations, stride } = c;
  const { words, packFlat } = key;
  const { orderWords } = lean;
  const recordWords = RECORD_KEY + words + orderWords;
  const { frontends, maxFleet } = flatLayoutFor(config);
  const sorted = orderInsensitive(config);
  const twin = new Int32Array(Math.max(1, maxFleet));
  let enabled = new Uint8Array(64);
  const current = new Int32Array(stride);
  const successor = new Int32Array(stride);
  const scratch = new Uint32Array(words);
  const level: FrontierLevel = { ids: new Int32Array(0), orders: new Uint32Array(0), count: 0 };
  // Keys sent, by hash: slot s holds a key in sent[s · words ..] when used[s].
  const sent = new Uint32Array(SENT_SLOTS * words);
  const used = new Uint8Array(SENT_SLOTS);
  /** Whether the key in `scratch` was sent before; if not, it is remembered as sent. */
  const sentBefore = (): boolean => {
    const slot = hashKey(scratch, words) & (SENT_SLOTS - 1);
    const at = slot * words;
    if (used[slot] === 1) {
      let same = true;
      for (let w = 0; w < words; w++)
        if (sent[at + w] !== scratch[w]) {
          same = false;
          break;
        }
      if (same) return true;
    }
    used[slot] = 1;
    sent.set(scratch, at);
    return false;
  };

  /** Writes a FALLBACK record (the state's header follows from the caller). */
  const fallback = (out: RecordBuffer): void => {
    out.i32.fill(0, out.len, out.len + recordWords);
    out.i32[out.len + RECORD_CODE] = FALLBACK;
    out.len += recordWords;
  };

  /** One state's records after its header at `head`; false when it ended in a FALLBACK. */
  const expandOne = (out: RecordBuffer, head: number, unfound: number): boolean => {
    const { codes, kind, a, b, frontend, back } = candidatesFor(config, c, current);
    if (sorted) twinsOf(current, frontends, twin);
    let accepted = 0;
    let records = 0;
    let ok = true;
    for (let o = 0; o < codes.length; o++) {
      const j = frontend[o] as number;
      if (sorted && j > 0 && twin[j] !== j) {
        // As in flatBfs.ts: an identical earlier frontend's verdict, and a successor already looked up.
        const e = enabled[twinCandidate(o, j, twin, back)] as number;
        enabled[o] = e;
        accepted += e;
        continue;
      }
      const apply = operations[kind[o] as number] as FlatOperation;
      let r: number;
      try {
        r = apply(current, a[o] as number, b[o] as number, successor);
      } catch (e) {
        if (!(e instanceof FlatOverflow)) throw e;
        fallback(out);
        records += 1;
        ok = false;
        break;
      }
      if (r === DISABLED) {
        enabled[o] = 0;
        continue;
      }
      enabled[o] = 1;
      accepted += 1;
      if (r === UNCHANGED) continue;
      if (!packFlat(successor, scratch)) {
        fallback(out);
        records += 1;
        ok = false;
        break;
      }
      if (sentBefore()) continue;
      let violates = 0;
      for (let i = 0; i < checks.length; i++)
        if ((unfound >>> i) & 1 && (checks[i] as FlatViolated)(successor)) violates |= 1 << i;
      const at = out.len;
      out.i32[at + RECORD_CODE] = codes[o] as number;
      out.i32[at + RECORD_ACCEPTED] = accepted;
      out.i32[at + RECORD_VIOLATES] = violates;
      out.u32.set(scratch, at + RECORD_KEY);
      lean.packOrder(out.u32, at + RECORD_KEY + words);
      out.len = at + recordWords;
      accepted = 0;
      records += 1;
    }
    out.i32[head] = codes.length;
    out.i32[head + 1] = accepted;
    out.i32[head + 2] = records;
    return ok;
  };

  const expand = (
    keys: Uint32Array,
    ids: Int32Array,
    orders: Uint32Array,
    from: number,
    to: number,
    unfound: number,
    out: RecordBuffer,
  ): number => {
    level.orders = orders;
    level.count = to;
    for (let k = from; k < to; k++) {
      lean.read(level, k, keys, (ids[k] as number) * words, current);
      const candidates = candidatesFor(config, c, current).codes.length;
      if (candidates > enabled.length) enabled = new Uint8Array(candidates);
      out.reserve(HEADER_WORDS + candidates * recordWords);
      const head = out.len;
      out.len += HEADER_WORDS;
      if (!expandOne(out, head, unfound)) return k + 1 - from;
    }
    return to - from;
  };

  return { words, orderWords, recordWords, expand };
};
