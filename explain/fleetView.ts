// ---------------------------------------------------------------------------------------------------------
// explain: what a reviewer needs to see of each frontend in one state: threads against the limit (K5/K7),
// shard-map state (K3/K8), staleness (K4(c)), membership lag (K6). Shared by the Markdown summary and the
// HTML explorer's fleet grid. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import { behindFor } from "../model/lag.ts";
import { actualPeers, frontendName, type State } from "../model/state.ts";
import { threadLimitInForce } from "../model/threadFormula.ts";
import { threadsHeld, threadsNeeded } from "../model/threads.ts";

export interface FrontendView {
  readonly name: string;
  readonly status: string;
  readonly cell: number;
  readonly needed: number;
  readonly held: number;
  readonly limit: number;
  /** K7: it needs more threads than the OS allows. */
  readonly overLimit: boolean;
  readonly map: string;
  /** K4(c): shards whose move it has not applied. */
  readonly staleShards: number;
  readonly knownPeers: number;
  readonly actualPeers: number;
  readonly behindFor: number;
  readonly bootstrapLeft: number;
}

const popcount = (n: number): number => (n === 0 ? 0 : (n & 1) + popcount(n >>> 1));

export const fleetView = (config: Config, state: State): ReadonlyArray<FrontendView> =>
  state.frontends.map((f) => {
    const needed = threadsNeeded(config, f);
    return {
      name: frontendName(f),
      status: f.status,
      cell: f.cell,
      needed,
      held: threadsHeld(config, f),
      limit: threadLimitInForce(config),
      overLimit: f.status !== "stopped" && needed > threadLimitInForce(config),
      map: f.map,
      staleShards: popcount(f.staleShards),
      knownPeers: f.knownPeers,
      actualPeers: actualPeers(state, f),
      behindFor: behindFor(config, state, f),
      bootstrapLeft: f.bootstrapLeft,
    };
  });

/** Items grouped by `key`, the groups in the order of their first member, members in input order. */
export const groupInOrder = <A>(
  items: ReadonlyArray<A>,
  key: (a: A) => string,
): ReadonlyArray<ReadonlyArray<A>> => {
  const groups = new Map<string, A[]>();
  for (const a of items) {
    const k = key(a);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [a]);
    else g.push(a);
  }
  return [...groups.values()];
};

/** The line `fleetSummary` prints for what a group of frontends shares. */
const summaryKey = (v: FrontendView): string => {
  const stale =
    v.staleShards > 0 ? `, ${v.staleShards} stale shard entr${v.staleShards === 1 ? "y" : "ies"}` : "";
  return `${v.status}, knows ${v.knownPeers} of ${v.actualPeers} peers, needs ${v.needed} of ${v.limit} threads${v.overLimit ? " (over the limit)" : ""}, holds ${v.held}, map ${v.map}${stale}`;
};

/** One line per group of frontends that look the same, in fleet order of their first member. */
export const fleetSummary = (config: Config, state: State): ReadonlyArray<string> =>
  groupInOrder(fleetView(config, state), summaryKey).map((group) => {
    const names = group.map((v) => v.name);
    const who =
      names.length <= 3 ? names.join(", ") : `${names[0]} … ${names[names.length - 1]} (${names.length})`;
    return `${who}: ${summaryKey(group[0] as FrontendView)}`;
  });
