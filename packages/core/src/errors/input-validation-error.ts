import { HamiltonError } from '@hamilton-ts/result-builders';
import { messages } from './messages.js';

/** One input that cannot be used: missing, mistyped, or supplied in the wrong place. */
export interface InputProblem {
  readonly input: string;
  /** The nodes that consume the input (empty when it names a computed node). */
  readonly neededBy: readonly string[];
  readonly message: string;
}

/**
 * Thrown before any node runs when inputs are missing or unusable: a required input absent, a value
 * of the wrong type, a key in both config and inputs, or an input that names a computed node.
 * Every problem of one call is listed in `problems`.
 *
 * @example
 * await dr.execute(['spendPerSignup'], { inputs: {} }); // InputValidationError: missing input spend, needed by spendUsd
 */
export class InputValidationError extends HamiltonError {
  constructor(readonly problems: readonly InputProblem[]) {
    super(messages.inputs(problems.map((p) => p.message)));
  }
}
