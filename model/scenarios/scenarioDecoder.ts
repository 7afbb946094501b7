// ---------------------------------------------------------------------------------------------------------
// model: decoding an untrusted scenario file (`npx outage scenario FILE`) at the boundary, with the one
// definition of its format (scenarioFormat.ts), then what the format cannot say: an action's tick is below the
// file's endTick. Pure: the caller reads the file. Every error is one line naming the first field that is
// wrong (`scenario.actions[3].pacedRestart.everyTicks must be an integer ≥ 1`).
// ---------------------------------------------------------------------------------------------------------
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import type * as v from "valibot";
import { decodeWith } from "../format.ts";
import type { ScenarioFile } from "./scenarioFile.ts";
import { ScenarioFormat } from "./scenarioFormat.ts";

export { DEPLOYABLE, MAX_END_TICK } from "./scenarioFormat.ts";

type Decoded<A> = E.Either<string, A>;

/** Each action's tick is one the scenario runs (below endTick). */
const ticksInRange = (f: v.InferOutput<typeof ScenarioFormat>): Decoded<typeof f> => {
  const i = f.actions.findIndex((a) => a.tick >= f.endTick);
  return i === -1
    ? E.right(f)
    : E.left(`scenario.actions[${i}].tick must be an integer from 0 to ${f.endTick - 1}`);
};

/** The file's fields with the optional ones filled in, in scenarioFile.ts's order; `$schema` (for editors) dropped. */
const filledIn = (f: v.InferOutput<typeof ScenarioFormat>): ScenarioFile => ({
  name: f.name,
  description: f.description ?? "",
  startMinute: f.startMinute,
  endTick: f.endTick,
  background: f.background,
  actions: f.actions.map(({ deploy, ...a }) =>
    deploy === undefined
      ? a
      : {
          ...a,
          deploy: {
            remediations: deploy.remediations ?? [],
            ...(deploy.threadLimit === undefined ? {} : { threadLimit: deploy.threadLimit }),
          },
        },
  ),
});

/** Decodes a scenario file (`$schema` is allowed and ignored, for editors). */
export const decodeScenarioFile = (input: unknown): Decoded<ScenarioFile> =>
  pipe(
    input,
    decodeWith(ScenarioFormat, { root: "scenario", at: "scenario", got: false }),
    E.chain(ticksInRange),
    E.map(filledIn),
  );
