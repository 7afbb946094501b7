// ---------------------------------------------------------------------------------------------------------
// checker/verify: the canonical state key (stateKey.ts) packed into a few 32-bit words, the visited-set entry
// of breadth-first search (docs/performance.md, issue 6: "a compact canonical key, not JSON strings").
//
// It keeps exactly what stateKey.ts keeps and abstracts exactly what it abstracts (clock, request counts but
// `misrouted > 0`, the last request but "counted succeeded through a stale entry", move ages of shards nobody holds
// stale, owners, ids; frontends sorted when order is irrelevant), as bit fields of fixed width taken from the
// config's type-correct ranges (inductive.ts `domainOf`):
//
//   header:    capacityUnits · misrouted>0 · succeeded-stale · frontend count · cell count · each cell size (one
//              slot per cell) · each shard's kept move age
//   frontend:  status · map · cell · knownPeers · connectedPeers · staleShards · behindFor · bootstrapLeft
//              (behindFor is the lag model/state.ts derives from the stamp `behindSince` and the clock)
//
// Every field has a fixed width and the counts come first, so two states get the same words exactly when
// stateKey.ts gives them the same string (packedKey.test.ts checks this). A state with a value outside its
// range (which the model should never produce) does not fit: `pack` returns false and the caller keeps that
// state under its string key instead. The two key spaces cannot collide: whether a state fits depends only on
// the numbers both keys hold, so states with equal string keys either both fit or both do not.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../../model/config.ts";
import { behindFor } from "../../model/lag.ts";
import type { Frontend, FrontendStatus, ShardMapStatus, State } from "../../model/state.ts";
import { moveAgeCap } from "../../model/state.ts";
import { succeededThroughStaleEntry } from "../../properties/routesToCurrentOwner.ts";
import { domainOf } from "./inductive.ts";
import { keptMoveAge, orderInsensitive } from "./stateKey.ts";

const STATUS: { readonly [K in FrontendStatus]: number } = { serving: 0, bootstrapping: 1, stopped: 2 };
const MAP: { readonly [K in ShardMapStatus]: number } = { complete: 0, building: 1, useless: 2 };

/**
 * What the packed key does with each field. Keyed by the record types, so a field added to `Frontend` or
 * `State` fails to compile here until someone decides whether it is packed or abstracted (and why).
 */
export const FRONTEND_FIELDS: { readonly [K in keyof Frontend]-?: "packed" | "dropped" } = {
  id: "dropped",
  status: "packed",
  cell: "packed",
  knownPeers: "packed",
  connectedPeers: "packed",
  map: "packed",
  staleShards: "packed",
  // Packed as the lag derived from it (`behindFor`), as stateKey.ts keeps it: not the stamp itself.
  behindSince: "packed",
  bootstrapLeft: "packed",
};
export const STATE_FIELDS: {
  readonly [K in keyof State]-?: "packed" | "dropped" | "misrouted>0" | "succeeded-stale";
} = {
  frontends: "packed",
  cellSizes: "packed",
  nextId: "dropped",
  capacityUnits: "packed",
  owners: "dropped",
  tick: "dropped",
  requests: "misrouted>0",
  sinceMoved: "packed",
  lastRequest: "succeeded-stale",
};

/** Bits needed for the values 0..max. */
const bitsFor = (max: number): number => (max <= 0 ? 0 : Math.floor(Math.log2(max)) + 1);

/** The largest frontend code this module packs: codes are sorted as doubles, exact below 2^53. */
const MAX_FRONTEND_BITS = 52;

export interface PackedKey {
  /** 32-bit words per key. */
  readonly words: number;
  /**
   * Writes the key of `state` into `out[0..words)`; false (and `out` unspecified) when a value is outside the
   * ranges the widths were chosen for, or the config is too large to pack.
   */
  readonly pack: (state: State, out: Uint32Array) => boolean;
}

/** The packed key for `config`. */
export const packedKeyFor = (config: Config): PackedKey => {
  const d = domainOf(config);
  const sort = orderInsensitive(config);
  // Frontend fields, in key order: [max, bits].
  const maxStatus = 2;
  const maxMap = 2;
  const maxCell = Math.max(0, d.cells - 1);
  const widths = [
    bitsFor(maxStatus),
    bitsFor(maxMap),
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
  const shards = config.shards.shardCount;
  const wAge = bitsFor(moveAgeCap(config));
  const headerBits = wUnits + 2 + wFleet + wCells + d.cells * wCellSize + shards * wAge;
  const totalBits = headerBits + d.maxFleet * frontendBits;
  const words = Math.max(1, Math.ceil(totalBits / 32));
  const packable = frontendBits <= MAX_FRONTEND_BITS && Number.isSafeInteger(2 ** frontendBits);
  const codes = new Float64Array(Math.max(1, d.maxFleet));
  const [mMap, mCell, mPeers, mStale, mBehind, mBoot] = [wMap, wCell, wPeers, wStale, wBehind, wBoot].map(
    (w) => 2 ** w,
  ) as [number, number, number, number, number, number];

  let target: Uint32Array = new Uint32Array(words);
  let bit = 0;
  /** Writes `value` (< 2^width, width ≤ 52) into `target` at bit `bit`. */
  const write = (value: number, width: number): void => {
    if (width <= 31) {
      const word = bit >>> 5;
      const offset = bit & 31;
      target[word] = ((target[word] as number) | (value << offset)) >>> 0;
      if (offset + width > 32)
        target[word + 1] = ((target[word + 1] as number) | (value >>> (32 - offset))) >>> 0;
      bit += width;
      return;
    }
    let v = value;
    let w = width;
    while (w > 0) {
      const chunk = w < 26 ? w : 26;
      const part = v % 2 ** chunk;
      v = (v - part) / 2 ** chunk;
      w -= chunk;
      const word = bit >>> 5;
      const offset = bit & 31;
      target[word] = ((target[word] as number) | (part << offset)) >>> 0;
      if (offset + chunk > 32)
        target[word + 1] = ((target[word + 1] as number) | (part >>> (32 - offset))) >>> 0;
      bit += chunk;
    }
  };

  const pack = (state: State, out: Uint32Array): boolean => {
    if (!packable) return false;
    const n = state.frontends.length;
    const cells = state.cellSizes.length;
    if (
      n > d.maxFleet ||
      cells > d.cells ||
      state.capacityUnits > d.maxUnits ||
      state.capacityUnits < 0 ||
      state.sinceMoved.length !== shards
    )
      return false;
    let heldStale = 0;
    for (let i = 0; i < n; i++) {
      const f = state.frontends[i] as Frontend;
      const cell = f.cell;
      const known = f.knownPeers;
      const conn = f.connectedPeers;
      const stale = f.staleShards;
      heldStale |= stale;
      const behind = behindFor(config, state, f);
      const boot = f.bootstrapLeft;
      if (
        !(cell >= 0 && cell <= maxCell) ||
        !(known >= 0 && known <= d.maxPeers) ||
        !(conn >= 0 && conn <= d.maxPeers) ||
        !(stale >= 0 && stale <= d.maxStale) ||
        !(behind >= 0 && behind <= d.maxBehind) ||
        !(boot >= 0 && boot <= d.maxBootstrap)
      )
        return false;
      // Mixed radix with power-of-two radices: the same bits as writing the fields one after another.
      let code = STATUS[f.status];
      code = code * mMap + MAP[f.map];
      code = code * mCell + cell;
      code = code * mPeers + known;
      code = code * mPeers + conn;
      code = code * mStale + stale;
      code = code * mBehind + behind;
      code = code * mBoot + boot;
      if (sort) {
        // Insertion sort as the codes arrive: fleets are small, and this allocates nothing.
        let j = i;
        while (j > 0 && (codes[j - 1] as number) > code) {
          codes[j] = codes[j - 1] as number;
          j -= 1;
        }
        codes[j] = code;
      } else codes[i] = code;
    }
    out.fill(0, 0, words);
    target = out;
    bit = 0;
    write(state.capacityUnits, wUnits);
    write(state.requests.misrouted > 0 ? 1 : 0, 1);
    write(succeededThroughStaleEntry(state) ? 1 : 0, 1);
    write(n, wFleet);
    write(cells, wCells);
    for (let c = 0; c < cells; c++) {
      const size = state.cellSizes[c] as number;
      if (!(size >= 0 && size <= d.maxCellSize)) return false;
      write(size, wCellSize);
    }
    bit = headerBits - shards * wAge;
    for (let s = 0; s < shards; s++) {
      const age = keptMoveAge(config, state, heldStale, s);
      if (!(age >= 0 && age <= moveAgeCap(config))) return false;
      write(age, wAge);
    }
    bit = headerBits;
    for (let i = 0; i < n; i++) write(codes[i] as number, frontendBits);
    return true;
  };
  return { words, pack };
};
