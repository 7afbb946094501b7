// ---------------------------------------------------------------------------------------------------------
// cli: `--out-itf FILE` of check and verify: each counterexample found, as an ITF trace (checker/itfTrace.ts)
// that `replay`, `explain` and Quint's tooling read. One counterexample goes to FILE; when there are several,
// each goes beside it, named by its invariant: t.itf.json gives t.ThreadBudget.itf.json, t.PeersLearnedWithin.itf.json.
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { writeFileAtomic } from "../checker/corpus.ts";
import type { Counterexample } from "../checker/counterexample.ts";
import { encodeItfTrace } from "../checker/itf.ts";
import { counterexampleItf, itfCodecOf } from "../checker/itfTrace.ts";
import type { Spec } from "../checker/spec.ts";
import { bad, writing } from "./input.ts";

/** A counterexample's ITF text, ready to be written once its file name is known. */
export interface ItfOut {
  readonly invariant: string;
  readonly text: string;
}

export const itfOut = <C, S, Op>(spec: Spec<C, S, Op>, c: Counterexample<C, Op>): ItfOut => {
  const codec = itfCodecOf(spec);
  if (E.isLeft(codec)) return bad(`--out-itf: ${codec.left}`);
  return { invariant: c.invariant, text: encodeItfTrace(counterexampleItf(spec, codec.right, c)) };
};

/** Where each trace goes: `file` for a single one, `file` named by invariant for several. */
export const itfFileFor = (file: string, invariant: string, several: boolean): string => {
  if (!several) return file;
  const stem = file.replace(/(\.itf)?\.json$/, "");
  return `${stem}.${invariant}.itf.json`;
};

/** Writes the traces (atomically), returning the file each went to, in order. */
export const writeItfs = (file: string, outs: ReadonlyArray<ItfOut>): ReadonlyArray<string> =>
  outs.map((o) => {
    const path = itfFileFor(file, o.invariant, outs.length > 1);
    writing("--out-itf", path, () => writeFileAtomic(path, o.text));
    return path;
  });
