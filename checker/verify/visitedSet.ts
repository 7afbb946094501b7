// ---------------------------------------------------------------------------------------------------------
// checker/verify: the visited set of breadth-first search, as flat typed arrays (docs/performance.md, issue 6:
// at most 64 bytes per stored state). State i's key is the `words` 32-bit words at keys[i·words ..], written
// by packedKey.ts; an open-addressing hash table (linear probing, at most half full) maps a key to its index,
// and `parent` and `via` hold the two small integers per state from which bfs.ts rebuilds a trace. No
// per-state object, string or Map entry: per state, `4·words` bytes of key, 8 of parent and operation, and
// 4 bytes per hash slot (2 to 4 slots per state), plus the slack of arrays that double when full.
//
// Mutable by design: it lives inside one exploration (checker/, not model/) and never escapes it.
// ---------------------------------------------------------------------------------------------------------

const INITIAL = 1024;

export interface VisitedSet {
  /** States stored. */
  readonly size: () => number;
  /**
   * Stores `key` (its first `words` words) with its parent and operation, returning the new index; or −1 when
   * the key is already stored, or −2 when it is not and `size` has reached `limit` (nothing changes).
   */
  readonly add: (key: Uint32Array, parent: number, via: number, limit: number) => number;
  /** Stores a state that has no packed key (its caller keys it otherwise), returning its index. */
  readonly addUnkeyed: (parent: number, via: number) => number;
  /**
   * The array holding the keys, state i's at `i·words`: for a search that reads a stored key back (its
   * frontier holding indices, not states). Replaced when the set grows: ask again after an `add`.
   */
  readonly keyArray: () => Uint32Array;
  readonly parentOf: (id: number) => number;
  readonly viaOf: (id: number) => number;
  /** Bytes held by the arrays (keys, hash table, parents and operations), slack included. */
  readonly bytes: () => number;
}

/** 32-bit hash of `words` words of `a` from `at` (FNV-1a over words, then a murmur3 finaliser). */
const hashOf = (a: Uint32Array, at: number, words: number): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < words; i++) h = Math.imul(h ^ (a[at + i] as number), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/**
 * A visited set of keys of `words` words. It never grows its per-state arrays past `maxStates` (the search's
 * bound: it never stores more), so a search stopped at its bound holds no slack in them. With `shared`, its
 * keys are in shared memory (SharedArrayBuffer), which other threads may read (a search on several threads,
 * specs/fleet/compiled/flatParallel.ts): an array the set has outgrown is never written again, so a thread
 * holding it can still read every key it held.
 */
export const visitedSet = (
  words: number,
  maxStates = Number.POSITIVE_INFINITY,
  shared = false,
): VisitedSet => {
  const keyArray = (length: number): Uint32Array =>
    shared ? new Uint32Array(new SharedArrayBuffer(Math.max(4, length * 4))) : new Uint32Array(length);
  let capacity = Math.max(1, Math.min(INITIAL, maxStates));
  let keys = keyArray(capacity * words);
  let parent = new Int32Array(capacity);
  let via = new Int32Array(capacity);
  // Slot holds index + 1 (0 = empty). Power-of-two size, kept at least twice the states.
  let slots = new Int32Array(INITIAL * 2);
  let mask = slots.length - 1;
  let size = 0;
  const unkeyed = new Set<number>();

  const growSlots = (): void => {
    const next = new Int32Array(slots.length * 2);
    const m = next.length - 1;
    for (let id = 0; id < size; id++) {
      if (unkeyed.has(id)) continue;
      let s = hashOf(keys, id * words, words) & m;
      while (next[s] !== 0) s = (s + 1) & m;
      next[s] = id + 1;
    }
    slots = next;
    mask = m;
  };

  const growStates = (): void => {
    capacity = Math.max(size + 1, Math.min(capacity * 2, maxStates));
    const k = keyArray(capacity * words);
    k.set(keys);
    keys = k;
    const p = new Int32Array(capacity);
    p.set(parent);
    parent = p;
    const v = new Int32Array(capacity);
    v.set(via);
    via = v;
  };

  const append = (from: number, op: number): number => {
    if (size === capacity) growStates();
    const id = size;
    parent[id] = from;
    via[id] = op;
    size += 1;
    return id;
  };

  const add = (key: Uint32Array, from: number, op: number, limit: number): number => {
    let s = hashOf(key, 0, words) & mask;
    for (;;) {
      const occupant = slots[s] as number;
      if (occupant === 0) break;
      const at = (occupant - 1) * words;
      let same = true;
      for (let i = 0; i < words; i++)
        if (keys[at + i] !== key[i]) {
          same = false;
          break;
        }
      if (same) return -1;
      s = (s + 1) & mask;
    }
    if (size >= limit) return -2;
    const id = append(from, op);
    const at = id * words;
    for (let i = 0; i < words; i++) keys[at + i] = key[i] as number;
    slots[s] = id + 1;
    if (size * 2 > slots.length) growSlots();
    return id;
  };

  return {
    size: () => size,
    add,
    addUnkeyed: (from, op) => {
      const id = append(from, op);
      unkeyed.add(id);
      return id;
    },
    keyArray: () => keys,
    parentOf: (id) => parent[id] as number,
    viaOf: (id) => via[id] as number,
    bytes: () => keys.byteLength + slots.byteLength + parent.byteLength + via.byteLength,
  };
};
