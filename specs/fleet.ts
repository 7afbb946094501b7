// ---------------------------------------------------------------------------------------------------------
// specs: the Kinesis front-end fleet as a `Spec` (checker/spec.ts): model/ and properties/ as they are,
// plugged into the one engine. Its capabilities beyond the interface's minimum: the step dispatched through a
// table (fleet/compiled/stepTable.ts, equal to model/step.ts); the incremental check after a step
// (fleet/incrementalCheck.ts), for fleets large enough that it pays; exhaustive exploration over finite
// operation domains with canonical and packed state keys, and the compiled flat search
// (fleet/compiled/flatBfs.ts), which the engine cross-checks against `step` as it runs; and the `sometimes`
// properties that make a proof mean something (fleet/sometimes.ts).
// ---------------------------------------------------------------------------------------------------------

import type { Spec } from "../checker/spec.ts";
import type { SpecInvariant } from "../checker/specInvariant.ts";
import { changesBetween } from "../explain/fleetChanges.ts";
import type { Config } from "../model/config.ts";
import { decodeConfig } from "../model/configDecoder.ts";
import { BUILTIN_CONFIGS } from "../model/configs/index.ts";
import { decodeOp } from "../model/opDecoder.ts";
import { opLabel } from "../model/opLabel.ts";
import type { Op } from "../model/ops.ts";
import { initialState, type State } from "../model/state.ts";
import { INVARIANTS, type Invariant } from "../properties/index.ts";
import { FLEET_MAX_STEPS } from "./defaults.ts";
import { opsArb } from "./fleet/arbitraries.ts";
import { exploreFlat } from "./fleet/compiled/flatBfs.ts";
import { tableStep } from "./fleet/compiled/stepTable.ts";
import { candidateOpsFor } from "./fleet/enabledOps.ts";
import {
  type Checked,
  firstViolationAfterStep,
  HELD,
  incrementalPays,
  stepDelta,
} from "./fleet/incrementalCheck.ts";
import { fleetItf } from "./fleet/itf.ts";
import { decodeOp as decodeOpCode, encodeOp } from "./fleet/opCode.ts";
import { packedKeyFor } from "./fleet/packedKey.ts";
import { FLEET_SOMETIMES } from "./fleet/sometimes.ts";
import { stateKeyFor } from "./fleet/stateKey.ts";

/** The fleet's own invariants among `invariants` (by identity), or undefined if one is not the fleet's. */
const fleetInvariants = (
  invariants: ReadonlyArray<SpecInvariant<Config, State>>,
): ReadonlyArray<Invariant> | undefined => {
  const own = invariants.map((i) => INVARIANTS.find((k) => k === i));
  return own.every((i) => i !== undefined) ? (own as ReadonlyArray<Invariant>) : undefined;
};

export const fleetSpec: Spec<Config, State, Op> = {
  id: "fleet",
  title: "the Kinesis front-end fleet: membership, threads per peer, shard-maps, routing",
  corpusFolder: "",
  configs: { builtin: BUILTIN_CONFIGS, decode: decodeConfig, nameOf: (c) => c.name },
  init: initialState,
  step: tableStep,
  opsArb,
  defaultMaxSteps: FLEET_MAX_STEPS,
  decodeOp,
  invariants: INVARIANTS,
  sometimes: FLEET_SOMETIMES,
  itf: fleetItf,
  narration: {
    label: opLabel,
    changes: (config, before, _op, after) => changesBetween(config, before, after),
  },
  stepChecker: (config, invariants) => {
    const own = fleetInvariants(invariants);
    if (own === undefined || !incrementalPays(config)) return undefined;
    return () => {
      let checked: ReadonlyArray<Checked> = own.map(() => HELD);
      return (before, after) => {
        const r = firstViolationAfterStep(config, own, stepDelta(before, after), checked);
        checked = r.checked;
        return r.violation;
      };
    };
  },
  exploration: {
    candidates: (config) => {
      const opsOf = candidateOpsFor(config, encodeOp);
      return (state) => opsOf(state).ops;
    },
    key: (config) => stateKeyFor(config),
    packedKey: packedKeyFor,
    opCodec: { encode: encodeOp, decode: decodeOpCode },
    // The compiled next-state relation over flat states (specs/fleet/compiled/flatBfs.ts), several times faster and
    // equal to the reference search (flatBfs.test.ts); only for the fleet's own invariants.
    compiled: (config, invariants, options, audit) => {
      const own = fleetInvariants(invariants);
      return own === undefined ? undefined : exploreFlat(config, own, options, audit);
    },
  },
};
