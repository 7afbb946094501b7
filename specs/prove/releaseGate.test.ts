import { expect, test } from "vitest";
import { gateReleases } from "./releaseGate.ts";

/** A stand-in for z3-solver's low-level functions that records the order of what it is asked. */
const fakeApi = () => {
  const log: string[] = [];
  let finish: (answer: string) => void = () => {};
  const api = {
    version: 5,
    mk_int: (n: number) => {
      log.push(`mk ${n}`);
      return n;
    },
    solver_check: () =>
      new Promise<string>((resolve) => {
        log.push("check starts");
        finish = (answer) => {
          log.push("check ends");
          resolve(answer);
        };
      }),
    dec_ref: (_c: number, a: number) => log.push(`dec_ref ${a}`),
    solver_dec_ref: (_c: number, s: number) => log.push(`solver_dec_ref ${s}`),
  };
  return { api, log, finish: (answer: string) => finish(answer) };
};

test("a release made while a check is in flight waits until the check ends, and releases keep their order", async () => {
  const { api, log, finish } = fakeApi();
  const z = gateReleases(api);
  const answer = z.solver_check();
  z.dec_ref(0, 7);
  z.solver_dec_ref(0, 8);
  expect(log).toEqual(["check starts"]);
  finish("unsat");
  expect(await answer).toBe("unsat");
  expect(log).toEqual(["check starts", "check ends", "dec_ref 7", "solver_dec_ref 8"]);
});

test("a release with no check in flight is made at once, and other functions and values pass through", () => {
  const { api, log } = fakeApi();
  const z = gateReleases(api);
  expect(z.mk_int(3)).toBe(3);
  z.dec_ref(0, 3);
  expect(log).toEqual(["mk 3", "dec_ref 3"]);
  expect(z.version).toBe(5);
});
