import { type GraphAdapter, isThenable, type NodeExecuteContext } from '@hamilton-ts/core';
import { errorMatcher } from './error-matcher.js';
import { FAILED } from './failed.js';
import { messages } from './messages.js';
import { check, optionsObject } from './options.js';
import { type NodeFailure, RunFailures } from './run-failures.js';

/**
 * Options of `GracefulErrorAdapter`.
 *
 * @example
 * const options: GracefulErrorAdapterOptions = { sentinel: null, errorTypes: [RangeError, FetchError] };
 */
export interface GracefulErrorAdapterOptions {
  /** What a failed node, and every node depending on one, yields; `FAILED` by default. */
  sentinel?: unknown;
  /** The errors to catch (by `instanceof` or by `name`); every error by default. Others fail the run as usual. */
  errorTypes?: Function[];
}

/** How many runs' failures an adapter keeps. */
const RUNS_KEPT = 20;

/**
 * Lets a run go on when nodes fail: a node that throws or rejects with an error of `errorTypes` yields
 * `sentinel` instead, and a node any of whose dependencies is `sentinel` yields `sentinel` without
 * running; nodes that do not depend on a failure compute as usual. An error of another type fails the
 * run as usual, and so do the driver's own errors (missing inputs, unknown outputs). The errors caught
 * are kept: `failures(runId?)` lists them for a run (the latest one started by default), in the order
 * they were caught; the last 20 runs are kept.
 *
 * @example
 * const graceful = new GracefulErrorAdapter({ errorTypes: [RangeError] });
 * const dr = new Driver({}, Reports, { adapter: graceful });
 * const out = await dr.rawExecute(['summary', 'chart'], { inputs });
 * out.summary === FAILED; // summary (or a node it depends on) threw a RangeError
 * graceful.failures(); // [{ runId, node: 'cleaned', error: RangeError(...) }]
 */
export class GracefulErrorAdapter implements GraphAdapter {
  /** What failed nodes and their dependents yield. */
  readonly sentinel: unknown;
  private readonly catches: (error: unknown) => boolean;
  private readonly caught = new RunFailures(RUNS_KEPT);

  constructor(options?: GracefulErrorAdapterOptions) {
    const { sentinel = FAILED, errorTypes } = optionsObject('GracefulErrorAdapter', options, '{ errorTypes: [RangeError] }');
    check(
      errorTypes === undefined || (Array.isArray(errorTypes) && errorTypes.every((t) => typeof t === 'function')),
      messages.badErrorTypes,
      errorTypes,
    );
    this.sentinel = sentinel;
    this.catches = errorMatcher(errorTypes);
  }

  /** The failures caught in run `runId`, or in the latest run started; `[]` when every node succeeded. */
  failures(runId?: string): readonly NodeFailure[] {
    return this.caught.of(runId);
  }

  preGraphExecute({ runId }: { runId: string }): void {
    this.caught.begin(runId);
  }

  doNodeExecute(ctx: NodeExecuteContext, next: (ctx: NodeExecuteContext) => unknown): unknown {
    for (const value of Object.values(ctx.kwargs)) if (this.isSentinel(value)) return this.sentinel;
    let result: unknown;
    try {
      result = next(ctx);
    } catch (error) {
      return this.recover(ctx, error);
    }
    return isThenable(result) ? Promise.resolve(result).then(undefined, (error: unknown) => this.recover(ctx, error)) : result;
  }

  /** Same value as the sentinel, NaN included (SameValueZero, as `Array.prototype.includes`). */
  private isSentinel(value: unknown): boolean {
    // biome-ignore lint/suspicious/noSelfCompare: NaN is the only value not equal to itself
    return value === this.sentinel || (value !== value && this.sentinel !== this.sentinel);
  }

  /** The sentinel for a caught error; anything else is thrown on unchanged. */
  private recover(ctx: NodeExecuteContext, error: unknown): unknown {
    if (!this.catches(error)) throw error;
    this.caught.add({ runId: ctx.runId, node: ctx.node.name, error });
    return this.sentinel;
  }
}
