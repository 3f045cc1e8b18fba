// What the example asks of the pipeline in book-risk.ts, and the book and market it asks it of.
import type { Position } from './book-risk.js';

/** The outputs the example prints: stressGrid, and the scenarios behind the value at risk, come from the workers. */
export const OUTPUTS = ['bookValue', 'valueAtRisk99', 'expectedShortfall99', 'worstStress', 'stressGrid'];

/** A small options book on three underlyings. */
export const BOOK: Position[] = [
  { underlying: 'ACME', kind: 'call', strike: 105, expiryDays: 30, quantity: 200 },
  { underlying: 'ACME', kind: 'put', strike: 95, expiryDays: 60, quantity: -150 },
  { underlying: 'GLOBEX', kind: 'call', strike: 50, expiryDays: 90, quantity: -300 },
  { underlying: 'GLOBEX', kind: 'put', strike: 45, expiryDays: 45, quantity: 400 },
  { underlying: 'INITECH', kind: 'call', strike: 210, expiryDays: 20, quantity: 100 },
  { underlying: 'INITECH', kind: 'put', strike: 190, expiryDays: 120, quantity: 120 },
];

/** The inputs of a run: `scenarios` market moves for the value at risk, trees of `treeSteps` steps for the stress grid. */
export function riskInputs(scenarios = 400_000, treeSteps = 1_000): Record<string, unknown> {
  return {
    book: BOOK,
    spots: { ACME: 101.5, GLOBEX: 48.2, INITECH: 199 },
    historyDays: 500,
    seed: 7,
    scenarios,
    treeSteps,
  };
}
