import { HamiltonError } from './hamilton-error.js';
import { messages } from './messages.js';

/**
 * Thrown when outputs cannot be combined into one table: array outputs of different lengths, or
 * two outputs that would produce the same column name. Every problem is reported at once.
 * `lengths` holds the length of every column-like output (flattened names for records of columns);
 * `duplicateColumns` lists the column names produced more than once.
 *
 * @example
 * try { new ArqueroTableResult().buildResult({ spend: [1, 2, 3], signups: [1, 2, 3, 4] }); }
 * catch (e) { if (e instanceof ResultBuildError) e.lengths; } // { spend: 3, signups: 4 }
 */
export class ResultBuildError extends HamiltonError {
  constructor(
    readonly problems: readonly string[],
    readonly lengths: Readonly<Record<string, number>>,
    readonly duplicateColumns: readonly string[] = [],
  ) {
    super(messages.resultBuild(problems));
  }
}
