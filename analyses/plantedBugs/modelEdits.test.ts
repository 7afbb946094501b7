// Issue 19: a bug written into model/ alone (the compiled search untouched) must change `verify`'s answer. A
// planted bug stands in for the edit (`modelEditedTo`: the spec's `step` replaced, its compiled search kept);
// `verify` must refuse with one line naming the operation and the state, never report the old model's PROVED.
import { describe, expect, test } from "vitest";
import { exploreBreadthFirst } from "../../checker/verify/bfs.ts";
import { StepDisagreement } from "../../checker/verify/crossCheck.ts";
import { sometimesReached } from "../../checker/verify/sometimes.ts";
import { withRemediations } from "../../model/config.ts";
import { small } from "../../model/configs/small.ts";
import { INVARIANTS } from "../../properties/index.ts";
import { fleetSpec } from "../../specs/fleet.ts";
import { authoritativeStoreNotRead } from "./authoritativeStoreNotRead.ts";
import { cellAdmitsOneTooMany } from "./cellAdmitsOneTooMany.ts";
import { largerServersRoundedDown } from "./largerServersRoundedDown.ts";
import type { PlantedBug } from "./plantedBug.ts";
import { modelEditedTo, specWith } from "./plantedBug.ts";
import { preflightGuardOffByOne } from "./preflightGuardOffByOne.ts";
import { waitForCompleteMapKeepsBrokenServing } from "./waitForCompleteMapKeepsBrokenServing.ts";

const bounds = { maxDepth: 100, maxStates: 50_000 };

/** What `verify` answers with `bug` written into the model: its verdicts, or the line it refuses with. */
const verifyWith = (bug: PlantedBug): string => {
  const config = withRemediations(small, bug.remediations === "all" ? [] : bug.remediations);
  try {
    const r = exploreBreadthFirst(modelEditedTo(bug.step), config, INVARIANTS, bounds);
    return r.verdicts.map((v) => `${v.invariant.name} ${v.verdict.status}`).join(", ");
  } catch (e) {
    if (e instanceof StepDisagreement) return `refused: ${e.message}`;
    throw e;
  }
};

describe("verify answers for the model's step, not for the compiled copy", () => {
  test.each([
    [cellAdmitsOneTooMany.name, cellAdmitsOneTooMany],
    [largerServersRoundedDown.name, largerServersRoundedDown],
    [preflightGuardOffByOne.name, preflightGuardOffByOne],
    [waitForCompleteMapKeepsBrokenServing.name, waitForCompleteMapKeepsBrokenServing],
    [authoritativeStoreNotRead.name, authoritativeStoreNotRead],
  ])(
    "with %s in the model, verify on small with its remediation refuses in one line naming the operation and the state",
    (_name, bug) => {
      const answer = verifyWith(bug);
      expect(answer).toMatch(
        /^refused: the compiled search disagrees with the spec's step: [a-z]+\/[A-Za-z]+.* in the state of key [\d,]+: step (gives key [\d,]+|refuses it), the compiled search (gives key [\d,]+|refuses it)$/,
      );
      expect(answer).not.toContain("\n");
    },
  );

  test("the real model is not refused: the same run proves what it proved", () => {
    const edited = exploreBreadthFirst(modelEditedTo(cellAdmitsOneTooMany.step), small, INVARIANTS, bounds);
    const real = exploreBreadthFirst(fleetSpec, small, INVARIANTS, bounds);
    // Without cellularization the bug's operation is the real one: the cross-check sees no difference, and
    // every verdict (PROVED, VIOLATED with its shortest trace) is the real model's.
    expect(edited.verdicts.map((v) => v.verdict)).toEqual(real.verdicts.map((v) => v.verdict));
    expect(real.verdicts.some((v) => v.verdict.status === "proved")).toBe(true);
  });
});

describe("a remediation broken so that proofs get easier is caught by non-vacuity", () => {
  const { remediations } = authoritativeStoreNotRead;
  const config = withRemediations(small, remediations === "all" ? [] : remediations);
  const reached = (spec: typeof fleetSpec) =>
    sometimesReached(spec, config, bounds).find((p) => p.name === "AuthoritativeBootstrapUsed")?.reached;

  test("with the store not read, the search of step itself proves more than the real model", () => {
    const status = (spec: typeof fleetSpec) =>
      exploreBreadthFirst(spec, config, INVARIANTS, bounds)
        .verdicts.filter((v) => v.verdict.status === "violated")
        .map((v) => v.invariant.name);
    expect(status(specWith(authoritativeStoreNotRead.step)).length).toBeLessThan(status(fleetSpec).length);
  });

  test("AuthoritativeBootstrapUsed is reached by the real model and not with the bug, so its proofs are VACUOUS", () => {
    expect(reached(fleetSpec)).toBe(true);
    expect(reached(specWith(authoritativeStoreNotRead.step))).toBe(false);
  });
});
