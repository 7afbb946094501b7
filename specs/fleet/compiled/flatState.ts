// ---------------------------------------------------------------------------------------------------------
// checker/verify: the flat state, the representation the compiled next-state relation (flatStep.ts) works on.
//
// A State as one small Int32Array holding what the packed key (packedKey.ts) holds, in the fleet's own order:
//
//   header:    capacityUnits · misrouted>0 · succeeded-through-stale bit · fleet length · cell count ·
//              one slot per cell (its size) · one slot per shard (its move age, `State.sinceMoved`)
//   frontend:  status · map · cell · knownPeers · connectedPeers · staleShards · behindFor · bootstrapLeft
//              (F_WIDTH slots each, room for the largest fleet)
//
// and nothing the key drops (ids, `nextId`, the clock, owners, request counts but `misrouted > 0`, the last
// request but its succeeded-through-stale bit: stateKey.ts explains why dropping them is sound). Two
// differences from the key, both deliberate:
//
//   - the frontends stay in fleet order, unsorted even when the key sorts them (`orderInsensitive`), so that
//     operation codes name the same frontends as in the concrete state the flat one stands for: the flat
//     search then tries the same operations in the same order as the reference search and finds the same
//     states with the same parents, and its traces replay as they are;
//   - every shard's move age is kept, not only those of shards some frontend holds stale: `packFlat` applies the
//     key's abstraction (stateKey.ts `keptMoveAge`) when it writes the key. The other ages are read by nothing.
//
// `toFlat(state)` builds one; `packFlat(flat, out)` writes the same words as `packedKeyFor(config).pack(state)`
// (flatState.test.ts checks both on random reachable states).
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../../model/config.ts";
import { behindFor } from "../../../model/lag.ts";
import type { Frontend, FrontendStatus, ShardMapStatus, State } from "../../../model/state.ts";
import { moveAgeCap } from "../../../model/state.ts";
import { succeededThroughStaleEntry } from "../../../properties/routesToCurrentOwner.ts";
import { domainOf } from "../inductive.ts";
import { orderInsensitive } from "../stateKey.ts";

/** Header slots (fixed positions). */
const H_UNITS = 0;
const H_MISROUTED = 1;
const H_SUCCEEDED_STALE = 2;
const H_FLEET = 3;
const H_CELLS = 4;
/** First cell-size slot. */
const H_CELL_SIZES = 5;

/** Frontend fields, in the key's order, as offsets within a frontend's slot. */
const F_STATUS = 0;
const F_MAP = 1;
const F_CELL = 2;
const F_KNOWN = 3;
const F_CONNECTED = 4;
const F_STALE = 5;
const F_BEHIND = 6;
const F_BOOT = 7;
const F_WIDTH = 8;

/** FrontendStatus and ShardMapStatus as numbers: the codes the packed key uses (packedKey.ts). */
const SERVING = 0;
const BOOTSTRAPPING = 1;
const STOPPED = 2;
const COMPLETE = 0;
const BUILDING = 1;
const USELESS = 2;
const STATUS: { readonly [K in FrontendStatus]: number } = {
  serving: SERVING,
  bootstrapping: BOOTSTRAPPING,
  stopped: STOPPED,
};
const MAP: { readonly [K in ShardMapStatus]: number } = {
  complete: COMPLETE,
  building: BUILDING,
  useless: USELESS,
};

/**
 * The slot numbers and codes above, for the modules that read flat states. They take them into module-level
 * constants (`const { F_STATUS, ... } = FLAT`) rather than importing each binding: the ESM-to-CommonJS
 * transform tsx applies turns every read of an imported binding into a call of a getter on the module
 * object, which V8 did not inline here; it was 30 % of the flat search's profile.
 */
export const FLAT = {
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
  SERVING,
  BOOTSTRAPPING,
  STOPPED,
  COMPLETE,
  BUILDING,
  USELESS,
} as const;

/** Where things are in a flat state of one config. */
export interface FlatLayout {
  /** Cell-size slots (the most cells the config can have). */
  readonly cellSlots: number;
  readonly shards: number;
  /** First move-age slot. */
  readonly ages: number;
  /** First frontend slot: frontend i's field f is at `frontends + i·F_WIDTH + f`. */
  readonly frontends: number;
  /** Frontend slots: the largest fleet. */
  readonly maxFleet: number;
  /** Length of a flat state. */
  readonly size: number;
}

export const flatLayoutFor = (config: Config): FlatLayout => {
  const d = domainOf(config);
  const shards = config.shards.shardCount;
  const ages = H_CELL_SIZES + d.cells;
  const frontends = ages + shards;
  return {
    cellSlots: d.cells,
    shards,
    ages,
    frontends,
    maxFleet: d.maxFleet,
    size: frontends + d.maxFleet * F_WIDTH,
  };
};

/** The flat state of `state`, or undefined when it does not fit the layout (more frontends, cells or shards). */
export const toFlat = (config: Config, state: State): Int32Array | undefined => {
  const l = flatLayoutFor(config);
  const n = state.frontends.length;
  if (n > l.maxFleet || state.cellSizes.length > l.cellSlots || state.sinceMoved.length !== l.shards)
    return undefined;
  const flat = new Int32Array(l.size);
  flat[H_UNITS] = state.capacityUnits;
  flat[H_MISROUTED] = state.requests.misrouted > 0 ? 1 : 0;
  flat[H_SUCCEEDED_STALE] = succeededThroughStaleEntry(state) ? 1 : 0;
  flat[H_FLEET] = n;
  flat[H_CELLS] = state.cellSizes.length;
  state.cellSizes.forEach((size, c) => {
    flat[H_CELL_SIZES + c] = size;
  });
  state.sinceMoved.forEach((age, s) => {
    flat[l.ages + s] = age;
  });
  state.frontends.forEach((f: Frontend, i) => {
    const at = l.frontends + i * F_WIDTH;
    flat[at + F_STATUS] = STATUS[f.status];
    flat[at + F_MAP] = MAP[f.map];
    flat[at + F_CELL] = f.cell;
    flat[at + F_KNOWN] = f.knownPeers;
    flat[at + F_CONNECTED] = f.connectedPeers;
    flat[at + F_STALE] = f.staleShards;
    flat[at + F_BEHIND] = behindFor(config, state, f);
    flat[at + F_BOOT] = f.bootstrapLeft;
  });
  return flat;
};

/** Bits needed for the values 0..max (as packedKey.ts). */
const bitsFor = (max: number): number => (max <= 0 ? 0 : Math.floor(Math.log2(max)) + 1);

export interface FlatKey {
  /** 32-bit words per key (packedKey.ts `words`). */
  readonly words: number;
  /** Whether the config's frontend codes fit a double exactly (packedKey.ts `packable`). */
  readonly packable: boolean;
  /**
   * Writes the packed key of the state `flat` stands for into `out[0..words)`: the words `packedKeyFor(config)
   * .pack` writes for that state. False (and `out` unspecified) when a value is outside the key's ranges.
   */
  readonly packFlat: (flat: Int32Array, out: Uint32Array) => boolean;
  /**
   * After a `packFlat` that answered true: `order[j]` is the fleet position of the frontend whose code the key
   * holds in its slot j (the identity when the key keeps fleet order). With the key it gives back the flat
   * state (flatFrontier.ts), which is how the search's frontier holds a state in a few bytes.
   */
  readonly order: Int32Array;
  /** Where the key's fields are, for reading it back (flatFrontier.ts). */
  readonly fields: FlatKeyFields;
}

/** The bit positions and widths of a packed key's fields (packedKey.ts's layout). */
export interface FlatKeyFields {
  readonly wUnits: number;
  readonly posMisrouted: number;
  readonly posFleet: number;
  readonly wFleet: number;
  readonly posCells: number;
  readonly wCells: number;
  readonly posCellSizes: number;
  readonly wCellSize: number;
  readonly posAges: number;
  readonly wAge: number;
  /** The move age the key writes for a shard no frontend holds stale (stateKey.ts `keptMoveAge`). */
  readonly ageCap: number;
  readonly headerBits: number;
  readonly frontendBits: number;
  /** Each frontend field's width, in key order (status, map, cell, known, connected, stale, behind, bootstrap). */
  readonly frontendWidths: ReadonlyArray<number>;
}

/** ORs `value` (< 2^width, width ≤ 31) into `out` at bit `pos` (packedKey.ts `write`, at a given position). */
const putNarrow = (out: Uint32Array, pos: number, value: number, width: number): void => {
  const word = pos >>> 5;
  const offset = pos & 31;
  out[word] = ((out[word] as number) | (value << offset)) >>> 0;
  if (offset + width > 32) out[word + 1] = ((out[word + 1] as number) | (value >>> (32 - offset))) >>> 0;
};

/** `putNarrow` for values up to 52 bits, 26 bits at a time (packedKey.ts `write`). */
const putWide = (out: Uint32Array, pos: number, value: number, width: number): void => {
  let v = value;
  let w = width;
  let p = pos;
  while (w > 0) {
    const chunk = w < 26 ? w : 26;
    const part = v % 2 ** chunk;
    v = (v - part) / 2 ** chunk;
    w -= chunk;
    putNarrow(out, p, part, chunk);
    p += chunk;
  }
};

/**
 * `packFlat` for `config`: the field widths, order and abstractions of packedKey.ts (the same formulas; the
 * tests compare the words), reading the flat arrays instead of records.
 */
export const flatKeyFor = (config: Config): FlatKey => {
  const d = domainOf(config);
  const l = flatLayoutFor(config);
  const sort = orderInsensitive(config);
  const maxCell = Math.max(0, d.cells - 1);
  const widths = [
    bitsFor(2),
    bitsFor(2),
    bitsFor(maxCell),
    bitsFor(d.maxPeers),
    bitsFor(d.maxPeers),
    bitsFor(d.maxStale),
    bitsFor(d.maxBehind),
    bitsFor(d.maxBootstrap),
  ] as const;
  const frontendBits = widths.reduce((a, b) => a + b, 0);
  const [, wMap, wCell, wPeers, , wStale, wBehind, wBoot] = widths;
  const wFleet = bitsFor(d.maxFleet);
  const wUnits = bitsFor(d.maxUnits);
  const wCells = bitsFor(d.cells);
  const wCellSize = bitsFor(d.maxCellSize);
  const shards = l.shards;
  const cap = moveAgeCap(config);
  const wAge = bitsFor(cap);
  const headerBits = wUnits + 2 + wFleet + wCells + d.cells * wCellSize + shards * wAge;
  const totalBits = headerBits + d.maxFleet * frontendBits;
  const words = Math.max(1, Math.ceil(totalBits / 32));
  const packable = frontendBits <= 52 && Number.isSafeInteger(2 ** frontendBits);
  // Integers when a frontend's code fits 31 bits (every built-in config), doubles (exact to 2^53) otherwise.
  const codes =
    frontendBits <= 31 ? new Int32Array(Math.max(1, d.maxFleet)) : new Float64Array(Math.max(1, d.maxFleet));
  const order = new Int32Array(Math.max(1, d.maxFleet));
  const mMap = 2 ** wMap;
  const mCell = 2 ** wCell;
  const mPeers = 2 ** wPeers;
  const mStale = 2 ** wStale;
  const mBehind = 2 ** wBehind;
  const mBoot = 2 ** wBoot;

  const {
    maxFleet,
    maxPeers,
    maxStale,
    maxBehind,
    maxBootstrap,
    maxCellSize,
    maxUnits,
    cells: cellSlots,
  } = d;
  const frontends = l.frontends;
  const ages = l.ages;
  // Every field's bit position is fixed (the ages and the fleet start at fixed offsets, each cell has a slot).
  const posMisrouted = wUnits;
  const posFleet = wUnits + 2;
  const posCells = posFleet + wFleet;
  const posCellSizes = posCells + wCells;
  const posAges = headerBits - shards * wAge;
  const narrow = frontendBits <= 31;
  const put = narrow ? putNarrow : putWide;

  const packFlat = (flat: Int32Array, out: Uint32Array): boolean => {
    if (!packable) return false;
    const n = flat[H_FLEET] as number;
    const cells = flat[H_CELLS] as number;
    const units = flat[H_UNITS] as number;
    if (n > maxFleet || cells > cellSlots || units > maxUnits || units < 0) return false;
    let heldStale = 0;
    for (let i = 0, at = frontends; i < n; i++, at += F_WIDTH) {
      const cell = flat[at + F_CELL] as number;
      const known = flat[at + F_KNOWN] as number;
      const conn = flat[at + F_CONNECTED] as number;
      const stale = flat[at + F_STALE] as number;
      heldStale |= stale;
      const behind = flat[at + F_BEHIND] as number;
      const boot = flat[at + F_BOOT] as number;
      // `x >>> 0 > max` is `x < 0 || x > max` for the int32 values of a flat state, in one comparison.
      if (
        cell >>> 0 > maxCell ||
        known >>> 0 > maxPeers ||
        conn >>> 0 > maxPeers ||
        stale >>> 0 > maxStale ||
        behind >>> 0 > maxBehind ||
        boot >>> 0 > maxBootstrap
      )
        return false;
      let code: number;
      if (narrow)
        // The same number as below when it fits 31 bits, in integer shifts rather than double arithmetic.
        code =
          ((((((((((((((flat[at + F_STATUS] as number) << wMap) | (flat[at + F_MAP] as number)) << wCell) |
            cell) <<
            wPeers) |
            known) <<
            wPeers) |
            conn) <<
            wStale) |
            stale) <<
            wBehind) |
            behind) <<
            wBoot) |
          boot;
      else {
        code = flat[at + F_STATUS] as number;
        code = code * mMap + (flat[at + F_MAP] as number);
        code = code * mCell + cell;
        code = code * mPeers + known;
        code = code * mPeers + conn;
        code = code * mStale + stale;
        code = code * mBehind + behind;
        code = code * mBoot + boot;
      }
      if (sort) {
        let j = i;
        while (j > 0 && (codes[j - 1] as number) > code) {
          codes[j] = codes[j - 1] as number;
          order[j] = order[j - 1] as number;
          j -= 1;
        }
        codes[j] = code;
        order[j] = i;
      } else {
        codes[i] = code;
        order[i] = i;
      }
    }
    for (let w = 0; w < words; w++) out[w] = 0;
    putNarrow(out, 0, units, wUnits);
    putNarrow(out, posMisrouted, flat[H_MISROUTED] as number, 1);
    putNarrow(out, posMisrouted + 1, flat[H_SUCCEEDED_STALE] as number, 1);
    putNarrow(out, posFleet, n, wFleet);
    putNarrow(out, posCells, cells, wCells);
    for (let c = 0; c < cells; c++) {
      const size = flat[H_CELL_SIZES + c] as number;
      if (!(size >= 0 && size <= maxCellSize)) return false;
      putNarrow(out, posCellSizes + c * wCellSize, size, wCellSize);
    }
    for (let s = 0; s < shards; s++) {
      // stateKey.ts `keptMoveAge`: the age of a shard some frontend holds stale, the cap for the others.
      const age = (heldStale & (1 << s)) !== 0 ? (flat[ages + s] as number) : cap;
      if (!(age >= 0 && age <= cap)) return false;
      putNarrow(out, posAges + s * wAge, age, wAge);
    }
    for (let i = 0; i < n; i++) put(out, headerBits + i * frontendBits, codes[i] as number, frontendBits);
    return true;
  };
  const fields: FlatKeyFields = {
    wUnits,
    posMisrouted,
    posFleet,
    wFleet,
    posCells,
    wCells,
    posCellSizes,
    wCellSize,
    posAges,
    wAge,
    ageCap: cap,
    headerBits,
    frontendBits,
    frontendWidths: widths,
  };
  return { words, packable, packFlat, order, fields };
};
