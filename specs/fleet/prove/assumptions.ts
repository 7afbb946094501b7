// ---------------------------------------------------------------------------------------------------------
// specs/fleet/prove: what the fleet's proofs assume of the model and do not prove, each named, with its
// sentence, its source and what checks it instead. `prove` prints them after its verdicts (and lists them in
// --json), so that a PROVED is read with them (docs/prove.md, "What the abstraction assumes").
// ---------------------------------------------------------------------------------------------------------

/** An assumption of the proofs: not discharged by Z3, checked by other means. */
export interface Assumption {
  readonly name: string;
  readonly sentence: string;
  readonly source: string;
  /** What the proofs read it as. */
  readonly usedAs: string;
  /** Where it is checked (tested or explored), since it is not proved. */
  readonly checkedBy: string;
}

/**
 * CellBookkeeping. The encoding reasons about one arbitrary frontend f and the size g of its group (its cell, or
 * the fleet), so WellFormed's conjuncts about all cells at once (properties/wellFormed.ts: every frontend
 * belongs to a cell, the cells' sizes add up to the fleet) cannot be stated over it: they are what g means.
 * WellFormed's PROVED is for its other conjuncts (counts, threads within the limit, bootstrap work, requests).
 */
export const CELL_BOOKKEEPING: Assumption = {
  name: "CellBookkeeping",
  sentence: "Every frontend belongs to a cell, and the cells' sizes add up to the fleet.",
  source:
    "domain.md R7; model/state.ts placeMembers and cellForNewMember (an addition places each newcomer in a cell with room, or opens one), model/fleet.ts frontendRemoved (the member's cell loses one)",
  usedAs:
    "the meaning of g (f's cell's size): 1 ≤ g ≤ n, g = n without cells, g ≤ cellSize with them (`fleetShape`, itself proved inductive with every argument)",
  checkedBy:
    "WellFormed's check in every state breadth-first search visits (verify, the matrix's exhaustive cells) and in every random run (check); the encoding-agreement property's shape check on every drawn state",
};

/** Every assumption of the fleet's proofs. */
export const FLEET_PROOF_ASSUMPTIONS: ReadonlyArray<Assumption> = [CELL_BOOKKEEPING];
