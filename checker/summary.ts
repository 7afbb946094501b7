// ---------------------------------------------------------------------------------------------------------
// checker: what changed in one step, in domain words, for traces and saved counterexamples. Only what
// changed is listed, so a reviewer reads the story, not a state dump.
// ---------------------------------------------------------------------------------------------------------
import type { Config } from "../model/config.ts";
import { actualPeers, type Frontend, frontendName, type State } from "../model/state.ts";
import { threadsNeeded } from "../model/threads.ts";

const frontendChanges = (
  config: Config,
  after: State,
  before: Frontend | undefined,
  f: Frontend,
): string[] => {
  const name = frontendName(f);
  const limit = config.threads.threadLimit;
  if (before === undefined)
    return [
      `${name} joined (cell ${f.cell}); it knows ${f.knownPeers} peers and needs ${threadsNeeded(config, f)} of ${limit} threads`,
    ];
  const out: string[] = [];
  if (before.status !== f.status) out.push(`${name} is now ${f.status}`);
  if (before.knownPeers !== f.knownPeers || before.connectedPeers !== f.connectedPeers)
    out.push(
      `${name} knows ${f.knownPeers} of ${actualPeers(after, f)} peers, holds threads for ${f.connectedPeers}, needs ${threadsNeeded(config, f)} of ${limit} threads`,
    );
  if (before.map !== f.map) out.push(`${name}'s shard-map is ${f.map}`);
  if (before.staleShards !== f.staleShards)
    out.push(
      f.staleShards === 0 ? `${name}'s shard-map is current again` : `${name}'s shard-map has stale entries`,
    );
  return out;
};

/** Sentences for what `op` changed between `before` and `after`. */
export const changesBetween = (config: Config, before: State, after: State): ReadonlyArray<string> => {
  const byId = new Map(before.frontends.map((f) => [f.id, f]));
  const afterIds = new Set(after.frontends.map((f) => f.id));
  const removed = before.frontends
    .filter((f) => !afterIds.has(f.id))
    .map((f) => `${frontendName(f)} left the fleet`);
  const changed = after.frontends.flatMap((f) => {
    const prev = byId.get(f.id);
    return prev === f ? [] : frontendChanges(config, after, prev, f);
  });
  const owners = after.owners.flatMap((c, s) =>
    before.owners[s] === c ? [] : [`shard-${s} moved from cluster-${before.owners[s]} to cluster-${c}`],
  );
  const r = after.requests;
  const b = before.requests;
  const requests =
    r === b
      ? []
      : [
          r.misrouted > b.misrouted
            ? "the request went to the shard's former owner"
            : r.failed > b.failed
              ? "the request failed"
              : "the request succeeded",
        ];
  const serving = after.frontends.filter((f) => f.status === "serving").length;
  const fleet =
    before.frontends.length !== after.frontends.length
      ? [`fleet: ${after.frontends.length} frontends, ${serving} serving`]
      : [];
  return [...removed, ...changed, ...owners, ...requests, ...fleet];
};
