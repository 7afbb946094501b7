// ---------------------------------------------------------------------------------------------------------
// bench: what the frontend symmetry reduction saves (issue 17). States within each breadth-first level with the
// fleet sorted in the key (as `npx outage verify` runs, where order is irrelevant) and with the fleet kept in
// order (specs/fleet/stateKey.ts `stateKeySorting(config, false)`: the search without the reduction), both by
// the reference search over `step`, every invariant, to the given depth; and each invariant's verdict, which
// must agree (specs/fleet/symmetry.test.ts holds that on small configs).
//
//   npx tsx bench/symmetry.ts CONFIG DEPTH
//
// Not a test: nothing passes or fails. The ordered search holds every state of a level as an object, so keep
// DEPTH small (three-to-eight at depth 7: 3.2 million states, 200 s of CPU and 2 GB).
// ---------------------------------------------------------------------------------------------------------
import type { Exploration } from "../checker/exploration.ts";
import { exploreBreadthFirst } from "../checker/verify/bfs.ts";
import { BadInput, loadConfig } from "../cli/input.ts";
import type { Config } from "../model/config.ts";
import type { Op } from "../model/ops.ts";
import type { State } from "../model/state.ts";
import { INVARIANTS } from "../properties/index.ts";
import { orderInsensitive, stateKeySorting } from "../specs/fleet/stateKey.ts";
import { fleetSpec } from "../specs/fleet.ts";

const fail = (message: string): never => {
  process.stderr.write(`bench:symmetry: ${message}\n`);
  process.exit(2);
};

const [name = "", depthArg = "5"] = process.argv.slice(2);
const config: Config = (() => {
  try {
    return loadConfig(name === "" ? undefined : name);
  } catch (e) {
    return e instanceof BadInput ? fail(e.message) : fail(String(e));
  }
})();
const maxDepth = Number(depthArg);
if (!Number.isInteger(maxDepth) || maxDepth < 0) fail(`DEPTH must be a whole number, not ${depthArg}`);
if (!orderInsensitive(config))
  fail(`${config.name} keeps fleet order in its key already: nothing to compare`);
const base = fleetSpec.exploration as Exploration<Config, State, Op>;

/** States within each level, and the verdicts, of the reference search with the fleet sorted or kept in order. */
const levels = (sort: boolean) => {
  const within: number[] = [];
  const exploration = {
    candidates: base.candidates,
    opCodec: base.opCodec,
    key: () => stateKeySorting(config, sort),
  };
  const r = exploreBreadthFirst({ ...fleetSpec, exploration }, config, INVARIANTS, {
    maxDepth,
    maxStates: 2 ** 31 - 1,
    onLevel: (_depth, states) => within.push(states),
  });
  return {
    within,
    verdicts: r.verdicts.map((v) => `${v.invariant.name} ${v.verdict.status} (depth ${v.verdict.depth})`),
    // What must agree: each status, and a violation's shortest length (a proof's diameter may not: symmetry.test.ts).
    outcomes: r.verdicts.map(
      (v) => `${v.verdict.status}${v.verdict.status === "violated" ? v.verdict.depth : ""}`,
    ),
  };
};

const sorted = levels(true);
const ordered = levels(false);
process.stdout.write(`${config.name}: states within each depth, fleet sorted in the key and kept in order\n`);
process.stdout.write("depth             sorted            ordered   ratio\n");
sorted.within.forEach((s, d) => {
  const o = ordered.within[d] ?? 0;
  process.stdout.write(
    `${String(d).padStart(5)} ${s.toLocaleString("en").padStart(18)} ${o.toLocaleString("en").padStart(18)} ${(o / s).toFixed(2).padStart(7)}\n`,
  );
});
const same = sorted.outcomes.join() === ordered.outcomes.join();
process.stdout.write(`verdicts ${same ? "agree" : "DIFFER"}: ${sorted.verdicts.join("; ")}\n`);
if (!same) process.stdout.write(`ordered: ${ordered.verdicts.join("; ")}\n`);
