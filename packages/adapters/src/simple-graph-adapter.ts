import type { GraphAdapter, ResultBuilder } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';

/**
 * Runs nodes locally and hands the outputs to the result builder it is given (a plain record by
 * default): the twin of Hamilton's `SimplePythonGraphAdapter(result_builder)`.
 *
 * @example
 * const dr = new Driver({}, SpendFeatures, { adapter: new SimpleGraphAdapter(new ArrowResult()) });
 * const ipcBytes = await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
 */
export class SimpleGraphAdapter<R = Record<string, unknown>> implements GraphAdapter {
  constructor(private readonly resultBuilder: ResultBuilder<R> = new DictResult() as unknown as ResultBuilder<R>) {}

  buildResult(outputs: Record<string, unknown>): R | Promise<R> {
    return this.resultBuilder.buildResult(outputs);
  }
}
