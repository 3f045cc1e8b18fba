import type { GraphAdapter, RecordOfOutputs, ResultBuilder } from '@hamilton-ts/core';
import { DictResult } from '@hamilton-ts/result-builders';

/**
 * Runs nodes locally and hands the outputs to the result builder it is given (a plain record by
 * default): the twin of Hamilton's `SimplePythonGraphAdapter(result_builder)`. The driver's results
 * are typed as that builder's.
 *
 * @example
 * const dr = new Driver({}, SpendFeatures, { adapter: new SimpleGraphAdapter(new ArrowResult()) });
 * const ipcBytes = await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
 */
export class SimpleGraphAdapter<R = RecordOfOutputs> implements GraphAdapter {
  constructor(private readonly resultBuilder: ResultBuilder<R> = new DictResult() as unknown as ResultBuilder<R>) {}

  // NoInfer: `new SimpleGraphAdapter()` inside a driver's options would otherwise take its R from the
  // driver's still-unknown result type instead of the default.
  buildResult(outputs: Record<string, unknown>): NoInfer<R> | Promise<NoInfer<R>> {
    return this.resultBuilder.buildResult(outputs);
  }
}
