import type { GraphAdapter } from '@hamilton-ts/core';
import { ArqueroTableResult } from '@hamilton-ts/result-builders';
import type { ColumnTable } from 'arquero';

/**
 * Runs nodes locally and builds an arquero table from the outputs: the twin of Hamilton's
 * `SimplePythonDataFrameGraphAdapter`, and what a driver does when given no result builder.
 *
 * @example
 * const dr = new Driver({}, SpendFeatures, { adapter: new SimpleTableGraphAdapter() });
 * const table = await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
 */
export class SimpleTableGraphAdapter implements GraphAdapter {
  private readonly builder = new ArqueroTableResult();

  buildResult(outputs: Record<string, unknown>): ColumnTable {
    return this.builder.buildResult(outputs);
  }
}
