import type { GraphAdapter, Variable } from '@hamilton-ts/core';
import { FAILED } from './failed.js';
import { formatDuration } from './format-duration.js';
import { lines, messages } from './messages.js';
import { check, optionsObject } from './options.js';
import { StartTimes } from './start-times.js';

/**
 * Options of `PrintLn`.
 *
 * @example
 * const options: PrintLnOptions = { verbosity: 0, print: (line) => logger.warn(line) };
 */
export interface PrintLnOptions {
  /** 0: failures only; 1 (default): finishes and failures; 2: also starts, with the names of the node's kwargs. */
  verbosity?: 0 | 1 | 2;
  /** Where lines go; `console.log` by default. */
  print?: (line: string) => void;
}

type NodeEvent = { runId: string; node: Variable; kwargs: Readonly<Record<string, unknown>> };
type NodeResult = NodeEvent & { success: boolean; error: unknown; result: unknown };

/**
 * Prints a line per node: when it starts (verbosity 2, with its kwargs names), when it finishes, with
 * its duration, and when it fails, with the error's message (at every verbosity). A node that
 * `GracefulErrorAdapter` turned into `FAILED` is printed as failed, and a node skipped because a
 * dependency is `FAILED` as skipped. Durations are told apart per run and per call, also when the
 * same node runs several times at once.
 *
 * @example
 * const dr = new Driver({}, SpendFeatures, { adapter: new PrintLn({ verbosity: 2 }) });
 * await dr.rawExecute(['spendPerSignup'], { inputs: { spend, signups } });
 * // Executing node: spendUsd (kwargs: spend)
 * // Finished node: spendUsd in 0.05 ms
 * // Executing node: spendPerSignup (kwargs: spendUsd, signups)
 * // Finished node: spendPerSignup in 0.02 ms
 */
export class PrintLn implements GraphAdapter {
  private readonly verbosity: 0 | 1 | 2;
  private readonly print: (line: string) => void;
  private readonly starts = new StartTimes();

  constructor(options?: PrintLnOptions) {
    const { verbosity = 1, print = (line: string) => console.log(line) } = optionsObject('PrintLn', options, '{ verbosity: 2 }');
    check(verbosity === 0 || verbosity === 1 || verbosity === 2, messages.badVerbosity, verbosity);
    check(typeof print === 'function', messages.badPrint, print);
    this.verbosity = verbosity;
    this.print = print;
  }

  preNodeExecute({ runId, node, kwargs }: NodeEvent): void {
    if (this.verbosity === 2) this.print(lines.start(node.name, Object.keys(kwargs)));
    this.starts.start(runId, node.name, kwargs, performance.now());
  }

  postNodeExecute({ runId, node, kwargs, success, error, result }: NodeResult): void {
    const ms = this.starts.finish(runId, node.name, kwargs, performance.now());
    const duration = ms === undefined ? 'an unknown time' : formatDuration(ms);
    if (!success) this.print(lines.failure(node.name, duration, error));
    else if (result !== FAILED) {
      if (this.verbosity >= 1) this.print(lines.finish(node.name, duration));
    } else if (!Object.values(kwargs).includes(FAILED)) this.print(lines.gracefulFailure(node.name, duration));
    else if (this.verbosity >= 1) this.print(lines.skipped(node.name));
  }

  postGraphExecute({ runId }: { runId: string }): void {
    this.starts.forget(runId);
  }
}
