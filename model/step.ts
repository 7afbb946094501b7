// ---------------------------------------------------------------------------------------------------------
// model: the next-state relation. `step` only dispatches (style habit 8): one match over the operations,
// `.exhaustive()` (habit 9: adding an operation to `Op` breaks compilation here until it is handled); every
// operation is one pure function in the file named after its concept, grouped by actor as in ops.ts.
// (The engine runs the same dispatch through a table built once, specs/fleet/compiled/stepTable.ts, tested
// equal to this one: ts-pattern builds its matcher anew on every call.)
// ---------------------------------------------------------------------------------------------------------
import { match } from "ts-pattern";
import { tick } from "./clock.ts";
import type { Config } from "./config.ts";
import { capacityAdded, frontendCrashed, frontendRemoved, frontendRestarted } from "./fleet.ts";
import { peerLearned } from "./membership.ts";
import type { Op } from "./ops.ts";
import type { StepResult } from "./refusal.ts";
import { requestRouted } from "./routing.ts";
import { shardMoved } from "./shardMap.ts";
import type { State } from "./state.ts";

/** The next state after `op`, or a typed refusal when `op` is not enabled in `state`. */
export const step = (config: Config, state: State, op: Op): StepResult =>
  match(op)
    .returnType<StepResult>()
    // operator
    .with({ type: "capacityAdded" }, (o) => capacityAdded(config, state, o))
    .with({ type: "frontendRemoved" }, (o) => frontendRemoved(config, state, o))
    .with({ type: "frontendRestarted" }, (o) => frontendRestarted(config, state, o))
    // frontend
    .with({ type: "frontendCrashed" }, (o) => frontendCrashed(config, state, o))
    .with({ type: "peerLearned" }, (o) => peerLearned(config, state, o))
    // backend
    .with({ type: "shardMoved" }, (o) => shardMoved(config, state, o))
    // client
    .with({ type: "requestRouted" }, (o) => requestRouted(config, state, o))
    // clock
    .with({ type: "tick" }, () => tick(config, state))
    .exhaustive();
