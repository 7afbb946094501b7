// A stand-in for specs/fleet/compiled/flatWorker.ts whose worker fails as it starts (flatParallel.test.ts):
// the parallel search must report it as one line, not wait for it.
export const runFlatWorker = (): never => {
  throw new Error("planted failure\nwith a second line the report must drop");
};
