// ---------------------------------------------------------------------------------------------------------
// checker/verify: the breadth-first frontier of the flat search (flatBfs.ts) as a few bytes per state (issue 17:
// "a frontier of packed keys in reused buffers, not full states").
//
// A state waiting to be expanded is already in the visited set, under its packed key (flatState.ts `packFlat`),
// which holds every number of the flat state but two things: the fleet's order, when the key sorts the fleet,
// and the move ages of shards no frontend holds stale, which it writes as the cap. So the frontier keeps, per
// state, its index in the visited set and, when the key sorts, the order (each key slot's fleet position, a
// few bits each); expanding a state reads its key back and puts each frontend in its fleet position. The
// state read back is the one found, in the same fleet order, but for those move ages, which come back as the
// cap: sound, because nothing reads a shard's age but through a frontend holding it stale (flatInvariants.ts
// ShardMovesAppliedWithin), a tick leaves the cap at the cap, and a move sets the age to 0 (stateKey.ts
// `keptMoveAge`; the state's successors get the same keys, flatFrontier.test.ts and flatBfs.test.ts check it).
//
// The two levels' arrays are kept and reused from level to level; they double when a level outgrows them.
// Mutable by design, like the visited set: it lives inside one search and never escapes it.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../../model/config.ts";
import { orderInsensitive } from "../stateKey.ts";
import { FLAT, type FlatKey, flatLayoutFor } from "./flatState.ts";

const {
  H_UNITS,
  H_MISROUTED,
  H_SUCCEEDED_STALE,
  H_FLEET,
  H_CELLS,
  H_CELL_SIZES,
  F_STATUS,
  F_MAP,
  F_CELL,
  F_KNOWN,
  F_CONNECTED,
  F_STALE,
  F_BEHIND,
  F_BOOT,
  F_WIDTH,
} = FLAT;

/** Bits needed for the values 0..max (as packedKey.ts). */
const bitsFor = (max: number): number => (max <= 0 ? 0 : Math.floor(Math.log2(max)) + 1);

/** The `width` (≤ 31) bits of `key` from word `at`, bit `pos` (flatState.ts `putNarrow` read back). */
const getNarrow = (key: Uint32Array, at: number, pos: number, width: number): number => {
  const word = at + (pos >>> 5);
  const offset = pos & 31;
  let v = (key[word] as number) >>> offset;
  if (offset + width > 32) v |= (key[word + 1] as number) << (32 - offset);
  return v & ((1 << width) - 1);
};

/** `getNarrow` for up to 52 bits, 26 at a time, low chunk first (flatState.ts `putWide` read back). */
const getWide = (key: Uint32Array, at: number, pos: number, width: number): number => {
  let v = 0;
  let scale = 1;
  let p = pos;
  for (let w = width; w > 0; ) {
    const chunk = w < 26 ? w : 26;
    v += getNarrow(key, at, p, chunk) * scale;
    scale *= 2 ** chunk;
    p += chunk;
    w -= chunk;
  }
  return v;
};

/** One level of the frontier: `count` states, each its visited-set index and `orderWords` words of order. */
export interface FrontierLevel {
  ids: Int32Array;
  orders: Uint32Array;
  count: number;
}

/** How the flat search keeps its frontier for one config and key. */
export interface FlatFrontier {
  /** Words of order per state (0 when the key keeps fleet order). */
  readonly orderWords: number;
  readonly level: () => FrontierLevel;
  /** Appends the state of visited index `id`, whose key `packFlat` just wrote (its `order` is read). */
  readonly push: (level: FrontierLevel, id: number) => void;
  /** Writes the `orderWords` words of order of the key `packFlat` just wrote into `out` from `at` (what `push` stores). */
  readonly packOrder: (out: Uint32Array, at: number) => void;
  /** Appends the state of visited index `id` with order words already packed (`packOrder`), `src[at ..]`. */
  readonly pushPacked: (level: FrontierLevel, id: number, src: Uint32Array, at: number) => void;
  /**
   * Writes into `flat` the flat state of entry `k` of `level`, whose packed key is `key[at .. at + words)`:
   * the state pushed, the move ages of shards nobody holds stale aside (the cap).
   */
  readonly read: (level: FrontierLevel, k: number, key: Uint32Array, at: number, flat: Int32Array) => void;
}

export const flatFrontierFor = (config: Config, key: FlatKey): FlatFrontier => {
  const layout = flatLayoutFor(config);
  const { frontends, ages, shards, maxFleet } = layout;
  const sorted = orderInsensitive(config);
  const orderBits = Math.max(1, bitsFor(maxFleet - 1));
  const perWord = Math.floor(32 / orderBits);
  const orderWords = sorted ? Math.ceil(maxFleet / perWord) : 0;
  const orderMask = (1 << orderBits) - 1;
  const f = key.fields;
  const narrow = f.frontendBits <= 31;
  const widths = f.frontendWidths;
  const [, wMap, wCell, wPeers, , wStale, wBehind, wBoot] = widths as ReadonlyArray<number> as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Masks for the narrow codes, radices (2^width, by field, in flat slot order) for the wide ones.
  const mMap = (1 << wMap) - 1;
  const mCell = (1 << wCell) - 1;
  const mPeers = (1 << wPeers) - 1;
  const mStale = (1 << wStale) - 1;
  const mBehind = (1 << wBehind) - 1;
  const mBoot = (1 << wBoot) - 1;
  const radices = widths.map((w) => 2 ** w);
  const order = key.order;

  /** Room for one more state in `level`: its arrays double when full. */
  const room = (level: FrontierLevel): void => {
    if (level.count < level.ids.length) return;
    const ids = new Int32Array(level.ids.length * 2);
    ids.set(level.ids);
    level.ids = ids;
    const orders = new Uint32Array(level.orders.length * 2);
    orders.set(level.orders);
    level.orders = orders;
  };

  const packOrder = (out: Uint32Array, at: number): void => {
    if (orderWords === 0) return;
    for (let w = 0; w < orderWords; w++) out[at + w] = 0;
    // Only the fleet's first n slots are meaningful; the rest are zero, and never read.
    for (let j = 0; j < maxFleet; j++) {
      const w = at + Math.floor(j / perWord);
      out[w] = ((out[w] as number) | ((order[j] as number) << ((j % perWord) * orderBits))) >>> 0;
    }
  };

  const push = (level: FrontierLevel, id: number): void => {
    room(level);
    const k = level.count;
    level.ids[k] = id;
    packOrder(level.orders, k * orderWords);
    level.count = k + 1;
  };

  const pushPacked = (level: FrontierLevel, id: number, src: Uint32Array, at: number): void => {
    room(level);
    const k = level.count;
    level.ids[k] = id;
    for (let w = 0; w < orderWords; w++) level.orders[k * orderWords + w] = src[at + w] as number;
    level.count = k + 1;
  };

  const read = (
    level: FrontierLevel,
    k: number,
    keyWords: Uint32Array,
    at: number,
    flat: Int32Array,
  ): void => {
    flat[H_UNITS] = getNarrow(keyWords, at, 0, f.wUnits);
    flat[H_MISROUTED] = getNarrow(keyWords, at, f.posMisrouted, 1);
    flat[H_SUCCEEDED_STALE] = getNarrow(keyWords, at, f.posMisrouted + 1, 1);
    const n = getNarrow(keyWords, at, f.posFleet, f.wFleet);
    flat[H_FLEET] = n;
    const cells = getNarrow(keyWords, at, f.posCells, f.wCells);
    flat[H_CELLS] = cells;
    for (let c = 0; c < layout.cellSlots; c++)
      flat[H_CELL_SIZES + c] =
        c < cells ? getNarrow(keyWords, at, f.posCellSizes + c * f.wCellSize, f.wCellSize) : 0;
    for (let s = 0; s < shards; s++) flat[ages + s] = getNarrow(keyWords, at, f.posAges + s * f.wAge, f.wAge);
    const orderAt = k * orderWords;
    for (let j = 0; j < n; j++) {
      const pos = f.headerBits + j * f.frontendBits;
      let code = narrow
        ? getNarrow(keyWords, at, pos, f.frontendBits)
        : getWide(keyWords, at, pos, f.frontendBits);
      const i =
        orderWords === 0
          ? j
          : ((level.orders[orderAt + Math.floor(j / perWord)] as number) >>> ((j % perWord) * orderBits)) &
            orderMask;
      const to = frontends + i * F_WIDTH;
      // The code's fields from the lowest bits: bootstrap, behind, stale, connected, known, cell, map, status.
      if (narrow) {
        flat[to + F_BOOT] = code & mBoot;
        code >>>= wBoot;
        flat[to + F_BEHIND] = code & mBehind;
        code >>>= wBehind;
        flat[to + F_STALE] = code & mStale;
        code >>>= wStale;
        flat[to + F_CONNECTED] = code & mPeers;
        code >>>= wPeers;
        flat[to + F_KNOWN] = code & mPeers;
        code >>>= wPeers;
        flat[to + F_CELL] = code & mCell;
        code >>>= wCell;
        flat[to + F_MAP] = code & mMap;
        flat[to + F_STATUS] = code >>> wMap;
      } else {
        for (let g = F_WIDTH - 1; g > 0; g--) {
          const radix = radices[g] as number;
          const v = code % radix;
          flat[to + g] = v;
          code = (code - v) / radix;
        }
        flat[to + F_STATUS] = code;
      }
    }
  };

  return {
    orderWords,
    level: () => ({
      ids: new Int32Array(16),
      orders: new Uint32Array(16 * Math.max(1, orderWords)),
      count: 0,
    }),
    push,
    packOrder,
    pushPacked,
    read,
  };
};
