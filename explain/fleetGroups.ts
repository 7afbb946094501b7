// ---------------------------------------------------------------------------------------------------------
// explain: the fleet grid of the trace explorer at any size. One card per frontend was 24,000 px tall and
// 7 MB at 1,000 frontends (issue 15), and nearly all of those cards said the same thing; so the explorer shows
// one card per group of frontends that look the same (every field of fleetView but the name and the cell:
// status, threads needed and held against the limit, map, stale entries, peers known, lag, bootstrap), e.g.
// "2,999 frontends: serving, map complete, threads 32,000 of 32,000", and lists a group's members (as runs
// of consecutive ids, which keeps a group of thousands a few bytes) for the page to expand on click. Pure.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import type { State } from "../model/state.ts";
import { type FrontendView, fleetView, groupInOrder } from "./fleetView.ts";

/** What a group's members share: a frontend's view without its name and cell. */
export type GroupLook = Omit<FrontendView, "name" | "cell">;

export interface FrontendGroup extends GroupLook {
  /** How many frontends look like this. */
  readonly count: number;
  /** The members' names, in fleet order, as runs: `[first, last]` names of consecutive ids (equal for one). */
  readonly members: ReadonlyArray<readonly [string, string]>;
}

const lookOf = ({ name: _name, cell: _cell, ...look }: FrontendView): GroupLook => look;

/** The id in a frontend's name (`frontend-12` → 12), or undefined for a name of another shape. */
const idOf = (name: string): number | undefined => {
  const m = /^(.*-)(\d+)$/.exec(name);
  return m === null ? undefined : Number(m[2]);
};

/** Names as runs of consecutive ids: frontend-0 … frontend-2998 is one pair. */
export const nameRuns = (names: ReadonlyArray<string>): ReadonlyArray<readonly [string, string]> => {
  const runs: Array<[string, string]> = [];
  let lastId: number | undefined;
  for (const name of names) {
    const id = idOf(name);
    const run = runs[runs.length - 1];
    if (run !== undefined && id !== undefined && lastId !== undefined && id === lastId + 1) run[1] = name;
    else runs.push([name, name]);
    lastId = id;
  }
  return runs;
};

/** The fleet of `state` as groups of frontends that look the same, in fleet order of their first member. */
export const fleetGroups = (config: Config, state: State): ReadonlyArray<FrontendGroup> =>
  groupInOrder(fleetView(config, state), (v) => JSON.stringify(lookOf(v))).map((members) => ({
    ...lookOf(members[0] as FrontendView),
    count: members.length,
    members: nameRuns(members.map((m) => m.name)),
  }));
