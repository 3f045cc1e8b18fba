import { HamiltonError } from '@hamilton-ts/result-builders';

/**
 * Thrown when a `checkOutput` validator with `importance: 'fail'` rejects a node's value.
 * Names the node, the validator and the first offending values.
 *
 * @example
 * // @checkOutput({ range: [0, 1] }, { importance: 'fail' }) on `score` → DataValidationError: score failed range ...
 */
export class DataValidationError extends HamiltonError {
  constructor(
    readonly node: string,
    readonly validator: string,
    readonly offending: readonly unknown[],
    message: string,
  ) {
    super(message);
  }
}
